package io.reelgate.checkout;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger: one row per movement of money for an order. Sales and won disputes are positive, refunds and
 * disputes negative, so sums are balances. Each row splits the gross the buyer paid into the tax, the platform fee
 * and the net left for the creator's side ({@code gross = tax + fee + net}); a refund returns all of it, tax included. Append-only: rows are only inserted (a trigger forbids updates and
 * deletes), and an order books each kind of movement at most once, so a redelivered event cannot book twice.
 */
@Repository
class Ledger {

	private final JdbcClient jdbc;

	Ledger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Books a movement of a paid order's full amount; free orders move no money and book nothing. */
	void book(Order order, Kind kind, Instant now) {
		Money amount = order.gross().filter(a -> !a.isZero()).orElse(null);
		if (amount == null) {
			return;
		}
		long gross = kind.sign * amount.minor();
		long tax = kind.sign * order.tax().orElseThrow().minor();
		long fee = kind.sign * order.fee();
		jdbc.sql("""
				insert into ledger_entries (id, order_id, seller_id, bundle_id, kind, gross_minor, tax_minor, fee_minor,
				    net_minor, currency, occurred_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (order_id, kind) do nothing
				""")
			.params(UUID.randomUUID(), order.id().value(), order.seller().value(), order.bundle().value(), kind.name(),
					gross, tax, fee, gross - tax - fee, amount.currency().getCurrencyCode(), Timestamp.from(now))
			.update();
	}

	/** Per bundle and currency for one seller: sales kept (net of refunds and disputes) and the sums. */
	List<BundleEarnings> byBundle(AccountId seller) {
		return jdbc.sql("""
				select bundle_id, currency,
				       sum(case when kind in ('SALE', 'DISPUTE_WON') then 1 else -1 end) as sales,
				       sum(gross_minor) as gross, sum(tax_minor) as tax, sum(fee_minor) as fee, sum(net_minor) as net
				from ledger_entries where seller_id = ? group by bundle_id, currency
				""")
			.param(seller.value())
			.query((rs, i) -> {
				Currency currency = Currency.getInstance(rs.getString("currency"));
				return new BundleEarnings(new BundleId(rs.getObject("bundle_id", UUID.class)), rs.getLong("sales"),
						totals(rs.getLong("gross"), rs.getLong("tax"), rs.getLong("fee"), rs.getLong("net"), currency));
			})
			.list();
	}

	/** Per calendar month (UTC) and currency for one seller, newest first. */
	List<MonthlyEarnings> byMonth(AccountId seller) {
		return jdbc.sql("""
				select to_char(date_trunc('month', occurred_at at time zone 'UTC'), 'YYYY-MM') as month, currency,
				       sum(gross_minor) as gross, sum(tax_minor) as tax, sum(fee_minor) as fee, sum(net_minor) as net
				from ledger_entries where seller_id = ? group by 1, currency order by 1 desc, currency
				""")
			.param(seller.value())
			.query((rs, i) -> new MonthlyEarnings(rs.getString("month"), totals(rs.getLong("gross"), rs.getLong("tax"), rs.getLong("fee"),
					rs.getLong("net"), Currency.getInstance(rs.getString("currency")))))
			.list();
	}

	/** The whole platform per currency: sales booked, and gross, fees kept and creators' share. */
	List<PlatformTotals> platform() {
		return jdbc.sql("""
				select currency, count(*) filter (where kind = 'SALE') as sales,
				       sum(gross_minor) as gross, sum(tax_minor) as tax, sum(fee_minor) as fee, sum(net_minor) as net
				from ledger_entries group by currency order by currency
				""")
			.query((rs, i) -> new PlatformTotals(rs.getLong("sales"), totals(rs.getLong("gross"), rs.getLong("tax"), rs.getLong("fee"),
					rs.getLong("net"), Currency.getInstance(rs.getString("currency")))))
			.list();
	}

	/** Like {@link #platform()}, for movements at or after {@code since}. */
	List<PlatformTotals> platformSince(Instant since) {
		return jdbc.sql("""
				select currency, count(*) filter (where kind = 'SALE') as sales,
				       sum(gross_minor) as gross, sum(tax_minor) as tax, sum(fee_minor) as fee, sum(net_minor) as net
				from ledger_entries where occurred_at >= ? group by currency order by currency
				""")
			.param(Timestamp.from(since))
			.query((rs, i) -> new PlatformTotals(rs.getLong("sales"), totals(rs.getLong("gross"), rs.getLong("tax"), rs.getLong("fee"),
					rs.getLong("net"), Currency.getInstance(rs.getString("currency")))))
			.list();
	}

	private static Totals totals(long gross, long tax, long fee, long net, Currency currency) {
		return new Totals(gross, tax, fee, net, currency);
	}

	/** The kinds of movement; the sign says which way the money went. */
	enum Kind {
		SALE(1), REFUND(-1), DISPUTE(-1), DISPUTE_WON(1);

		private final long sign;

		Kind(long sign) {
			this.sign = sign;
		}
	}
}
