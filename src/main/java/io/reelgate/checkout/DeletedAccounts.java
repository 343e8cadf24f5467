package io.reelgate.checkout;

import java.time.Clock;
import java.util.EnumSet;

import io.reelgate.accounts.AccountDeleted;
import io.reelgate.catalog.BundleBuyers;
import io.reelgate.shared.BundleId;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payments side of deleted accounts. Orders and ledger rows stay, for accounting, pointing at the anonymised
 * account; a deleted buyer's open checkouts are cancelled. It also tells the catalog which of a deleted creator's
 * bundles have buyers, whose files must stay.
 */
@Component
class DeletedAccounts implements BundleBuyers {

	/** Everyone who has, had, or may be about to have the bundle: refunds and disputes can still turn around. */
	private static final EnumSet<OrderStatus> BUYERS = EnumSet.of(OrderStatus.PAID, OrderStatus.PENDING,
			OrderStatus.REFUNDED, OrderStatus.DISPUTED);

	private final Orders orders;

	private final Clock clock;

	DeletedAccounts(Orders orders, Clock clock) {
		this.orders = orders;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean exist(BundleId bundle) {
		return orders.existsByBundleIdAndStatusIn(bundle.value(), BUYERS);
	}

	@ApplicationModuleListener
	void on(AccountDeleted event) {
		orders.findByBuyerIdAndStatus(event.account().value(), OrderStatus.PENDING)
			.forEach(order -> order.cancel(clock.instant()));
	}
}
