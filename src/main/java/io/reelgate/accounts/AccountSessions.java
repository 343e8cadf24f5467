package io.reelgate.accounts;

import java.util.Comparator;
import java.util.List;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The logins an account has open: Spring Session's sessions, indexed by the address they logged in with. Listing
 * them, and ending one, the others or all of them (on a new password, a new role, a new address, a deletion).
 */
@Service
@Transactional
public class AccountSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/** How many sessions the account has, this one included. */
	@Transactional(readOnly = true)
	public int sessionCount(String email) {
		return sessions.findByPrincipalName(Account.normalizeEmail(email)).size();
	}

	/** Logs the account out everywhere but in the given session; returns how many sessions ended. */
	public int endOtherSessions(String email, String keepSessionId) {
		List<String> others = sessions.findByPrincipalName(Account.normalizeEmail(email)).keySet().stream()
			.filter(sessionId -> !sessionId.equals(keepSessionId))
			.toList();
		others.forEach(sessions::deleteById);
		return others.size();
	}

	/** Logs the holder of the address out everywhere (sessions are indexed by the address they logged in with). */
	void endAllSessions(String email) {
		sessions.findByPrincipalName(Account.normalizeEmail(email)).keySet().forEach(sessions::deleteById);
	}

	/** The account's sessions, the current one first, then the most recently used. */
	@Transactional(readOnly = true)
	public List<SessionView> sessions(String email, String currentSessionId) {
		return sessions.findByPrincipalName(Account.normalizeEmail(email)).values().stream()
			.map(session -> new SessionView(SessionView.handle(session.getId()), session.getCreationTime(),
					session.getLastAccessedTime(), session.getId().equals(currentSessionId)))
			.sorted(Comparator.comparing(SessionView::current).reversed()
				.thenComparing(Comparator.comparing(SessionView::lastUsed).reversed()))
			.toList();
	}

	/**
	 * Logs out one other session of the account, named by its {@linkplain SessionView#handle handle}; the current
	 * session is ended by logging out, not here.
	 * @return whether such a session was found and ended
	 */
	public boolean endSession(String email, String handle, String currentSessionId) {
		return sessions.findByPrincipalName(Account.normalizeEmail(email)).keySet().stream()
			.filter(id -> !id.equals(currentSessionId) && SessionView.handle(id).equals(handle))
			.findFirst()
			.map(id -> {
				sessions.deleteById(id);
				return true;
			})
			.orElse(false);
	}
}
