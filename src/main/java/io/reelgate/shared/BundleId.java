package io.reelgate.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Typed identifier of a bundle; {@link #of(String)} lets Spring bind it from a path variable. */
public record BundleId(UUID value) implements Serializable {

	public BundleId {
		Objects.requireNonNull(value, "value");
	}

	public static BundleId random() {
		return new BundleId(UUID.randomUUID());
	}

	public static BundleId of(String text) {
		return new BundleId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
