package io.reelgate.accounts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.reelgate.accounts.AccountToken.Purpose;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AccountTokens extends JpaRepository<AccountToken, String> {

	/** Locks the token's row, so two clicks on one link cannot both use it. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from AccountToken t where t.tokenHash = :hash")
	Optional<AccountToken> findForUpdate(String hash);

	/** Marks every unused link of the account for the purpose as used: a newer link or a completed change wins. */
	@Modifying
	@Query("update AccountToken t set t.usedAt = :now where t.accountId = :account and t.purpose = :purpose and t.usedAt is null")
	int revoke(UUID account, Purpose purpose, Instant now);

	@Modifying
	@Query("delete from AccountToken t where t.accountId = :account")
	int deleteByAccount(UUID account);

	@Modifying
	@Query("delete from AccountToken t where t.expiresAt < :before")
	int deleteExpiredBefore(Instant before);
}
