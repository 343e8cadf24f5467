package io.reelgate.accounts;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a successful password sign-in leaves on record: from a browser without this account's {@link KnownDevices}
 * cookie it is a security event, and its owner is mailed (someone who knows the password is not always the owner).
 */
@Service
@Transactional
public class SignIns {

	private final Accounts accounts;

	private final SecurityEvents events;

	SignIns(Accounts accounts, SecurityEvents events) {
		this.accounts = accounts;
		this.events = events;
	}

	public void signedIn(String email, boolean knownDevice, @Nullable String clientAddress) {
		if (knownDevice) {
			return;
		}
		accounts.findByEmail(Account.normalizeEmail(email))
			.filter(account -> !account.isDeleted())
			.ifPresent(account -> events.record(account.id(), SecurityEvent.Kind.SIGNED_IN_NEW_DEVICE, clientAddress));
	}
}
