package io.reelgate.library;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.Catalog;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screener and press codes: a creator makes single-use codes for one of their bundles, each redeemed once for an
 * entitlement of its own kind ({@link Entitlement#SCREENER}, or {@link Entitlement#SCREENER_STREAM} which only
 * streams), without payment, until it expires or the creator revokes it (which also revokes what it granted). A code
 * is 80 random bits; only its SHA-256 is stored, and it is looked up by that hash, so the database never compares the
 * code itself and a stolen table gives no codes.
 */
@Service
@Transactional
public class Screeners {

	public static final int MAX_BATCH = 500;

	public static final int MAX_LABEL_LENGTH = 80;

	/** Crockford's base32 without the letters people misread (I, L, O, U). */
	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final int CODE_LENGTH = 16;

	private static final Duration MAX_VALIDITY = Duration.ofDays(3653);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ScreenerCodes codes;

	private final Entitlements entitlements;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Screeners(ScreenerCodes codes, Entitlements entitlements, Catalog catalog, ApplicationEventPublisher events,
			Clock clock) {
		this.codes = codes;
		this.entitlements = entitlements;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	/** What a creator asks for: how many codes, a label for all of them, until when, and whether they only stream. */
	public record NewScreeners(int count, @Nullable String label, @Nullable Instant expiresAt, boolean streamOnly) {
	}

	/** A code as made, in plain text: shown to its creator once, in the CSV file, and never stored. */
	public record IssuedCode(String code, @Nullable String label, boolean streamOnly, @Nullable Instant expiresAt) {
	}

	/**
	 * Makes codes for one of the creator's bundles (another account's bundle is a 404).
	 * @throws ScreenerException for a count outside 1 to {@value #MAX_BATCH}, a long label or an expiry in the past
	 */
	@PreAuthorize("hasRole('CREATOR')")
	public List<IssuedCode> generate(AccountId creator, BundleId bundle, NewScreeners request) {
		catalog.editable(creator, bundle);
		if (request.count() < 1 || request.count() > MAX_BATCH) {
			throw new ScreenerException("screener.count.invalid", MAX_BATCH);
		}
		String label = request.label() == null || request.label().isBlank() ? null : request.label().strip();
		if (label != null && label.length() > MAX_LABEL_LENGTH) {
			throw new ScreenerException("screener.label.tooLong", MAX_LABEL_LENGTH);
		}
		Instant now = clock.instant();
		if (request.expiresAt() != null
				&& (!request.expiresAt().isAfter(now) || request.expiresAt().isAfter(now.plus(MAX_VALIDITY)))) {
			throw new ScreenerException("screener.expiry.invalid");
		}
		List<IssuedCode> issued = new ArrayList<>();
		for (int i = 0; i < request.count(); i++) {
			String code = newCode();
			codes.save(new ScreenerCode(bundle, creator, hash(code), label, request.streamOnly(), request.expiresAt(),
					now));
			issued.add(new IssuedCode(code, label, request.streamOnly(), request.expiresAt()));
		}
		return issued;
	}

	/** The codes of one of the creator's bundles, newest first. */
	@PreAuthorize("hasRole('CREATOR')")
	@Transactional(readOnly = true)
	public List<ScreenerView> codesOf(AccountId creator, BundleId bundle) {
		catalog.editable(creator, bundle);
		return codes.findByBundleIdOrderByCreatedAtDesc(bundle.value()).stream().map(ScreenerCode::view).toList();
	}

	/** One of the creator's codes, for the page that confirms revoking it; another creator's code is a 404. */
	@PreAuthorize("hasRole('CREATOR')")
	@Transactional(readOnly = true)
	public ScreenerView code(AccountId creator, UUID codeId) {
		return codes.findById(codeId)
			.filter(c -> c.creator().equals(creator))
			.map(ScreenerCode::view)
			.orElseThrow(ScreenerNotFoundException::new);
	}

	/**
	 * Revokes a code of the creator's: unused, it can no longer be redeemed; used, the holder loses the bundle. Another
	 * creator's code is the same 404 as one that does not exist. Revoking twice changes nothing.
	 * @return the bundle the code was for
	 */
	@PreAuthorize("hasRole('CREATOR')")
	public BundleId revoke(AccountId creator, UUID codeId) {
		ScreenerCode code = codes.findByIdForUpdate(codeId)
			.filter(c -> c.creator().equals(creator))
			.orElseThrow(() -> new ScreenerNotFoundException());
		if (code.revoke(clock.instant())) {
			entitlements.revokeScreener(code.id(), clock.instant());
		}
		return code.bundle();
	}

	/**
	 * Redeems a code for the account, once: under the code's row lock, so concurrent redemptions (on any instance)
	 * grant one entitlement and the others are told the code was used.
	 * @throws ScreenerException if the code is unknown, used, revoked or expired, or its bundle cannot be had now
	 */
	@PreAuthorize("isAuthenticated()")
	public BundleId redeem(AccountId account, String typed) {
		String normalised = normalise(typed);
		if (normalised.length() != CODE_LENGTH) {
			throw new ScreenerException("screener.redeem.unknown");
		}
		byte[] hash = hash(normalised);
		ScreenerCode code = codes.findForUpdate(hash)
			// The lookup is by hash already; the comparison is the constant-time one on principle.
			.filter(c -> MessageDigest.isEqual(c.codeHash(), hash))
			.orElseThrow(() -> new ScreenerException("screener.redeem.unknown"));
		BundleSummary bundle = catalog.bundlesOf(code.creator()).stream()
			.filter(b -> b.id().equals(code.bundle()) && !b.removed())
			.findFirst()
			.orElseThrow(() -> new ScreenerException("screener.redeem.unavailable"));
		Instant now = clock.instant();
		code.redeem(account, now);
		entitlements.grantForScreener(UUID.randomUUID(), account.value(), bundle.id().value(),
				code.streamOnly() ? Entitlement.SCREENER_STREAM : Entitlement.SCREENER, code.id(), now);
		events.publishEvent(new ScreenerRedeemed(code.id(), bundle.id(), code.creator(), account, now));
		return bundle.id();
	}

	/** Codes are typed by hand: case, spaces and dashes do not matter. */
	static String normalise(@Nullable String typed) {
		return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
	}

	private static String newCode() {
		StringBuilder code = new StringBuilder(CODE_LENGTH);
		for (int i = 0; i < CODE_LENGTH; i++) {
			code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return code.toString();
	}

	/** How a code is written for people: four groups of four. */
	public static String grouped(String code) {
		return String.join("-", code.substring(0, 4), code.substring(4, 8), code.substring(8, 12), code.substring(12));
	}

	private static byte[] hash(String code) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}
}
