package io.reelgate.library;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface EmailUnlocks extends JpaRepository<EmailUnlock, UUID> {

	Optional<EmailUnlock> findByTokenSha256(String tokenSha256);

	/** Locks the row, so two clicks on the link (on any instances) confirm it once: the second finds it confirmed. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u from EmailUnlock u where u.tokenSha256 = :tokenSha256")
	Optional<EmailUnlock> findForUpdate(String tokenSha256);

	boolean existsByIdAndConfirmedAtIsNotNull(UUID id);

	/** A creator's confirmed addresses, the latest confirmation of each address per bundle, newest first. */
	@Query(value = """
			select * from (
			    select distinct on (bundle_id, email) * from email_unlocks
			    where creator_id = :creator and confirmed_at is not null
			    order by bundle_id, email, confirmed_at desc) latest
			order by confirmed_at desc
			""", nativeQuery = true)
	List<EmailUnlock> findConfirmedByCreator(UUID creator);

	List<EmailUnlock> findByEmailIgnoreCaseOrAccountIdOrderByConsentAtDesc(String email, UUID accountId);
}
