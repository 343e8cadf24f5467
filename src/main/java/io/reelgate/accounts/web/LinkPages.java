package io.reelgate.accounts.web;

import io.reelgate.accounts.LinkOutcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;

/** What the pages reached through mailed links share. */
final class LinkPages {

	static final String PROBLEM_VIEW = "accounts/link-problem";

	private LinkPages() {
	}

	/** The page for a link that did not work: 410 for an expired one, 409 for a taken address, else 400. */
	static String problem(LinkOutcome outcome, HttpServletResponse response, Model model) {
		HttpStatus status = switch (outcome) {
			case EXPIRED -> HttpStatus.GONE;
			case EMAIL_TAKEN -> HttpStatus.CONFLICT;
			default -> HttpStatus.BAD_REQUEST;
		};
		response.setStatus(status.value());
		model.addAttribute("problem", outcome.name());
		return PROBLEM_VIEW;
	}

	/**
	 * After a change that logged the account out everywhere: this request's session has been deleted too, so it is
	 * dropped here and the flash message goes into a fresh, anonymous one.
	 */
	static void forgetLogin(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
	}
}
