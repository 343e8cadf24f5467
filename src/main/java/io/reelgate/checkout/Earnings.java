package io.reelgate.checkout;

import java.time.Instant;
import java.util.List;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.Pages;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sales and earnings from the ledger and the orders: for creators about their own, for admins about all. */
@Service
@Transactional(readOnly = true)
public class Earnings {

	private static final int PAGE_SIZE = 50;

	private final Ledger ledger;

	private final Orders orders;

	Earnings(Ledger ledger, Orders orders) {
		this.ledger = ledger;
		this.orders = orders;
	}

	public List<BundleEarnings> byBundle(AccountId seller) {
		return ledger.byBundle(seller);
	}

	public List<MonthlyEarnings> byMonth(AccountId seller) {
		return ledger.byMonth(seller);
	}

	public Page<OrderView> salesOf(AccountId seller, int page) {
		return orders.findSalesOf(seller.value(), Pages.of(page, PAGE_SIZE)).map(Order::view);
	}

	/** Every sale of the seller, newest first, for their CSV export. */
	public List<OrderView> allSalesOf(AccountId seller) {
		return orders.findSalesOf(seller.value(), Pageable.unpaged()).map(Order::view).getContent();
	}

	@PreAuthorize("hasRole('ADMIN')")
	public List<PlatformTotals> platform() {
		return ledger.platform();
	}

	/** Platform totals per currency for sales, refunds and disputes booked at or after {@code since}. */
	@PreAuthorize("hasRole('ADMIN')")
	public List<PlatformTotals> platformSince(Instant since) {
		return ledger.platformSince(since);
	}

	@PreAuthorize("hasRole('ADMIN')")
	public Page<OrderView> allSales(int page) {
		return orders.findAllSales(Pages.of(page, PAGE_SIZE)).map(Order::view);
	}
}
