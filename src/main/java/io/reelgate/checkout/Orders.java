package io.reelgate.checkout;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Orders extends JpaRepository<Order, UUID> {

	Optional<Order> findByBuyerIdAndBundleIdAndStatus(UUID buyerId, UUID bundleId, OrderStatus status);

	boolean existsByBuyerIdAndBundleIdAndStatus(UUID buyerId, UUID bundleId, OrderStatus status);

	/** Serialises concurrent confirmations of one order (double-clicked Pay, gateway retries). */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from Order o where o.id = :id")
	Optional<Order> findForUpdate(UUID id);

	@Query("""
			select new io.reelgate.checkout.Sales(o.bundleId, o.currency, count(o), sum(o.amountMinor))
			from Order o where o.status = io.reelgate.checkout.OrderStatus.PAID and o.bundleId in :bundleIds
			group by o.bundleId, o.currency
			""")
	List<Sales> salesOf(Collection<UUID> bundleIds);
}
