package io.reelgate.checkout;

import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;
import io.reelgate.shared.OrderId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * One buyer acquiring one bundle at a price fixed when the order was made. The price is copied from the catalog
 * on the server and never changes afterwards, whatever happens to the bundle's price.
 */
@Entity
@Table(name = "orders")
class Order extends AbstractAggregateRoot<Order> {

	@Id
	private UUID id;

	private UUID buyerId;

	private UUID bundleId;

	private long amountMinor;

	private @Nullable Currency currency;

	@Enumerated(EnumType.STRING)
	private OrderStatus status;

	private String gateway;

	private @Nullable String paymentRef;

	private Instant createdAt;

	private @Nullable Instant paidAt;

	@Version
	@Column(nullable = false)
	private long version;

	protected Order() {
	}

	/** @param price the bundle's price now, or empty for a free bundle */
	Order(AccountId buyer, BundleId bundle, Optional<Money> price, String gateway, Instant now) {
		this.id = UUID.randomUUID();
		this.buyerId = buyer.value();
		this.bundleId = bundle.value();
		this.amountMinor = price.map(Money::minor).orElse(0L);
		this.currency = price.map(Money::currency).orElse(null);
		this.status = OrderStatus.PENDING;
		this.gateway = gateway;
		this.createdAt = now;
	}

	OrderId id() {
		return new OrderId(id);
	}

	AccountId buyer() {
		return new AccountId(buyerId);
	}

	BundleId bundle() {
		return new BundleId(bundleId);
	}

	OrderStatus status() {
		return status;
	}

	/** The amount charged; empty for a free claim. */
	Optional<Money> amount() {
		return currency == null ? Optional.empty() : Optional.of(new Money(amountMinor, currency));
	}

	boolean isFor(AccountId buyer) {
		return buyerId.equals(buyer.value());
	}

	/**
	 * Records a confirmed payment. Confirming the same payment again is a no-op (gateways and people retry), so
	 * {@link OrderPaid} is registered exactly once per order.
	 * @return whether this call changed the order
	 */
	boolean markPaid(String paymentRef, Instant now) {
		if (status == OrderStatus.PAID) {
			if (!paymentRef.equals(this.paymentRef)) {
				throw new IllegalStateException("Order " + id + " was already paid by " + this.paymentRef);
			}
			return false;
		}
		if (status != OrderStatus.PENDING) {
			throw new OrderClosedException();
		}
		this.status = OrderStatus.PAID;
		this.paymentRef = paymentRef;
		this.paidAt = now;
		registerEvent(new OrderPaid(id(), buyer(), bundle()));
		return true;
	}

	void cancel() {
		if (status == OrderStatus.PENDING) {
			this.status = OrderStatus.CANCELLED;
		}
	}

	OrderView view() {
		return new OrderView(id(), buyer(), bundle(), amount().orElse(null), status, createdAt, paidAt);
	}
}
