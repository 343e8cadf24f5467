package io.reelgate.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds webhook events and signs them exactly as Stripe does: {@code t=<ts>,v1=hex(HMAC-SHA256(secret, t.payload))}. */
public final class StripeWebhooks {

	private StripeWebhooks() {
	}

	public static String event(String type, String objectId, String objectType) {
		return event("evt_" + UUID.randomUUID().toString().replace("-", ""), type, objectId, objectType);
	}

	public static String event(String eventId, String type, String objectId, String objectType) {
		return """
				{"id": "%s", "object": "event", "api_version": "2026-07-29.dahlia", "created": %d, "livemode": false,
				 "pending_webhooks": 1, "type": "%s", "data": {"object": {"id": "%s", "object": "%s"}}}
				""".formatted(eventId, Instant.now().getEpochSecond(), type, objectId, objectType);
	}

	public static String sign(String payload, String secret, Instant at) {
		long timestamp = at.getEpochSecond();
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] signature = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
			return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(signature);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
