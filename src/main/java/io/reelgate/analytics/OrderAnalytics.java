package io.reelgate.analytics;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import io.reelgate.analytics.AnalyticsEvents.Event;
import io.reelgate.analytics.AnalyticsEvents.Kind;
import io.reelgate.checkout.GiftPurchased;
import io.reelgate.checkout.GiftReinstated;
import io.reelgate.checkout.GiftRevoked;
import io.reelgate.checkout.OrderPaid;
import io.reelgate.checkout.OrderReinstated;
import io.reelgate.checkout.OrderRevoked;
import io.reelgate.checkout.OrderView;
import io.reelgate.checkout.PaidOrders;
import io.reelgate.shared.Money;
import io.reelgate.shared.OrderId;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Purchases, rentals and refunds from checkout's events, with the amounts the order recorded. Each order books each
 * movement at most once (its dedupe key), so a redelivered event counts once. A dispute takes the money out like a
 * refund (only the part it contested, as the ledger booked it); a dispute won puts that part back.
 */
@Component
class OrderAnalytics {

	private final PaidOrders orders;

	private final AnalyticsEvents events;

	private final Clock clock;

	OrderAnalytics(PaidOrders orders, AnalyticsEvents events, Clock clock) {
		this.orders = orders;
		this.events = events;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(OrderPaid paid) {
		orders.findInAnyState(paid.orderId()).ifPresent(order -> {
			Instant at = order.paidAt() != null ? order.paidAt() : clock.instant();
			Money amount = order.amount();
			UnlockKind kind = order.rental() ? UnlockKind.RENTAL
					: amount == null ? UnlockKind.FREE : UnlockKind.PURCHASE;
			events.append(money(Kind.UNLOCK, order, key(order.id(), "paid"), kind.name(), at, whole(order), 1));
		});
	}

	@ApplicationModuleListener
	void on(OrderRevoked revoked) {
		orders.findInAnyState(revoked.orderId())
			.filter(OrderAnalytics::movedMoney)
			.ifPresent(order -> events.append(money(Kind.REFUND, order,
					key(order.id(), revoked.reason().name().toLowerCase(Locale.ROOT)), null, clock.instant(),
					revoked.reason() == OrderRevoked.Reason.DISPUTED ? disputed(order) : whole(order), 1)));
	}

	/** Only a dispute reinstates an order: what the dispute took comes back. */
	@ApplicationModuleListener
	void on(OrderReinstated reinstated) {
		orders.findInAnyState(reinstated.orderId())
			.filter(OrderAnalytics::movedMoney)
			.ifPresent(order -> events.append(money(Kind.REFUND, order, key(order.id(), "dispute-won"), null,
					clock.instant(), disputed(order), -1)));
	}

	/** A gift counts as a GIFT unlock with its money; its refund and a won dispute as for any order. */
	@ApplicationModuleListener
	void on(GiftPurchased gift) {
		orders.findInAnyState(gift.orderId()).ifPresent(order -> events.append(money(Kind.UNLOCK, order,
				key(order.id(), "paid"), UnlockKind.GIFT.name(), order.paidAt() != null ? order.paidAt()
						: clock.instant(), whole(order), 1)));
	}

	@ApplicationModuleListener
	void on(GiftRevoked revoked) {
		on(new OrderRevoked(revoked.orderId(), revoked.buyer(), revoked.bundle(), revoked.reason()));
	}

	@ApplicationModuleListener
	void on(GiftReinstated reinstated) {
		on(new OrderReinstated(reinstated.orderId(), reinstated.buyer(), reinstated.bundle()));
	}

	private static boolean movedMoney(OrderView order) {
		return order.amount() != null && !order.amount().isZero();
	}

	private static String key(OrderId order, String movement) {
		return "order:" + order + ":" + movement;
	}

	/** The whole payment: what a sale, a refund or a removal moves. */
	private static Amounts whole(OrderView order) {
		Money net = order.net();
		return net == null ? Amounts.NONE : new Amounts(net, order.feeMinor(), order.tax() == null ? 0 : order.tax().minor());
	}

	/**
	 * The part of the payment the bank contested, as the ledger booked it: a dispute may be over less than the whole
	 * payment. An order disputed before the ledger booked disputes counts as wholly disputed.
	 */
	private Amounts disputed(OrderView order) {
		return orders.disputedPart(order.id())
			.map(part -> new Amounts(part.net(), part.feeMinor(), part.taxMinor()))
			.orElseGet(() -> whole(order));
	}

	/** {@code sign} -1 records money going the other way (a refund undone). */
	private static Event money(Kind kind, OrderView order, String key, @Nullable String unlockKind, Instant at,
			Amounts amounts, int sign) {
		// Sales tax and VAT belong to the tax authorities, not the creator: their figures count the net, and the tax
		// is kept beside it for the exports.
		Money amount = amounts.net();
		boolean moved = amount != null && !amount.isZero();
		return new Event(kind, order.bundle(), order.seller(), at, key, unlockKind, null,
				moved ? amount.currency().getCurrencyCode() : null, moved ? sign * amount.minor() : 0,
				moved ? sign * amounts.feeMinor() : 0, sign, moved ? sign * amounts.taxMinor() : 0);
	}

	/** Money of one movement: the net (the payment less its tax), the platform's fee in it, and the tax. */
	private record Amounts(@Nullable Money net, long feeMinor, long taxMinor) {

		static final Amounts NONE = new Amounts(null, 0, 0);
	}
}
