package io.reelgate.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Typed identifier of an account; {@link #of(String)} lets Spring bind it from a path variable. */
public record AccountId(UUID value) implements Serializable {

	public AccountId {
		Objects.requireNonNull(value, "value");
	}

	public static AccountId random() {
		return new AccountId(UUID.randomUUID());
	}

	public static AccountId of(String text) {
		return new AccountId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
