package io.reelgate.checkout;

import java.util.Collection;
import java.util.Currency;
import java.util.List;

import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an admin's action would cost, for its confirmation page. Removing a bundle revokes every paid order and, where
 * money was taken, refunds it in full (see {@link Refunds}), so the count is of paid orders and the sums are per
 * currency. Suspending or banning a creator takes their bundles out of the storefront while buyers keep them.
 */
@Service
@Transactional(readOnly = true)
public class RemovalRefunds {

	private final JdbcClient jdbc;

	RemovalRefunds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@PreAuthorize("hasRole('ADMIN')")
	public Consequence ofRemoving(BundleId bundle) {
		int buyers = jdbc.sql("select count(*) from orders where bundle_id = :bundle and status = 'PAID'")
			.param("bundle", bundle.value())
			.query(Integer.class)
			.single();
		List<Money> refunds = jdbc.sql("""
				select currency, sum(amount_minor) as total from orders
				where bundle_id = :bundle and status = 'PAID' and amount_minor > 0 and currency is not null
				group by currency order by currency""")
			.param("bundle", bundle.value())
			.query((rs, row) -> new Money(rs.getLong("total"), Currency.getInstance(rs.getString("currency"))))
			.list();
		return new Consequence(buyers, refunds);
	}

	/** How many people hold a paid order (bought, rented or claimed) of any of {@code bundles}, each counted once. */
	@PreAuthorize("hasRole('ADMIN')")
	public int buyersOf(Collection<BundleId> bundles) {
		if (bundles.isEmpty()) {
			return 0;
		}
		return jdbc.sql("select count(distinct buyer_id) from orders where bundle_id in (:bundles) and status = 'PAID'")
			.param("bundles", bundles.stream().map(BundleId::value).toList())
			.query(Integer.class)
			.single();
	}

	/** {@code buyers} paid orders lose their access; {@code refunds} is what goes back to them, per currency. */
	public record Consequence(int buyers, List<Money> refunds) {
	}
}
