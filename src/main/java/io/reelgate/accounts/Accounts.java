package io.reelgate.accounts;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Accounts extends JpaRepository<Account, UUID> {

	Optional<Account> findByEmail(String email);

	boolean existsByEmail(String email);

	boolean existsByRole(Role role);
}
