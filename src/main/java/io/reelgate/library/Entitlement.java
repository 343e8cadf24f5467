package io.reelgate.library;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.reelgate.shared.BundleId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * An account's right to a bundle's files, earned by one order (revoked when that order is refunded or disputed) or
 * by a confirmed email unlock.
 */
@Entity
@Table(name = "entitlements")
class Entitlement {

	static final String RENTAL = "RENTAL";

	/** A redeemed screener code whose files download and stream. */
	static final String SCREENER = "SCREENER";

	/** A redeemed stream-only screener code: its media stream (no window), nothing downloads or seeds. */
	static final String SCREENER_STREAM = "SCREENER_STREAM";

	/** The sources that never download (files, signed links, torrents): only these stream and nothing else. */
	static final Set<String> STREAM_ONLY = Set.of(RENTAL, SCREENER_STREAM);

	@Id
	private UUID id;

	private UUID accountId;

	private UUID bundleId;

	/** The order that earned it; null for another source (see {@code source}). */
	private @Nullable UUID orderId;

	/**
	 * How it was earned: {@code ORDER}, {@code GIFT}, {@code EMAIL} (a confirmed email unlock), {@code RENTAL} (an
	 * order that streams the locked media for {@code rentalHours} from {@code firstPlayedAt}, and never downloads), or
	 * {@code SCREENER} / {@code SCREENER_STREAM} (a redeemed screener code, {@code screenerCodeId}).
	 */
	private String source;

	private @Nullable UUID emailUnlockId;

	private Instant grantedAt;

	private @Nullable Instant revokedAt;

	private @Nullable Integer rentalHours;

	private @Nullable Instant firstPlayedAt;

	private @Nullable String revokedReason;

	protected Entitlement() {
	}

	BundleId bundle() {
		return new BundleId(bundleId);
	}

	Instant grantedAt() {
		return grantedAt;
	}

	boolean active() {
		return revokedAt == null;
	}

	UUID id() {
		return id;
	}

	boolean rental() {
		return RENTAL.equals(source);
	}

	/** A stream-only screener: plays the media like a rental, with no window. */
	boolean streamOnlyScreener() {
		return SCREENER_STREAM.equals(source);
	}

	/** For a rental, when streaming ends: empty until the first play starts the window. */
	Optional<Instant> rentalEndsAt() {
		return rentalHours == null || firstPlayedAt == null ? Optional.empty()
				: Optional.of(firstPlayedAt.plus(Duration.ofHours(rentalHours)));
	}

	/** For a rental, whether its window has run out at {@code now}. */
	boolean rentalEnded(Instant now) {
		return rentalEndsAt().filter(end -> !now.isBefore(end)).isPresent();
	}

	@Nullable Integer rentalHours() {
		return rentalHours;
	}

	@Nullable String revokedReason() {
		return revokedReason;
	}
}
