package io.reelgate.checkout;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SellerAccounts extends JpaRepository<SellerAccount, UUID> {

	Optional<SellerAccount> findByStripeAccountId(String stripeAccountId);
}
