package io.reelgate.checkout;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;
import io.reelgate.shared.OrderId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger: one entry per movement of money for an order, and one line per party of each entry. Sales and won
 * disputes are positive, refunds and disputes negative, so sums are balances. Each entry splits the gross the buyer
 * paid into the tax, the platform fee and the net left for the creator's side ({@code gross = tax + fee + net}); its
 * lines book the same gross per party: the tax, the platform's fee, the bundle's owner and each collaborator, adding
 * up to the gross exactly (checked by the database at commit). A refund books every line of the sale back, tax
 * included; a dispute books the disputed part of each line ({@link PlatformFee#inProportion}); a dispute won books
 * the dispute's lines back. Append-only: rows are only inserted (triggers forbid updates and deletes), and an order
 * books each kind of movement at most once, so a redelivered event cannot book twice.
 */
@Repository
class Ledger {

	private static final Comparator<Line> LINE_ORDER = Comparator.comparing(Line::party)
		.thenComparing(l -> l.account() == null ? "" : l.account().value().toString());

	private final JdbcClient jdbc;

	Ledger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Books a sale: its tax, the platform fee, and {@code shares} (each party's share of what the fee leaves, which
	 * add up to the net less the fee, as {@link PlatformFee#divide} made them). Free orders move no money and book
	 * nothing.
	 */
	void bookSale(Order order, Map<AccountId, Money> shares, Instant now) {
		Money gross = order.gross().filter(a -> !a.isZero()).orElse(null);
		if (gross == null) {
			return;
		}
		Map<Line, Long> lines = new LinkedHashMap<>();
		lines.put(new Line(Party.TAX, null), order.tax().orElseThrow().minor());
		lines.put(new Line(Party.PLATFORM, null), order.fee());
		shares.forEach((account, share) -> lines.merge(new Line(account.equals(order.seller()) ? Party.OWNER
				: Party.COLLABORATOR, account), share.minor(), Long::sum));
		insert(order, Kind.SALE, lines, gross.currency(), now);
	}

	/**
	 * Books a sale whose net went to the owner alone: a destination charge from before separate charges and
	 * transfers (Stripe paid the owner), or a payment first heard of by its refund.
	 */
	void bookSale(Order order, Instant now) {
		order.gross().filter(a -> !a.isZero()).ifPresent(gross -> bookSale(order,
				Map.of(order.seller(), new Money(gross.minor() - order.tax().orElseThrow().minor() - order.fee(),
						gross.currency())), now));
	}

	/** Books the whole sale going back: every line of it, negative. */
	void bookRefund(Order order, Instant now) {
		Map<Line, Long> sale = saleLines(order);
		if (sale.isEmpty()) {
			return;
		}
		sale.replaceAll((line, amount) -> -amount);
		insert(order, Kind.REFUND, sale, currency(order), now);
	}

	/**
	 * Books a dispute over {@code disputed} of the payment (all of it when null, in another currency or more than
	 * was paid): that part of each of the sale's lines, negative.
	 */
	void bookDispute(Order order, @Nullable Money disputed, Instant now) {
		Map<Line, Long> sale = saleLines(order);
		if (sale.isEmpty()) {
			return;
		}
		long whole = sale.values().stream().mapToLong(Long::longValue).sum();
		long part = disputed == null || !disputed.currency().equals(currency(order)) || disputed.minor() > whole
				? whole : disputed.minor();
		Map<Line, Long> lines = PlatformFee.inProportion(sale, part);
		lines.replaceAll((line, amount) -> -amount);
		insert(order, Kind.DISPUTE, lines, currency(order), now);
	}

	/** Books a dispute won: the dispute's lines back. */
	void bookDisputeWon(Order order, Instant now) {
		Map<Line, Long> lines = lines(order.id(), Kind.DISPUTE);
		if (lines.isEmpty()) {
			// Disputed before the ledger had lines? Every entry has them since V42; nothing was taken, nothing to give.
			return;
		}
		lines.replaceAll((line, amount) -> -amount);
		insert(order, Kind.DISPUTE_WON, lines, currency(order), now);
	}

	/**
	 * What the order's dispute took from each party with an account (owner, collaborators), as positive amounts; a
	 * party whose part rounded to nothing is absent. Empty if no dispute was booked.
	 */
	Optional<Map<AccountId, Long>> disputedShares(OrderId order) {
		Map<Line, Long> lines = lines(order, Kind.DISPUTE);
		if (lines.isEmpty()) {
			return Optional.empty();
		}
		Map<AccountId, Long> shares = new LinkedHashMap<>();
		lines.forEach((line, amount) -> {
			if (line.account() != null) {
				shares.put(line.account(), -amount);
			}
		});
		return Optional.of(shares);
	}

	/** What the order's dispute took, from its entry (as positive amounts); empty if no dispute was booked. */
	Optional<DisputedPart> disputedPart(OrderId order) {
		return jdbc.sql("""
				select gross_minor, tax_minor, fee_minor, currency from ledger_entries where order_id = ? and kind = ?
				""")
			.params(order.value(), Kind.DISPUTE.name())
			.query((rs, i) -> new DisputedPart(new Money(-rs.getLong("gross_minor") + rs.getLong("tax_minor"),
					Currency.getInstance(rs.getString("currency"))), -rs.getLong("fee_minor"), -rs.getLong("tax_minor")))
			.optional();
	}

	/**
	 * The sale's lines, in a stable order; an order without a booked sale counts as sold to the owner alone. Empty
	 * for a free or email claim, which moved no money, so that its revocation books nothing either.
	 */
	private Map<Line, Long> saleLines(Order order) {
		Map<Line, Long> lines = lines(order.id(), Kind.SALE);
		if (!lines.isEmpty() || order.gross().filter(a -> !a.isZero()).isEmpty()) {
			return lines;
		}
		lines.put(new Line(Party.TAX, null), order.tax().map(Money::minor).orElse(0L));
		lines.put(new Line(Party.PLATFORM, null), order.fee());
		lines.put(new Line(Party.OWNER, order.seller()), order.gross().map(Money::minor).orElse(0L)
				- order.tax().map(Money::minor).orElse(0L) - order.fee());
		return lines;
	}

	private Map<Line, Long> lines(OrderId order, Kind kind) {
		List<Map.Entry<Line, Long>> rows = jdbc.sql("""
				select party, account_id, amount_minor from ledger_lines where order_id = ? and kind = ?
				""")
			.params(order.value(), kind.name())
			.query((rs, i) -> {
				UUID account = rs.getObject("account_id", UUID.class);
				return Map.entry(new Line(Party.valueOf(rs.getString("party")),
						account == null ? null : new AccountId(account)), rs.getLong("amount_minor"));
			})
			.list();
		Map<Line, Long> lines = new LinkedHashMap<>();
		rows.stream().sorted(Map.Entry.comparingByKey(LINE_ORDER)).forEach(e -> lines.put(e.getKey(), e.getValue()));
		return lines;
	}

	private static Currency currency(Order order) {
		return order.gross().map(Money::currency).orElseThrow();
	}

	/** Inserts the entry and, if it was not booked already, its lines (zero amounts book none). */
	private void insert(Order order, Kind kind, Map<Line, Long> lines, Currency currency, Instant now) {
		long gross = lines.values().stream().mapToLong(Long::longValue).sum();
		if (gross == 0) {
			return;
		}
		long tax = lines.getOrDefault(new Line(Party.TAX, null), 0L);
		long fee = lines.getOrDefault(new Line(Party.PLATFORM, null), 0L);
		UUID entry = UUID.randomUUID();
		int booked = jdbc.sql("""
				insert into ledger_entries (id, order_id, seller_id, bundle_id, kind, gross_minor, tax_minor, fee_minor,
				    net_minor, currency, occurred_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (order_id, kind) do nothing
				""")
			.params(entry, order.id().value(), order.seller().value(), order.bundle().value(), kind.name(),
					gross, tax, fee, gross - tax - fee, currency.getCurrencyCode(), Timestamp.from(now))
			.update();
		if (booked == 0) {
			return;
		}
		lines.forEach((line, amount) -> {
			if (amount != 0) {
				jdbc.sql("""
						insert into ledger_lines (id, entry_id, order_id, kind, party, account_id, amount_minor, currency,
						    occurred_at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?)
						""")
					.params(UUID.randomUUID(), entry, order.id().value(), kind.name(), line.party().name(),
							line.account() == null ? null : line.account().value(), amount, currency.getCurrencyCode(),
							Timestamp.from(now))
					.update();
			}
		});
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

	/** The kinds of movement. */
	enum Kind {
		SALE, REFUND, DISPUTE, DISPUTE_WON
	}

	/** Who a line's money belongs to; in this order on the lines of an entry. */
	enum Party {
		TAX, PLATFORM, OWNER, COLLABORATOR
	}

	/** One party of an entry: the tax and the platform have no account. */
	record Line(Party party, @Nullable AccountId account) {
	}
}
