package io.reelgate.notifications;

/** One plain-text email to one recipient; the sender is configuration ({@code reelgate.mail.from}). */
record Mail(String to, String subject, String text) {
}
