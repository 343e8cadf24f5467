package io.reelgate.checkout;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface DiscountCodes extends JpaRepository<DiscountCode, UUID> {

	Optional<DiscountCode> findByCreatorIdAndCode(UUID creatorId, String code);

	/**
	 * Serialises checkouts with the same code, on every instance: whoever holds the row counts its uses and opens
	 * their order before the next may count.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select d from DiscountCode d where d.creatorId = :creatorId and d.code = :code")
	Optional<DiscountCode> findForUpdate(UUID creatorId, String code);

	List<DiscountCode> findByCreatorIdOrderByCreatedAtDesc(UUID creatorId);

	boolean existsByCreatorIdAndCode(UUID creatorId, String code);
}
