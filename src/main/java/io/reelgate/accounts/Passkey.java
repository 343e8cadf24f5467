package io.reelgate.accounts;

import java.time.Instant;

/** One of an account's passkeys as its account page lists it; {@code id} is the credential id, base64url. */
public record Passkey(String id, String label, Instant created, Instant lastUsed) {
}
