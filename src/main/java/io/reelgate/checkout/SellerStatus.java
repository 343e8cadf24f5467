package io.reelgate.checkout;

import org.jspecify.annotations.Nullable;

/** Where a creator stands with payouts; {@code providerAccount} is null until they start onboarding. */
public record SellerStatus(@Nullable String providerAccount, boolean chargesEnabled, boolean payoutsEnabled,
		boolean detailsSubmitted) {

	public static final SellerStatus NONE = new SellerStatus(null, false, false, false);

	public boolean started() {
		return providerAccount != null;
	}
}
