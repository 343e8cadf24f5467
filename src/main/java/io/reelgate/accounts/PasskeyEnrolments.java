package io.reelgate.accounts;

import io.reelgate.shared.AccountId;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Which account added a passkey in this browser session. A session the operator sends to set up a second factor may
 * add a passkey instead of an authenticator app; having just made that passkey, the session counts as having shown
 * it, as a session that typed back its first authenticator code does. Only the session that made the passkey: one
 * added elsewhere meanwhile proves nothing about this one.
 */
public final class PasskeyEnrolments {

	private static final String ATTRIBUTE = PasskeyEnrolments.class.getName();

	private PasskeyEnrolments() {
	}

	/** Notes on the session of the request being served (Spring Security's registration filter) the new passkey. */
	static void remember(AccountId owner) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			attributes.getRequest().getSession().setAttribute(ATTRIBUTE, owner.value().toString());
		}
	}

	/** Whether this session added a passkey for {@code account}; forgets it either way, so it counts once. */
	public static boolean take(HttpSession session, AccountId account) {
		Object owner = session.getAttribute(ATTRIBUTE);
		session.removeAttribute(ATTRIBUTE);
		return account.value().toString().equals(owner);
	}
}
