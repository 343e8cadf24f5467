package io.reelgate.accounts;

import io.reelgate.accounts.AccountToken.Purpose;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes and mails the links, after the request that asked for them has committed. Each link is made here rather
 * than in the request, so its secret exists only in the mail; if sending fails the publication stays incomplete
 * and a new link is made and sent when it is retried (the older one is revoked then). A request's response
 * never waits for the mail server, and its timing does not tell whether an account exists.
 */
@Component
class AccountLinkMails {

	private final Accounts accounts;

	private final LinkTokens tokens;

	private final AccountMailer mailer;

	private final TransactionTemplate transactions;

	AccountLinkMails(Accounts accounts, LinkTokens tokens, AccountMailer mailer, TransactionTemplate transactions) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.mailer = mailer;
		this.transactions = transactions;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(EmailVerificationRequested event) {
		Link link = transactions.execute(status -> accounts.findById(event.account().value())
			.filter(a -> !a.isDeleted() && !a.isEmailVerified())
			.map(a -> new Link(a.email(), a.displayName(), tokens.issue(a.id(), Purpose.VERIFY_EMAIL, a.email())))
			.orElse(null));
		if (link != null) {
			mailer.confirmAddress(link.to(), link.name(), "/email/verify", link.token(), false);
		}
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(PasswordResetRequested event) {
		Link link = transactions.execute(status -> accounts.findById(event.account().value())
			.filter(a -> !a.isDeleted())
			.map(a -> new Link(a.email(), a.displayName(), tokens.issue(a.id(), Purpose.RESET_PASSWORD, null)))
			.orElse(null));
		if (link != null) {
			mailer.resetPassword(link.to(), link.name(), "/password/reset", link.token());
		}
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(EmailChangeRequested event) {
		Link link = transactions.execute(status -> accounts.findById(event.account().value())
			.filter(a -> !a.isDeleted() && a.email().equals(event.previousEmail()))
			.map(a -> new Link(event.newEmail(), a.displayName(),
					tokens.issue(a.id(), Purpose.CHANGE_EMAIL, event.newEmail())))
			.orElse(null));
		if (link != null) {
			mailer.confirmAddress(link.to(), link.name(), "/email/verify", link.token(), true);
			mailer.addressChangeRequested(event.previousEmail(), link.name(), event.newEmail());
		}
	}

	private record Link(String to, String name, String token) {
	}
}
