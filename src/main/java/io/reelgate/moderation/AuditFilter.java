package io.reelgate.moderation;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Which audit log lines to show; every part is optional and the parts combine.
 *
 * @param actor part of the acting admin's name, any case
 * @param action one kind of action
 * @param target part of the target's name (a bundle's title, an account's name), or its exact id
 * @param from the first day (UTC) to include
 * @param to the last day (UTC) to include
 */
public record AuditFilter(@Nullable String actor, @Nullable AuditAction action, @Nullable String target,
		@Nullable LocalDate from, @Nullable LocalDate to) {

	public AuditFilter {
		actor = blankToNull(actor);
		target = blankToNull(target);
		if (from != null && to != null && from.isAfter(to)) {
			throw new IllegalArgumentException("The first day comes after the last");
		}
	}

	public static AuditFilter none() {
		return new AuditFilter(null, null, null, null, null);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
