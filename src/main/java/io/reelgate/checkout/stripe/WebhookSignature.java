package io.reelgate.checkout.stripe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;

/**
 * Checks a {@code Stripe-Signature} header ({@code t=<unix seconds>,v1=<hex HMAC-SHA256>[,v1=…][,v0=…]}) before
 * stripe-java verifies the HMAC. stripe-java parses the timestamp with {@code Long.parseLong}, so {@code t=abc},
 * {@code t=} or a 20-digit {@code t} escape as a {@code NumberFormatException}, and it refuses only timestamps
 * too far in the past: a header signed for the future could be replayed until then. Here anything malformed and
 * any timestamp outside the tolerance on either side is a {@link SignatureVerificationException}, which the
 * endpoint answers with 400.
 */
final class WebhookSignature {

	/** Twelve digits reach the year 33658; more is not a timestamp Stripe sends. */
	private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");

	private static final Pattern HMAC_SHA256 = Pattern.compile("[0-9a-f]{64}");

	private static final int MAX_HEADER_LENGTH = 2048;

	private WebhookSignature() {
	}

	static void verify(String payload, String header, String secret, Duration tolerance, Clock clock)
			throws SignatureVerificationException {
		if (header.length() > MAX_HEADER_LENGTH) {
			throw refused("header too long", header);
		}
		Long timestamp = null;
		boolean signed = false;
		for (String element : header.split(",", -1)) {
			int equals = element.indexOf('=');
			if (equals <= 0) {
				throw refused("element without a name and value", header);
			}
			String name = element.substring(0, equals);
			String value = element.substring(equals + 1);
			if ("t".equals(name)) {
				if (timestamp != null || !TIMESTAMP.matcher(value).matches()) {
					throw refused("timestamp missing, repeated or not a number", header);
				}
				timestamp = Long.parseLong(value);
			}
			else if (Webhook.Signature.EXPECTED_SCHEME.equals(name)) {
				if (!HMAC_SHA256.matcher(value).matches()) {
					throw refused("signature is not a hex HMAC-SHA256", header);
				}
				signed = true;
			}
		}
		if (timestamp == null || !signed) {
			throw refused("no timestamp or no " + Webhook.Signature.EXPECTED_SCHEME + " signature", header);
		}
		Duration skew = Duration.between(Instant.ofEpochSecond(timestamp), clock.instant()).abs();
		if (skew.compareTo(tolerance) > 0) {
			throw refused("timestamp outside the tolerance", header);
		}
		Webhook.Signature.verifyHeader(payload, header, secret, tolerance.toSeconds(), clock);
	}

	private static SignatureVerificationException refused(String why, String header) {
		return new SignatureVerificationException("Stripe-Signature refused: " + why, header);
	}
}
