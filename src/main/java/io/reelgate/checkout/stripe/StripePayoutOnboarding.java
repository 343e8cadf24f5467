package io.reelgate.checkout.stripe;

import java.time.Clock;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import io.reelgate.checkout.PaymentGatewayException;
import io.reelgate.checkout.PayoutOnboarding;
import io.reelgate.checkout.SellerStatus;
import io.reelgate.checkout.Sellers;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.PublicUrlProperties;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Stripe Connect onboarding: an Express account per creator and a fresh account link for each visit. Links are
 * single-use and short-lived; when one has expired Stripe sends the creator to the refresh URL for a new one.
 */
@Component
@Conditional(StripeMode.On.class)
class StripePayoutOnboarding implements PayoutOnboarding {

	private final StripeClient stripe;

	private final Sellers sellers;

	private final StripeProperties properties;

	private final PublicUrlProperties site;

	private final Clock clock;

	StripePayoutOnboarding(StripeClient stripe, Sellers sellers, StripeProperties properties,
			PublicUrlProperties site, Clock clock) {
		this.stripe = stripe;
		this.sellers = sellers;
		this.properties = properties;
		this.site = site;
		this.clock = clock;
	}

	@Override
	public String onboardingLink(AccountId seller, String email, String pages) {
		try {
			String account = sellers.status(seller).started() ? sellers.status(seller).providerAccount()
					: sellers.register(seller, createAccount(seller, email).getId());
			AccountLink link = stripe.v1().accountLinks().create(AccountLinkCreateParams.builder()
				.setAccount(account)
				.setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
				.setRefreshUrl(site.link(pages + "/refresh"))
				.setReturnUrl(site.link(pages + "/return"))
				.build(), StripePaymentGateway.idempotent(linkKey(seller)));
			return link.getUrl();
		}
		catch (StripeException ex) {
			throw new PaymentGatewayException("Could not start Stripe onboarding for " + seller, ex);
		}
	}

	@Override
	public void refresh(AccountId seller) {
		SellerStatus status = sellers.status(seller);
		if (!status.started()) {
			return;
		}
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

	/**
	 * Retries and double clicks within the same minute get the same link back; a later visit gets a fresh one, as
	 * links are single-use.
	 */
	private String linkKey(AccountId seller) {
		return "account-link-" + seller + "-" + clock.instant().getEpochSecond() / 60;
	}

	/** One Express account per creator, whatever the number of clicks: the idempotency key is the creator's id. */
	private Account createAccount(AccountId seller, String email) throws StripeException {
		AccountCreateParams params = AccountCreateParams.builder()
			.setType(AccountCreateParams.Type.EXPRESS)
			.setCountry(properties.connectCountry())
			.setEmail(email)
			.putMetadata("reelgate_account", seller.toString())
			.setCapabilities(AccountCreateParams.Capabilities.builder()
				.setCardPayments(AccountCreateParams.Capabilities.CardPayments.builder().setRequested(true).build())
				.setTransfers(AccountCreateParams.Capabilities.Transfers.builder().setRequested(true).build())
				.build())
			.build();
		return stripe.v1().accounts().create(params, StripePaymentGateway.idempotent("connect-" + seller));
	}
}
