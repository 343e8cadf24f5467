package io.reelgate.checkout;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Orders extends JpaRepository<Order, UUID> {

	Optional<Order> findByBuyerIdAndBundleIdAndStatusAndGiftEmailIsNull(UUID buyerId, UUID bundleId,
			OrderStatus status);

	Optional<Order> findByBuyerIdAndBundleIdAndStatusAndGiftEmail(UUID buyerId, UUID bundleId, OrderStatus status,
			String giftEmail);

	boolean existsByBuyerIdAndBundleIdAndStatusAndChargeKindAndGiftEmailIsNull(UUID buyerId, UUID bundleId,
			OrderStatus status, OrderKind kind);

	boolean existsByBundleIdAndStatusIn(UUID bundleId, Collection<OrderStatus> statuses);

	List<Order> findByBuyerIdAndStatus(UUID buyerId, OrderStatus status);

	List<Order> findByBuyerIdOrderByCreatedAtDesc(UUID buyerId);

	/** Serialises concurrent transitions of one order (double-clicked Pay, webhook retries, the return page). */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from Order o where o.id = :id")
	Optional<Order> findForUpdate(UUID id);

	/** Orders of a bundle still waiting for their payment. */
	@Query("select o.id from Order o where o.bundleId = :bundleId and o.status = io.reelgate.checkout.OrderStatus.PENDING")
	List<UUID> findPendingOfBundle(UUID bundleId);

	/** Paid orders of a bundle, whose buyers have it now. */
	@Query("select o.id from Order o where o.bundleId = :bundleId and o.status = io.reelgate.checkout.OrderStatus.PAID")
	List<UUID> findPaidOfBundle(UUID bundleId);

	@Query("select distinct o.buyerId from Order o where o.bundleId = :bundleId"
			+ " and o.status = io.reelgate.checkout.OrderStatus.PAID")
	List<UUID> findPaidBuyersOfBundle(UUID bundleId);

	@Query("select o.id from Order o where o.payment.ref = :paymentRef")
	Optional<UUID> findIdByPaymentRef(String paymentRef);

	/** Open checkouts old enough that their webhook should have arrived, young enough to still matter. */
	@Query("""
			select o.id from Order o where o.status = io.reelgate.checkout.OrderStatus.PENDING
			and o.payment.checkoutSessionId is not null and o.createdAt between :from and :to order by o.createdAt
			""")
	List<UUID> findPendingCheckouts(Instant from, Instant to);

	/**
	 * The uses of a discount code that count against its limit: orders paid with it (refunded and disputed ones
	 * included: the code was spent), and checkouts with it still open, except those of {@code buyer}, whose open
	 * checkout a new one replaces.
	 */
	@Query("""
			select count(o) from Order o where o.charge.discountCodeId = :codeId
			and (o.status in (io.reelgate.checkout.OrderStatus.PAID, io.reelgate.checkout.OrderStatus.DISPUTED,
			                  io.reelgate.checkout.OrderStatus.REFUNDED)
			     or (o.status = io.reelgate.checkout.OrderStatus.PENDING and o.createdAt > :openSince
			         and o.buyerId <> :buyer))
			""")
	long countUses(UUID codeId, Instant openSince, UUID buyer);

	/** Paid uses of each of a seller's codes, as (code id, count) pairs. */
	@Query("""
			select o.charge.discountCodeId, count(o) from Order o where o.sellerId = :sellerId
			and o.charge.discountCodeId is not null
			and o.status in (io.reelgate.checkout.OrderStatus.PAID, io.reelgate.checkout.OrderStatus.DISPUTED,
			                 io.reelgate.checkout.OrderStatus.REFUNDED)
			group by o.charge.discountCodeId
			""")
	List<Object[]> countPaidUsesBySeller(UUID sellerId);

	@Query("""
			select o from Order o where o.sellerId = :sellerId and o.status <> io.reelgate.checkout.OrderStatus.PENDING
			and o.status <> io.reelgate.checkout.OrderStatus.CANCELLED and o.status <> io.reelgate.checkout.OrderStatus.EXPIRED
			order by o.createdAt desc
			""")
	Page<Order> findSalesOf(UUID sellerId, Pageable pageable);

	@Query("""
			select o from Order o where o.status <> io.reelgate.checkout.OrderStatus.PENDING
			and o.status <> io.reelgate.checkout.OrderStatus.CANCELLED and o.status <> io.reelgate.checkout.OrderStatus.EXPIRED
			order by o.createdAt desc
			""")
	Page<Order> findAllSales(Pageable pageable);
}
