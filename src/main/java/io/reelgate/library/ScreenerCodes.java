package io.reelgate.library;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ScreenerCodes extends JpaRepository<ScreenerCode, UUID> {

	/** Locks the row, so of concurrent redemptions of one code (on any instance) one succeeds: the rest find it used. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from ScreenerCode s where s.codeHash = :codeHash")
	Optional<ScreenerCode> findForUpdate(byte[] codeHash);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from ScreenerCode s where s.id = :id")
	Optional<ScreenerCode> findByIdForUpdate(UUID id);

	List<ScreenerCode> findByBundleIdOrderByCreatedAtDesc(UUID bundleId);
}
