package io.reelgate.accounts;

import java.time.Duration;

import io.reelgate.ratelimit.Limit;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Two-factor sign-in.
 *
 * @param encryptionKey the AES-256 key (base64 of 32 random bytes, e.g. {@code openssl rand -base64 32}) that
 * encrypts authenticator secrets; the same on every instance. Without it a random key is made once and kept in the
 * database ({@code signing_keys}), which works but means a database backup alone reveals the secrets
 * @param issuer the name authenticator apps show next to the account; default {@code Reelgate}
 * @param requiredForAdmins whether admins must use a second factor (those without one are sent to set one up after
 * signing in); default true
 * @param requiredForPayoutCreators whether creators who have set up payouts must use one too; default false
 * @param stepUpWindow how long a second factor (or, for accounts without one, the password) counts as fresh for
 * dangerous actions (payout details, email, password, API tokens, deleting the account, admins' removals, refunds,
 * bans and role changes); older, and it is asked for again; default 5 minutes
 * @param stepUp whether those actions ask for a fresh factor at all; default true (the test profile turns it off
 * for the suite's simple sessions, and the step-up tests switch it on)
 * @param failures wrong codes per account, in a burst; default 5 per 5 minutes
 * @param sustainedFailures wrong codes per account over a longer time; default 15 per 6 hours
 */
@ConfigurationProperties("reelgate.security.second-factor")
public record SecondFactorProperties(@Nullable String encryptionKey, String issuer, Boolean requiredForAdmins,
		Boolean requiredForPayoutCreators, Duration stepUpWindow, Boolean stepUp, Limit failures, Limit sustainedFailures) {

	public SecondFactorProperties {
		if (encryptionKey != null && encryptionKey.isBlank()) {
			encryptionKey = null;
		}
		if (issuer == null || issuer.isBlank()) {
			issuer = "Reelgate";
		}
		if (requiredForAdmins == null) {
			requiredForAdmins = true;
		}
		if (requiredForPayoutCreators == null) {
			requiredForPayoutCreators = false;
		}
		if (stepUpWindow == null) {
			stepUpWindow = Duration.ofMinutes(5);
		}
		if (stepUpWindow.isNegative() || stepUpWindow.isZero()) {
			throw new IllegalArgumentException("reelgate.security.second-factor.step-up-window must be positive");
		}
		if (stepUp == null) {
			stepUp = true;
		}
		if (failures == null) {
			failures = new Limit(5, Duration.ofMinutes(5));
		}
		if (sustainedFailures == null) {
			sustainedFailures = new Limit(15, Duration.ofHours(6));
		}
	}
}
