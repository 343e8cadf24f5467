package io.reelgate.library;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * One entitlement per order or email unlock. Every write is an upsert keyed by the order, so events may arrive twice or out of
 * order: a revocation that overtakes its grant leaves a revoked row that the late grant does not revive.
 */
interface Entitlements extends JpaRepository<Entitlement, UUID> {

	@Modifying
	@Query(value = """
			insert into entitlements (id, account_id, bundle_id, order_id, granted_at)
			values (:id, :accountId, :bundleId, :orderId, :now)
			on conflict (order_id) do nothing
			""", nativeQuery = true)
	int grant(UUID id, UUID accountId, UUID bundleId, UUID orderId, Instant now);

	@Modifying
	@Query(value = """
			insert into entitlements (id, account_id, bundle_id, order_id, granted_at, revoked_at, revoked_reason)
			values (:id, :accountId, :bundleId, :orderId, :now, :now, :reason)
			on conflict (order_id) do update set revoked_at = excluded.revoked_at, revoked_reason = excluded.revoked_reason
			""", nativeQuery = true)
	int revoke(UUID id, UUID accountId, UUID bundleId, UUID orderId, Instant now, String reason);

	@Modifying
	@Query(value = """
			insert into entitlements (id, account_id, bundle_id, order_id, granted_at)
			values (:id, :accountId, :bundleId, :orderId, :now)
			on conflict (order_id) do update set revoked_at = null, revoked_reason = null
			""", nativeQuery = true)
	int reinstate(UUID id, UUID accountId, UUID bundleId, UUID orderId, Instant now);

	@Modifying
	@Query(value = """
			insert into entitlements (id, account_id, bundle_id, source, email_unlock_id, granted_at)
			values (:id, :accountId, :bundleId, 'EMAIL', :unlockId, :now)
			on conflict (email_unlock_id) do nothing
			""", nativeQuery = true)
	int grantForEmailUnlock(UUID id, UUID accountId, UUID bundleId, UUID unlockId, Instant now);

	@Modifying
	@Query(value = """
			insert into entitlements (id, account_id, bundle_id, order_id, source, rental_hours, granted_at)
			values (:id, :accountId, :bundleId, :orderId, 'RENTAL', :hours, :now)
			on conflict (order_id) do nothing
			""", nativeQuery = true)
	int grantRental(UUID id, UUID accountId, UUID bundleId, UUID orderId, int hours, Instant now);

	/**
	 * Starts a rental's window at its first play. Conditional, so of concurrent first plays (on any instance) one
	 * sets the moment and the others change nothing.
	 */
	@Modifying
	@Query(value = "update entitlements set first_played_at = :now where id = :id and first_played_at is null",
			nativeQuery = true)
	int startRentalWindow(UUID id, Instant now);

	/** Active entitlements that download: every source but {@link Entitlement#STREAM_ONLY} ones. */
	boolean existsByAccountIdAndBundleIdAndRevokedAtIsNullAndSourceNotIn(UUID accountId, UUID bundleId,
			Collection<String> sources);

	boolean existsByAccountIdAndBundleIdAndRevokedAtIsNullAndSource(UUID accountId, UUID bundleId, String source);

	/** A redeemed screener code's entitlement; the code's row lock (held by the caller) makes it the only one. */
	@Modifying
	@Query(value = """
			insert into entitlements (id, account_id, bundle_id, source, screener_code_id, granted_at)
			values (:id, :accountId, :bundleId, :source, :codeId, :now)
			on conflict (screener_code_id) do nothing
			""", nativeQuery = true)
	int grantForScreener(UUID id, UUID accountId, UUID bundleId, String source, UUID codeId, Instant now);

	@Modifying
	@Query(value = """
			update entitlements set revoked_at = :now, revoked_reason = 'REVOKED'
			where screener_code_id = :codeId and revoked_at is null
			""", nativeQuery = true)
	int revokeScreener(UUID codeId, Instant now);

	List<Entitlement> findByAccountIdAndBundleIdAndSourceAndRevokedAtIsNull(UUID accountId, UUID bundleId,
			String source);

	/** A claimed gift: the recipient's entitlement, keyed by the gift order so its refund can revoke it. */
	@Modifying
	@Query(value = """
			insert into entitlements (id, account_id, bundle_id, order_id, source, granted_at)
			values (:id, :accountId, :bundleId, :orderId, 'GIFT', :now)
			on conflict (order_id) do nothing
			""", nativeQuery = true)
	int grantForGift(UUID id, UUID accountId, UUID bundleId, UUID orderId, Instant now);

	/** Revokes what an order granted, if anything; unlike {@link #revoke} it never inserts. */
	@Modifying
	@Query(value = """
			update entitlements set revoked_at = :now, revoked_reason = :reason
			where order_id = :orderId and revoked_at is null
			""", nativeQuery = true)
	int revokeExisting(UUID orderId, Instant now, String reason);

	@Modifying
	@Query(value = "update entitlements set revoked_at = null, revoked_reason = null where order_id = :orderId",
			nativeQuery = true)
	int reinstateExisting(UUID orderId);


	List<Entitlement> findByAccountIdOrderByGrantedAtDesc(UUID accountId);
}
