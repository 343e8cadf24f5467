package io.reelgate.accounts;

import org.jspecify.annotations.Nullable;

/**
 * Where logging in or signing up goes on to: the page that sent the visitor ("Log in to buy" on a bundle page sends
 * {@code ?next=/bundles/...}). Only a path on this site is followed, never a URL of another one, so a crafted link
 * cannot use the login form to send someone elsewhere (an open redirect).
 */
public final class LoginTargets {

	/** The form field and query parameter that carry the target. */
	public static final String PARAMETER = "next";

	/** Where the target waits in the session while a second factor is asked for. */
	public static final String SESSION_ATTRIBUTE = LoginTargets.class.getName();

	private static final int MAX_LENGTH = 2000;

	private LoginTargets() {
	}

	/**
	 * The target if it is a path on this site: it starts with one slash (not {@code //} or {@code /\}, which browsers
	 * take as another host), has no control characters, backslashes or braces, and is not a login, sign-up or logout page
	 * (which would go round in a circle); otherwise null.
	 */
	public static @Nullable String local(@Nullable String target) {
		if (target == null || target.isEmpty() || target.length() > MAX_LENGTH || target.charAt(0) != '/') {
			return null;
		}
		if (target.length() > 1 && (target.charAt(1) == '/' || target.charAt(1) == '\\')) {
			return null;
		}
		// Braces too: a path of ours has them percent-encoded, and a redirect view would read them as a template.
		if (target.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\' || c == '{' || c == '}')) {
			return null;
		}
		String path = target.split("[?#]", 2)[0];
		if (path.equals("/login") || path.startsWith("/login/") || path.equals("/signup") || path.equals("/logout")) {
			return null;
		}
		return target;
	}
}
