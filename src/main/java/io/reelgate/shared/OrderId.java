package io.reelgate.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Typed identifier of an order; {@link #of(String)} lets Spring bind it from a path variable. */
public record OrderId(UUID value) implements Serializable {

	public OrderId {
		Objects.requireNonNull(value, "value");
	}

	public static OrderId random() {
		return new OrderId(UUID.randomUUID());
	}

	public static OrderId of(String text) {
		return new OrderId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
