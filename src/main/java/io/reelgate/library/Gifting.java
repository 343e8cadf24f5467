package io.reelgate.library;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.reelgate.catalog.BundleDetails;
import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.Catalog;
import io.reelgate.checkout.GiftPurchased;
import io.reelgate.checkout.GiftReinstated;
import io.reelgate.checkout.GiftRevoked;
import io.reelgate.checkout.PaidOrders;
import io.reelgate.notifications.GiftMails;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.MailedTokens;
import io.reelgate.shared.OrderId;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gifts after payment: the recipient's claim link, the claim into their library, the buyer's list of sent gifts and
 * resends. The link's token is 256 random bits mailed straight away and never stored or published: only its SHA-256
 * is kept. It expires after {@link GiftProperties#claimLifetime()}, and claims once under the row's lock. Claiming
 * into an account that already has the bundle is refused and leaves the gift unclaimed, so the link can still go to
 * someone else. Every claim also checks that the order is still paid, so a refund racing the mail cannot be beaten.
 */
@Service
public class Gifting {

	private final Gifts gifts;

	private final Entitlements entitlements;

	private final PaidOrders orders;

	private final Catalog catalog;

	private final GiftMails mails;

	private final GiftProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Gifting(Gifts gifts, Entitlements entitlements, PaidOrders orders, Catalog catalog, GiftMails mails,
			GiftProperties properties, TransactionTemplate transactions, Clock clock) {
		this.gifts = gifts;
		this.entitlements = entitlements;
		this.orders = orders;
		this.catalog = catalog;
		this.mails = mails;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** What a still-claimable link gives, for the page that asks to claim; nothing changes. */
	public Offer offer(String token) {
		Gift gift = transactions.execute(status -> gifts.findByTokenSha256(MailedTokens.sha256(token))
			.orElseThrow(() -> new GiftException("gift.link.unknown")));
		gift.assertClaimable(clock.instant());
		return new Offer(summary(gift.bundle()), gift.message());
	}

	/**
	 * Claims the gift behind the link into {@code account}'s library, once.
	 * @throws GiftException if the link is unknown, used, expired or voided, if it is the buyer's own gift, or if the
	 * account has the bundle already (the gift then stays unclaimed)
	 */
	@PreAuthorize("isAuthenticated()")
	public BundleSummary claim(String token, AccountId account) {
		BundleId bundle = transactions.execute(status -> {
			Instant now = clock.instant();
			Gift gift = gifts.findForUpdate(MailedTokens.sha256(token)).orElseThrow(() -> new GiftException("gift.link.unknown"));
			gift.assertClaimable(now);
			if (orders.find(gift.order()).isEmpty()) {
				throw new GiftException("gift.link.void");
			}
			if (entitlements.existsByAccountIdAndBundleIdAndRevokedAtIsNullAndSourceNotIn(account.value(),
					gift.bundle().value(), Entitlement.STREAM_ONLY)) {
				throw new GiftException("gift.claim.alreadyOwned");
			}
			gift.claim(account, now);
			entitlements.grantForGift(UUID.randomUUID(), account.value(), gift.bundle().value(),
					gift.order().value(), now);
			return gift.bundle();
		});
		return summary(bundle);
	}

	/** The gifts {@code buyer} paid for, newest first, with what became of each. */
	@PreAuthorize("isAuthenticated()")
	public List<SentGift> sentBy(AccountId buyer) {
		List<Gift> sent = transactions.execute(status -> gifts.findByBuyerIdOrderByCreatedAtDesc(buyer.value()));
		Map<BundleId, String> titles = catalog.titles(sent.stream().map(Gift::bundle).toList());
		Instant now = clock.instant();
		return sent.stream()
			.map(g -> new SentGift(g.order(), g.bundle(), titles.getOrDefault(g.bundle(), ""), g.recipientEmail(),
					state(g, now), g.sentAt(), g.claimedAt(), g.resendableAt(now, properties.resendInterval())))
			.toList();
	}

	/**
	 * Mails the gift's recipient a new link (the previous one stops working), at most once per
	 * {@link GiftProperties#resendInterval()}. Another buyer's gift is unknown.
	 * @throws GiftException if unknown, claimed, voided or asked again too soon
	 */
	@PreAuthorize("isAuthenticated()")
	public void resend(AccountId buyer, OrderId order) {
		String token = MailedTokens.newToken();
		Gift gift = transactions.execute(status -> {
			Instant now = clock.instant();
			Gift found = gifts.findByOrderForUpdate(order.value())
				.filter(g -> g.buyer().equals(buyer))
				.orElseThrow(() -> new GiftException("gift.unknown"));
			if (found.claimed() || found.voided()) {
				throw new GiftException(found.claimed() ? "gift.resend.claimed" : "gift.link.void");
			}
			if (!found.resendableAt(now, properties.resendInterval())) {
				throw new GiftException("gift.resend.tooSoon");
			}
			found.issueLink(MailedTokens.sha256(token), now.plus(properties.claimLifetime()), now);
			return found;
		});
		mail(gift, token);
	}

	/**
	 * Records a paid gift and mails its link. Idempotent: a redelivered event (say, after SMTP failed) mails a new
	 * link, replacing the one that may never have arrived; a claimed, voided or refunded gift gets no mail.
	 */
	void issue(GiftPurchased event) {
		String token = MailedTokens.newToken();
		Gift gift = transactions.execute(status -> {
			Instant now = clock.instant();
			Gift found = gifts.findByOrderForUpdate(event.orderId().value())
				.orElseGet(() -> gifts.saveAndFlush(new Gift(event.orderId(), event.bundle(), event.buyer(),
						event.recipientEmail(), event.message(), now)));
			if (orders.find(event.orderId()).isEmpty()) {
				// Refunded before this ran, perhaps before the row existed for the refund to void.
				found.voidAt(now);
				return null;
			}
			if (found.claimed() || found.voided()) {
				return null;
			}
			found.issueLink(MailedTokens.sha256(token), now.plus(properties.claimLifetime()), now);
			return found;
		});
		if (gift != null) {
			mail(gift, token);
		}
	}

	/** The order was refunded or disputed: the link stops working and a claimed copy is revoked. */
	void revoke(GiftRevoked event) {
		Instant now = clock.instant();
		gifts.findByOrderForUpdate(event.orderId().value()).ifPresent(g -> g.voidAt(now));
		entitlements.revokeExisting(event.orderId().value(), now, event.reason().name());
	}

	void reinstate(GiftReinstated event) {
		gifts.findByOrderForUpdate(event.orderId().value()).ifPresent(Gift::reinstate);
		entitlements.reinstateExisting(event.orderId().value());
	}

	private void mail(Gift gift, String token) {
		BundleSummary bundle = summary(gift.bundle());
		mails.sendClaimLink(gift.recipientEmail(), gift.buyer(), bundle.title(), bundle.creatorName(),
				gift.message(), "/gifts/" + token, properties.claimLifetime().toDays());
	}

	private BundleSummary summary(BundleId id) {
		BundleDetails details = catalog.purchased(List.of(id)).get(id);
		if (details == null) {
			throw new GiftException("gift.link.void");
		}
		return details.summary();
	}

	private static State state(Gift gift, Instant now) {
		if (gift.voided()) {
			return State.VOID;
		}
		if (gift.claimed()) {
			return State.CLAIMED;
		}
		return gift.expiredAt(now) ? State.EXPIRED : State.SENT;
	}

	/** What a claim link offers: the bundle and the buyer's message, if any. */
	public record Offer(BundleSummary bundle, @Nullable String message) {
	}

	/** What became of a gift: link mailed, claimed, link expired (resend it), or voided by a refund. */
	public enum State {
		SENT, CLAIMED, EXPIRED, VOID
	}

	/** A gift as its buyer sees it. */
	public record SentGift(OrderId order, BundleId bundle, String bundleTitle, String recipient, State state,
			@Nullable Instant sentAt, @Nullable Instant claimedAt, boolean resendable) {
	}
}
