package io.reelgate.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the links Reelgate mails to account holders work.
 *
 * @param verifyEmail the link that confirms an address after sign-up; default 48 hours
 * @param resetPassword the link that sets a new password; default 1 hour, since it hands over the account
 * @param changeEmail the link, sent to a new address, that makes it the account's address; default 24 hours
 */
@ConfigurationProperties("reelgate.accounts.links")
record AccountLinkProperties(@DefaultValue("48h") Duration verifyEmail, @DefaultValue("1h") Duration resetPassword,
		@DefaultValue("24h") Duration changeEmail) {

	AccountLinkProperties {
		for (Duration lifetime : new Duration[] { verifyEmail, resetPassword, changeEmail }) {
			if (lifetime.isNegative() || lifetime.isZero()) {
				throw new IllegalArgumentException("reelgate.accounts.links.* must be positive durations");
			}
		}
	}

	Duration lifetime(AccountToken.Purpose purpose) {
		return switch (purpose) {
			case VERIFY_EMAIL -> verifyEmail;
			case RESET_PASSWORD -> resetPassword;
			case CHANGE_EMAIL -> changeEmail;
		};
	}
}
