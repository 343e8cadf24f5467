package io.reelgate.checkout.stripe;

import java.nio.charset.StandardCharsets;

import com.stripe.exception.SignatureVerificationException;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook endpoint. Open to anyone and exempt from CSRF (Stripe cannot send our token); the signature is
 * what authenticates a delivery. Answers 200 once the event is handled (or was before), 400 for a bad signature,
 * and never a redirect, which Stripe would count as a failed delivery.
 */
@RestController
@Conditional(StripeMode.On.class)
class StripeWebhookController {

	static final String PATH = "/stripe/webhook";

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
			return ResponseEntity.badRequest().body("Invalid signature");
		}
		return ResponseEntity.ok("ok");
	}
}
