package io.reelgate.accounts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Accounts extends JpaRepository<Account, UUID> {

	Optional<Account> findByEmail(String email);

	boolean existsByEmail(String email);

	boolean existsByRole(Role role);

	long countByRole(Role role);

	long countByStatusNot(AccountStatus status);

	/** Locks every admin row, so two admins revoking each other at once cannot leave the site without one. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Account a where a.role = io.reelgate.accounts.Role.ADMIN order by a.id")
	List<Account> lockAdmins();

	/** Accounts whose email or name contains the (lower-case, LIKE-escaped) text, newest first. */
	@Query("""
			select a from Account a
			where a.email like :pattern escape '\\' or lower(a.displayName) like :pattern escape '\\'
			order by a.createdAt desc, a.id""")
	List<Account> search(String pattern, Limit limit);
}
