package io.reelgate.checkout.stripe;

import java.nio.charset.StandardCharsets;

import com.stripe.exception.SignatureVerificationException;
import io.reelgate.checkout.PaymentGatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Conditional;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook endpoint. Open to anyone and exempt from CSRF (Stripe cannot send our token); the signature is
 * what authenticates a delivery. Answers 200 once the event is handled (or was before, or needs nothing), 400 for a
 * missing or bad signature, 503 when the outcome could not be recorded (Stripe unreachable, database down), so that
 * Stripe's retry is useful, and never a redirect, which Stripe would count as a failed delivery.
 */
@RestController
@Conditional(StripeMode.On.class)
class StripeWebhookController {

	static final String PATH = "/stripe/webhook";

	private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

	private final StripeEventProcessor processor;

	StripeWebhookController(StripeEventProcessor processor) {
		this.processor = processor;
	}

	@PostMapping(PATH)
	ResponseEntity<String> receive(@RequestBody byte[] payload,
			@RequestHeader(name = "Stripe-Signature", required = false) String signature) {
		if (signature == null || signature.isBlank()) {
			return ResponseEntity.badRequest().body("Missing Stripe-Signature");
		}
		try {
			processor.process(new String(payload, StandardCharsets.UTF_8), signature);
		}
		catch (SignatureVerificationException ex) {
			// Anyone can post here: one quiet line, never a stack trace.
			log.debug("Stripe webhook refused: {}", ex.getMessage());
			return ResponseEntity.badRequest().body("Invalid signature");
		}
		catch (PaymentGatewayException | DataAccessException | TransactionException ex) {
			log.warn("Stripe webhook not applied, answered 503 for Stripe to retry: {} ({})", ex.getMessage(),
					NestedExceptionUtils.getMostSpecificCause(ex).toString());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("Not recorded, retry later");
		}
		return ResponseEntity.ok("ok");
	}
}
