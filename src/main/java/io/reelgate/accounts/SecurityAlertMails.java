package io.reelgate.accounts;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails the owner about each {@link SecurityAlertRaised}, after the change committed and outside any transaction
 * (the mail server is never waited for with a connection held), to the address the account has when it is sent.
 */
@Component
class SecurityAlertMails {

	private final Accounts accounts;

	private final AccountMailer mailer;

	private final TransactionTemplate transactions;

	SecurityAlertMails(Accounts accounts, AccountMailer mailer, TransactionTemplate transactions) {
		this.accounts = accounts;
		this.mailer = mailer;
		this.transactions = transactions;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(SecurityAlertRaised alert) {
		Account account = transactions.execute(status -> accounts.findById(alert.account().value())
			.filter(a -> !a.isDeleted())
			.orElse(null));
		if (account != null) {
			mailer.securityAlert(account.email(), account.displayName(), alert.kind().name(), alert.at(),
					alert.clientAddress());
		}
	}
}
