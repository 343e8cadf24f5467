package io.reelgate.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Typed identifier of a file in a bundle; {@link #of(String)} lets Spring bind it from a path variable. */
public record BundleFileId(UUID value) implements Serializable {

	public BundleFileId {
		Objects.requireNonNull(value, "value");
	}

	public static BundleFileId random() {
		return new BundleFileId(UUID.randomUUID());
	}

	public static BundleFileId of(String text) {
		return new BundleFileId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
