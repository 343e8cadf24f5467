package io.reelgate.checkout.stripe;

import com.stripe.model.checkout.Session;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.checkout.CheckoutService;
import io.reelgate.checkout.OrderNotFoundException;
import io.reelgate.checkout.OrderView;
import io.reelgate.checkout.PaymentGatewayException;
import io.reelgate.shared.OrderId;

import org.springframework.context.annotation.Conditional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where Stripe sends the buyer back. The session id in the URL proves nothing by itself: the session is fetched
 * from Stripe and must belong to one of this buyer's orders and be paid before anything is granted, so a forged or
 * replayed return link grants nothing. Whichever comes first, this or the webhook, confirms; the other is a no-op.
 */
@Controller
@Conditional(StripeMode.On.class)
class StripeReturnController {

	private final StripeSessions sessions;

	private final CheckoutService checkout;

	StripeReturnController(StripeSessions sessions, CheckoutService checkout) {
		this.sessions = sessions;
		this.checkout = checkout;
	}

	@GetMapping("/checkout/stripe/return")
	String returned(@AuthenticationPrincipal AccountPrincipal me, @RequestParam("session_id") String sessionId,
			RedirectAttributes redirect) {
		Session session;
		try {
			session = sessions.retrieve(sessionId);
		}
		catch (PaymentGatewayException ex) {
			throw new OrderNotFoundException();
		}
		OrderId orderId = StripeSessions.orderOf(session).orElseThrow(OrderNotFoundException::new);
		OrderView order = checkout.order(me.accountId(), orderId);
		StripeSessions.Settled settled = sessions.settle(session);
		if (settled == StripeSessions.Settled.PAID) {
			redirect.addFlashAttribute("success", "checkout.paid");
			return "redirect:/library";
		}
		if (settled == StripeSessions.Settled.CLOSED) {
			redirect.addFlashAttribute("error", "checkout.closed");
			return "redirect:/bundles/" + order.bundle();
		}
		redirect.addFlashAttribute("success", "checkout.processing");
		return "redirect:/library";
	}

	@GetMapping("/checkout/stripe/cancelled")
	String cancelled(@AuthenticationPrincipal AccountPrincipal me, @RequestParam("order") OrderId orderId,
			RedirectAttributes redirect) {
		OrderView order = checkout.order(me.accountId(), orderId);
		checkout.cancel(me.accountId(), orderId);
		redirect.addFlashAttribute("success", "checkout.cancelled");
		return "redirect:/bundles/" + order.bundle();
	}
}
