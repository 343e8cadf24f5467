package io.reelgate.library;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Gifts extends JpaRepository<Gift, UUID> {

	Optional<Gift> findByTokenSha256(String tokenSha256);

	/** Locks the row, so two claims of one link (on any instances) succeed once: the second finds it claimed. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select g from Gift g where g.tokenSha256 = :tokenSha256")
	Optional<Gift> findForUpdate(String tokenSha256);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select g from Gift g where g.orderId = :orderId")
	Optional<Gift> findByOrderForUpdate(UUID orderId);

	List<Gift> findByBuyerIdOrderByCreatedAtDesc(UUID buyerId);
}
