package io.reelgate.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface Bundles extends JpaRepository<Bundle, UUID> {

	String PUBLIC = "b.publication.status = io.reelgate.catalog.BundleStatus.PUBLISHED"
			+ " and b.withdrawal.hiddenAt is null and b.withdrawal.ownerWithdrawnAt is null";

	/** Bytes of all files in a creator's bundles, for the storage quota. */
	@Query("select coalesce(sum(f.sizeBytes), 0) from BundleFile f where f.bundle.ownerId = :ownerId")
	long storageUsedBy(UUID ownerId);

	List<Bundle> findByOwnerIdOrderByCreatedAtDesc(UUID ownerId);

	List<Bundle> findByOwnerId(UUID ownerId);

	@Query("select count(b) from Bundle b where " + PUBLIC)
	long countPublic();

	long countByPublicationStatus(BundleStatus status);

	/** How many of a creator's bundles have been public, for pre-moderation's "first bundles". */
	long countByOwnerIdAndPublicationPublishedAtIsNotNull(UUID ownerId);

	@Query("""
			select b from Bundle b where b.publication.status = io.reelgate.catalog.BundleStatus.PENDING_REVIEW
			order by b.publication.review.requestedAt, b.id""")
	Page<Bundle> findPendingReview(Pageable pageable);

	long countByWithdrawalHiddenAtIsNotNull();

	long countByWithdrawalOwnerWithdrawnAtIsNotNull();

	@EntityGraph(attributePaths = "files.entries")
	List<Bundle> findWithFilesByIdIn(Collection<UUID> ids);

	@Query("select b from Bundle b order by b.createdAt desc, b.id")
	Page<Bundle> findAllForModeration(Pageable pageable);

	@Query("select b from Bundle b where b.publication.status = :status and b.withdrawal.hiddenAt is null"
			+ " order by b.createdAt desc, b.id")
	Page<Bundle> findVisibleByStatus(BundleStatus status, Pageable pageable);

	@Query("select b from Bundle b where b.withdrawal.hiddenAt is not null order by b.withdrawal.hiddenAt desc, b.id")
	Page<Bundle> findHidden(Pageable pageable);

	@Query("select f from BundleFile f join fetch f.bundle where f.id = :fileId")
	Optional<BundleFile> findFile(UUID fileId);

	@Query("select f from BundleFile f join fetch f.bundle where f.id in :fileIds")
	List<BundleFile> findFiles(Collection<UUID> fileIds);

	/** Video and audio files no probe has recorded anything for, oldest first. */
	@Query("select f from BundleFile f join fetch f.bundle where f.mediaProbedAt is null"
			+ " and (f.contentType like 'video/%' or f.contentType like 'audio/%') and f.createdAt < :addedBefore"
			+ " order by f.createdAt, f.id")
	List<BundleFile> findUnprobed(Instant addedBefore, Pageable pageable);

	/** The file's row, locked until the transaction ends, so two probes of one file record one after the other. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select f from BundleFile f where f.id = :fileId")
	Optional<BundleFile> lockFile(UUID fileId);

	/** Bundles whose release has come and not been announced yet, oldest release first. */
	@Query(value = """
			select id from bundles where release_announced_at is null and release_at <= :now
			order by release_at, id limit :limit""", nativeQuery = true)
	List<UUID> findReleasesDue(Instant now, int limit);

	/**
	 * Marks a due release announced, if no other run has; returns 1 for the one caller that did. Bumps the version,
	 * so a creator's edit loaded before it fails instead of writing the marker back to null.
	 */
	@Modifying
	@Query(value = """
			update bundles set release_announced_at = :now, version = version + 1
			where id = :id and release_announced_at is null and release_at <= :now""", nativeQuery = true)
	int markReleaseAnnounced(UUID id, Instant now);
}
