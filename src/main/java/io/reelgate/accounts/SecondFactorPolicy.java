package io.reelgate.accounts;

import io.reelgate.shared.AccountId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Which accounts the operator requires a second factor of: admins ({@code required-for-admins}, default on) and,
 * optionally, creators who have set up payouts ({@code required-for-payout-creators}). Read at each sign-in. The
 * switches can be flipped at run time, which is how tests check the policy without a context of their own.
 */
@Component
public class SecondFactorPolicy {

	private final ObjectProvider<PayoutRecipients> payouts;

	private volatile boolean forAdmins;

	private volatile boolean forPayoutCreators;

	SecondFactorPolicy(SecondFactorProperties properties, ObjectProvider<PayoutRecipients> payouts) {
		this.payouts = payouts;
		this.forAdmins = properties.requiredForAdmins();
		this.forPayoutCreators = properties.requiredForPayoutCreators();
	}

	/** Whether the operator requires a second factor of this account. */
	public boolean requires(AccountId account, Role role) {
		return switch (role) {
			case ADMIN -> forAdmins;
			case CREATOR -> forPayoutCreators
					&& payouts.stream().anyMatch(recipients -> recipients.receivesPayouts(account));
			case VIEWER -> false;
		};
	}

	public boolean requiredForAdmins() {
		return forAdmins;
	}

	public void requireForAdmins(boolean required) {
		this.forAdmins = required;
	}

	public boolean requiredForPayoutCreators() {
		return forPayoutCreators;
	}

	public void requireForPayoutCreators(boolean required) {
		this.forPayoutCreators = required;
	}
}
