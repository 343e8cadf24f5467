package io.reelgate.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokens extends JpaRepository<ApiToken, UUID> {

	Optional<ApiToken> findByTokenHash(String tokenHash);

	List<ApiToken> findByOwnerIdOrderByCreatedAtDesc(UUID ownerId);

	Optional<ApiToken> findByIdAndOwnerId(UUID id, UUID ownerId);

	/**
	 * Records a use at most once a {@code since} window, as one statement outside the entity's version, so that
	 * busy clients do not write on every request nor fail on concurrent updates.
	 */
	@Modifying
	@Query("update ApiToken t set t.lastUsedAt = :now where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :since)")
	int touch(UUID id, Instant now, Instant since);
}
