package io.reelgate.checkout;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shares of paid orders owed to the parties (the creator and their collaborators): which are due, which were
 * sent to their payout accounts (by a gateway that pays sellers out with separate charges and transfers), which must
 * be reversed. The gateway makes the transfers
 * between these calls, never inside their transactions. Every change is a conditional update on the row's state,
 * so the payment path, the retry job and a refund that race over one share agree on its outcome: a share cancelled
 * before its transfer was recorded as sent is reversed by whoever made the transfer.
 */
@Service
@Transactional
public class Payouts {

	private final JdbcClient jdbc;

	private final SellerAccounts accounts;

	private final Clock clock;

	private final Ledger ledger;

	Payouts(JdbcClient jdbc, SellerAccounts accounts, Clock clock, Ledger ledger) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
		this.ledger = ledger;
	}

	/** Records that {@code recipient} is owed {@code share} of the paid order; a second call changes nothing. */
	void owe(Order order, AccountId recipient, Money share, @Nullable String sourceCharge, Instant now) {
		if (share.isZero()) {
			return;
		}
		jdbc.sql("""
				insert into transfers (id, order_id, recipient_id, amount_minor, currency, source_charge, status,
				    created_at)
				values (?, ?, ?, ?, ?, ?, 'PENDING', ?)
				on conflict (order_id, recipient_id) do nothing
				""")
			.params(UUID.randomUUID(), order.id().value(), recipient.value(), share.minor(),
					share.currency().getCurrencyCode(), sourceCharge, Timestamp.from(now))
			.update();
	}

	/** The shares of a paid order still to transfer, to recipients whose payout account can take them now. */
	@Transactional(readOnly = true)
	public List<Due> due(OrderId order) {
		return due(order.value(), Integer.MAX_VALUE);
	}

	/** Like {@link #due(OrderId)} over every paid order, oldest first: the retry job's work. */
	@Transactional(readOnly = true)
	public List<Due> dueAll(int limit) {
		return due(null, limit);
	}

	private List<Due> due(@Nullable UUID order, int limit) {
		List<Due> pending = jdbc.sql("""
				select t.id, t.order_id, t.recipient_id, t.amount_minor, t.currency, t.source_charge
				from transfers t join orders o on o.id = t.order_id
				where t.status = 'PENDING' and o.status = 'PAID' and (cast(? as uuid) is null or t.order_id = ?)
				order by t.created_at limit ?
				""")
			.params(order, order, limit)
			.query((rs, i) -> new Due(rs.getObject("id", UUID.class), new OrderId(rs.getObject("order_id", UUID.class)),
					new AccountId(rs.getObject("recipient_id", UUID.class)),
					new Money(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))), null,
					rs.getString("source_charge")))
			.list();
		return pending.stream()
			.map(d -> accounts.findById(d.recipient().value())
				.filter(a -> a.status().chargesEnabled())
				.map(a -> d.to(a.stripeAccountId())))
			.flatMap(Optional::stream)
			.toList();
	}

	/**
	 * Records the transfer made for a due share.
	 * @return false if the share was cancelled meanwhile (its payment went back): the caller reverses the transfer
	 */
	public boolean sent(Due due, String transferId) {
		return jdbc.sql("""
				update transfers set status = 'SENT', stripe_transfer_id = ?, sent_at = ?
				where id = ? and status = 'PENDING'
				""")
			.params(transferId, Timestamp.from(clock.instant()), due.id())
			.update() == 1;
	}

	/**
	 * The order's payment went back in full (a refund): shares not yet sent are cancelled, and those sent are
	 * returned whole, for the caller to reverse. Safe to repeat.
	 */
	public List<Sent> recall(OrderId order) {
		cancelPending(order);
		return sent(order);
	}

	/**
	 * The order's dispute was lost: shares not yet sent are cancelled, and those sent are returned with the part to
	 * reverse, what the ledger booked the dispute as taking from that party (for a dispute over the whole payment,
	 * all of it; over part of it, that part of each share, {@link PlatformFee#inProportion}). Safe to repeat.
	 */
	public List<Sent> recallDisputed(OrderId order) {
		cancelPending(order);
		// No dispute booked (it cannot happen: the dispute is booked before it is lost): take the shares back whole.
		Optional<Map<AccountId, Long>> disputed = ledger.disputedShares(order);
		return sent(order).stream()
			.map(s -> s.part(Math.min(s.amount().minor(),
					disputed.map(d -> d.getOrDefault(s.recipient(), 0L)).orElse(s.amount().minor()))))
			.filter(s -> !s.amount().isZero())
			.toList();
	}

	private void cancelPending(OrderId order) {
		jdbc.sql("update transfers set status = 'CANCELLED', closed_at = ? where order_id = ? and status = 'PENDING'")
			.params(Timestamp.from(clock.instant()), order.value())
			.update();
	}

	private List<Sent> sent(OrderId order) {
		return jdbc.sql("""
				select id, order_id, recipient_id, amount_minor, currency, stripe_transfer_id from transfers
				where order_id = ? and status = 'SENT' order by created_at, recipient_id
				""")
			.param(order.value())
			.query((rs, i) -> new Sent(rs.getObject("id", UUID.class), new OrderId(rs.getObject("order_id", UUID.class)),
					new AccountId(rs.getObject("recipient_id", UUID.class)),
					new Money(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))),
					rs.getString("stripe_transfer_id")))
			.list();
	}

	/** Records that {@code sent.amount()} of a sent share was taken back from the recipient's account. */
	public void reversed(Sent sent) {
		jdbc.sql("""
				update transfers set status = 'REVERSED', reversed_minor = ?, closed_at = ?
				where id = ? and status = 'SENT'
				""")
			.params(sent.amount().minor(), Timestamp.from(clock.instant()), sent.id())
			.update();
	}

	/** The shares of an order, for its pages and tests: recipient, amount and state. */
	@Transactional(readOnly = true)
	public List<Share> of(OrderId order) {
		return jdbc.sql("""
				select recipient_id, amount_minor, currency, status, stripe_transfer_id from transfers
				where order_id = ? order by created_at, recipient_id
				""")
			.param(order.value())
			.query((rs, i) -> new Share(new AccountId(rs.getObject("recipient_id", UUID.class)),
					new Money(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))),
					rs.getString("status"), rs.getString("stripe_transfer_id")))
			.list();
	}

	/**
	 * What a party earned per bundle and currency from the sales it shares: transferred to them (less what a lost
	 * dispute took back), and still due (waiting for their payout account, or for the next run). Shares of refunded
	 * sales, and of sales whose dispute took all of them, are left out.
	 */
	@Transactional(readOnly = true)
	public List<PartyEarnings> earningsOf(AccountId recipient) {
		return jdbc.sql("""
				select o.bundle_id, t.currency, count(*) as sales,
				       coalesce(sum(t.amount_minor - coalesce(t.reversed_minor, 0))
				           filter (where t.status in ('SENT', 'REVERSED')), 0) as sent,
				       coalesce(sum(t.amount_minor) filter (where t.status = 'PENDING'), 0) as due
				from transfers t join orders o on o.id = t.order_id
				where t.recipient_id = ? and (t.status in ('SENT', 'PENDING')
				    or (t.status = 'REVERSED' and t.reversed_minor < t.amount_minor))
				group by o.bundle_id, t.currency order by o.bundle_id, t.currency
				""")
			.param(recipient.value())
			.query((rs, i) -> {
				Currency currency = Currency.getInstance(rs.getString("currency"));
				return new PartyEarnings(new BundleId(rs.getObject("bundle_id", UUID.class)), rs.getLong("sales"),
						new Money(rs.getLong("sent"), currency), new Money(rs.getLong("due"), currency));
			})
			.list();
	}

	/** A party's earnings from one bundle in one currency. */
	public record PartyEarnings(BundleId bundle, long sales, Money transferred, Money due) {
	}

	/** A share to transfer to {@code destination}, from {@code sourceCharge} when known. */
	public record Due(UUID id, OrderId order, AccountId recipient, Money amount, @Nullable String destination,
			@Nullable String sourceCharge) {

		Due to(String account) {
			return new Due(id, order, recipient, amount, account, sourceCharge);
		}
	}

	/** A share transferred as {@code transferId}; {@code amount} is what to reverse of it. */
	public record Sent(UUID id, OrderId order, AccountId recipient, Money amount, String transferId) {

		Sent part(long minor) {
			return new Sent(id, order, recipient, new Money(minor, amount.currency()), transferId);
		}
	}

	/** One party's share of an order and where its transfer stands. */
	public record Share(AccountId recipient, Money amount, String status, @Nullable String transferId) {
	}
}
