package io.reelgate.notifications;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.awaitility.Awaitility.await;

/**
 * Every mail the application hands to its mailer, kept in memory for tests, as a person would find them in their
 * inbox. The shared test context has no SMTP server and, as in production, does not log mail contents: this bean
 * stands in front of the configured mailer (which still runs) and remembers what it was given. Tests read mails
 * here, never from the log.
 */
public class SentMails implements Mailer {

	private final Mailer delegate;

	private final String from;

	private final List<Mail> sent = new CopyOnWriteArrayList<>();

	SentMails(Mailer delegate, String from) {
		this.delegate = delegate;
		this.from = from;
	}

	@Override
	public void send(Mail mail) {
		delegate.send(mail);
		sent.add(mail);
	}

	/**
	 * Every mail so far, oldest first, each as {@code From: ...\nTo: ...\nSubject: ...\n\n<text>}: the form the
	 * logging mailer used to write, so that assertions about recipients, subjects and text read the same.
	 */
	public String transcript() {
		return sent.stream()
			.map(mail -> "From: " + from + "\nTo: " + mail.to() + "\nSubject: " + mail.subject() + "\n\n" + mail.text())
			.collect(Collectors.joining("\n\n"));
	}

	/**
	 * Waits for the latest mail to {@code to} with a link to {@code path} and returns the link's path and query,
	 * e.g. {@code /email/verify?token=...}, to be opened on the test server's port.
	 */
	public String latestLink(String to, String path) {
		await().atMost(Duration.ofSeconds(20)).until(() -> !links(to, path).isEmpty());
		List<String> links = links(to, path);
		return links.get(links.size() - 1);
	}

	/** Every link to {@code path} mailed to {@code to} so far, oldest first; does not wait. */
	public List<String> links(String to, String path) {
		Pattern link = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(path) + "\\?token=[A-Za-z0-9_-]{43})");
		List<String> links = new ArrayList<>();
		for (Mail mail : sent) {
			if (mail.to().equals(to)) {
				Matcher matcher = link.matcher(mail.text());
				while (matcher.find()) {
					links.add(matcher.group(1));
				}
			}
		}
		return links;
	}

	/**
	 * Every mail to {@code to} so far (the address compared as mail servers do, ignoring case), oldest first, with
	 * the sender the configured mailer writes on it; does not wait.
	 */
	public List<Received> to(String to) {
		return sent.stream()
			.filter(mail -> mail.to().equalsIgnoreCase(to))
			.map(mail -> new Received(from, mail.to(), mail.subject(), mail.text()))
			.toList();
	}

	/** How many mails went to {@code to} so far; does not wait. */
	public long countTo(String to) {
		return sent.stream().filter(mail -> mail.to().equals(to)).count();
	}

	/** One mail as its recipient reads it. */
	public record Received(String from, String to, String subject, String text) {
	}

	/** Puts {@link SentMails} in front of the application's mailer; imported by the shared test context. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Capture {

		@Bean
		@Primary
		SentMails sentMails(@Qualifier("mailer") Mailer mailer, MailProperties properties) {
			return new SentMails(mailer, properties.from());
		}
	}
}
