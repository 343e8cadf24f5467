package io.reelgate.api;

import java.util.Arrays;
import java.util.Optional;

/** What a personal access token may do; each API endpoint needs one of these. */
public enum Scope {

	BUNDLES_READ("bundles:read"), BUNDLES_WRITE("bundles:write"), UPLOADS_WRITE("uploads:write"),
	SALES_READ("sales:read");

	private final String value;

	Scope(String value) {
		this.value = value;
	}

	/** The scope as tokens and problem responses name it, e.g. {@code bundles:read}. */
	public String value() {
		return value;
	}

	/** The Spring Security authority a token with this scope carries, e.g. {@code SCOPE_bundles:read}. */
	public String authority() {
		return "SCOPE_" + value;
	}

	public static Optional<Scope> of(String value) {
		return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
	}
}
