package io.reelgate.library;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface Entitlements extends JpaRepository<Entitlement, UUID> {

	/** Grants once: a repeated or concurrent grant for the same account and bundle changes nothing. */
	@Modifying
	@Query(value = """
			insert into entitlements (id, account_id, bundle_id, order_id, granted_at)
			values (:id, :accountId, :bundleId, :orderId, :grantedAt)
			on conflict (account_id, bundle_id) do nothing
			""", nativeQuery = true)
	int grant(UUID id, UUID accountId, UUID bundleId, UUID orderId, Instant grantedAt);

	boolean existsByAccountIdAndBundleId(UUID accountId, UUID bundleId);

	List<Entitlement> findByAccountIdOrderByGrantedAtDesc(UUID accountId);
}
