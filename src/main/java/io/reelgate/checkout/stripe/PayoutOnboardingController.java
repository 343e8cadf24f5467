package io.reelgate.checkout.stripe;

import java.time.Clock;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.checkout.PaymentGatewayException;
import io.reelgate.checkout.SellerStatus;
import io.reelgate.checkout.Sellers;
import io.reelgate.shared.PublicUrlProperties;

import org.springframework.context.annotation.Conditional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Stripe Connect onboarding for creators: an Express account per creator and a fresh account link for each visit.
 * Links are single-use and short-lived; when one has expired Stripe sends the creator to the refresh URL, which
 * lies under /studio and so needs the creator logged in again before a new link is minted.
 */
@Controller
@Conditional(StripeMode.On.class)
@RequestMapping("/studio/payouts")
class PayoutOnboardingController {

	private final StripeClient stripe;

	private final Sellers sellers;

	private final StripeProperties properties;

	private final PublicUrlProperties site;

	private final Clock clock;

	PayoutOnboardingController(StripeClient stripe, Sellers sellers, StripeProperties properties,
			PublicUrlProperties site, Clock clock) {
		this.stripe = stripe;
		this.sellers = sellers;
		this.properties = properties;
		this.site = site;
		this.clock = clock;
	}

	@PostMapping("/connect")
	String connect(@AuthenticationPrincipal AccountPrincipal me) {
		return "redirect:" + onboardingLink(me);
	}

	@GetMapping("/refresh")
	String refresh(@AuthenticationPrincipal AccountPrincipal me) {
		return "redirect:" + onboardingLink(me);
	}

	@GetMapping("/return")
	String returned(@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
		SellerStatus status = sellers.status(me.accountId());
		if (status.started()) {
			try {
				Account account = stripe.v1().accounts().retrieve(status.providerAccount());
				sellers.update(account.getId(), Boolean.TRUE.equals(account.getChargesEnabled()),
						Boolean.TRUE.equals(account.getPayoutsEnabled()),
						Boolean.TRUE.equals(account.getDetailsSubmitted()));
			}
			catch (StripeException ex) {
				throw new PaymentGatewayException("Could not read Stripe account " + status.providerAccount(), ex);
			}
		}
		redirect.addFlashAttribute("success",
				sellers.status(me.accountId()).chargesEnabled() ? "payouts.ready" : "payouts.pending");
		return "redirect:/studio";
	}

	private String onboardingLink(AccountPrincipal me) {
		try {
			String account = sellers.status(me.accountId()).started() ? sellers.status(me.accountId()).providerAccount()
					: sellers.register(me.accountId(), createAccount(me).getId());
			AccountLink link = stripe.v1().accountLinks().create(AccountLinkCreateParams.builder()
				.setAccount(account)
				.setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
				.setRefreshUrl(site.link("/studio/payouts/refresh"))
				.setReturnUrl(site.link("/studio/payouts/return"))
				.build(), StripePaymentGateway.idempotent(linkKey(me)));
			return link.getUrl();
		}
		catch (StripeException ex) {
			throw new PaymentGatewayException("Could not start Stripe onboarding for " + me.accountId(), ex);
		}
	}

	/**
	 * Retries and double clicks within the same minute get the same link back; a later visit gets a fresh one, as
	 * links are single-use.
	 */
	private String linkKey(AccountPrincipal me) {
		return "account-link-" + me.accountId() + "-" + clock.instant().getEpochSecond() / 60;
	}

	/** One Express account per creator, whatever the number of clicks: the idempotency key is the creator's id. */
	private Account createAccount(AccountPrincipal me) throws StripeException {
		AccountCreateParams params = AccountCreateParams.builder()
			.setType(AccountCreateParams.Type.EXPRESS)
			.setCountry(properties.connectCountry())
			.setEmail(me.email())
			.putMetadata("reelgate_account", me.accountId().toString())
			.setCapabilities(AccountCreateParams.Capabilities.builder()
				.setCardPayments(AccountCreateParams.Capabilities.CardPayments.builder().setRequested(true).build())
				.setTransfers(AccountCreateParams.Capabilities.Transfers.builder().setRequested(true).build())
				.build())
			.build();
		return stripe.v1().accounts().create(params, StripePaymentGateway.idempotent("connect-" + me.accountId()));
	}
}
