package io.reelgate.library;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;

import org.springframework.stereotype.Component;

/**
 * Makes and checks download links that work without a session: {@code /dl/{file}/{account}/{expiry}/{signature}},
 * where the signature is HMAC-SHA256 over the file, the account and the expiry (epoch seconds). Anyone holding a
 * link can use it until it expires, so download managers can; whether its account may still have the file is
 * checked again on every request by {@link DownloadPolicy}, so refunds and disputes end existing links at once.
 */
@Component
public class DownloadLinks {

	private static final String DOWNLOAD = "reelgate-download-v1";

	private static final String EMAIL_UNLOCK = "reelgate-email-unlock-v1";

	private static final String WATCH = "reelgate-watch-v1";

	private static final String PREVIEW_WATCH = "reelgate-preview-watch-v1";

	/** Long enough for a long film with pauses; the player page makes a fresh one each time it loads. */
	private static final Duration WATCH_LIFETIME = Duration.ofHours(12);

	private final LinkSigner signer;

	private final Clock clock;

	private final DownloadLinkProperties properties;

	DownloadLinks(DownloadLinkProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.signer = new LinkSigner(properties);
	}

	public Duration lifetime() {
		return properties.lifetime();
	}

	/** A path for the account to fetch the file from, valid for the configured lifetime from now. */
	public String pathFor(BundleFileId file, AccountId account, String filename) {
		return pathFor(file, account, filename, clock.instant().plus(properties.lifetime()));
	}

	/** A path valid until {@code expiresAt}; the trailing name is for download tools only and is not signed. */
	public String pathFor(BundleFileId file, AccountId account, String filename, Instant expiresAt) {
		long expiry = expiresAt.getEpochSecond();
		return "/dl/" + file.value() + "/" + account.value() + "/" + expiry + "/"
				+ sign(file.value(), account.value(), expiry) + "/" + pathSafe(filename);
	}

	/**
	 * An HMAC-SHA256 signature (43 URL-safe characters) of {@code subject} under the links' secret, which every
	 * instance shares, for another module's own tokens (BitTorrent passkeys and web-seed tokens). {@code purpose}
	 * keeps each kind of token apart from the others; it may not be one of the download links' own.
	 */
	public String signature(String purpose, String subject) {
		if (purpose.equals(DOWNLOAD) || purpose.equals(EMAIL_UNLOCK) || purpose.contains("\n")) {
			throw new IllegalArgumentException("Reserved or malformed signature purpose " + purpose);
		}
		return signer.sign(purpose + "\n" + subject);
	}

	/** Whether {@code signature} is {@link #signature(String, String)} of the subject, compared in constant time. */
	public boolean signed(String purpose, String subject, String signature) {
		return signature.length() == LinkSigner.SIGNATURE_CHARS
				&& LinkSigner.same(signature(purpose, subject), signature);
	}

	/**
	 * Checks a link's parts: a signature that does not match all three (any part changed, truncated or made up)
	 * is {@link LinkProblem#FORGED}; a genuine link past its expiry is {@link LinkProblem#EXPIRED}.
	 */
	public VerifiedLink verify(String file, String account, String expiry, String signature) {
		Checked checked = check(DOWNLOAD, file, account, expiry, signature);
		return new VerifiedLink(new BundleFileId(checked.file()), new AccountId(checked.holder()), checked.expiresAt());
	}

	/**
	 * A path for whoever confirmed an email unlock without an account to fetch a locked file, valid for the
	 * configured lifetime: {@code /email-unlocks/{unlock}/files/{file}/{expiry}/{signature}/{name}}. Whether the
	 * unlock still covers the file is checked on every request, like the account links.
	 */
	public String unlockPathFor(BundleFileId file, UUID unlock, String filename) {
		long expiry = clock.instant().plus(properties.lifetime()).getEpochSecond();
		return "/email-unlocks/" + unlock + "/files/" + file.value() + "/" + expiry + "/"
				+ sign(EMAIL_UNLOCK, file.value(), unlock, expiry) + "/" + pathSafe(filename);
	}

	/** Checks an email-unlock link's parts, as {@link #verify} does an account link's. */
	public VerifiedUnlockLink verifyUnlock(String unlock, String file, String expiry, String signature) {
		Checked checked = check(EMAIL_UNLOCK, file, unlock, expiry, signature);
		return new VerifiedUnlockLink(new BundleFileId(checked.file()), checked.holder(), checked.expiresAt());
	}

	/**
	 * The directory of a file's HLS playlists for one account, signed like a download link:
	 * {@code /hls/a/{file}/{account}/{expiry}/{signature}/}. The playlists' relative URIs resolve under it, so every
	 * playlist and segment request carries the signature without rewriting a playlist per viewer.
	 */
	public String watchPathFor(BundleFileId file, AccountId account) {
		long expiry = clock.instant().plus(WATCH_LIFETIME).getEpochSecond();
		return "/hls/a/" + file.value() + "/" + account.value() + "/" + expiry + "/"
				+ sign(WATCH, file.value(), account.value(), expiry) + "/";
	}

	/** Checks a watch path's parts, as {@link #verify} does a download link's. */
	public VerifiedLink verifyWatch(String file, String account, String expiry, String signature) {
		Checked checked = check(WATCH, file, account, expiry, signature);
		return new VerifiedLink(new BundleFileId(checked.file()), new AccountId(checked.holder()), checked.expiresAt());
	}

	/** As {@link #watchPathFor}, for an unlocked file of a bundle watched by anyone: {@code /hls/p/{file}/{bundle}/...}. */
	public String previewWatchPathFor(BundleFileId file, BundleId bundle) {
		long expiry = clock.instant().plus(WATCH_LIFETIME).getEpochSecond();
		return "/hls/p/" + file.value() + "/" + bundle.value() + "/" + expiry + "/"
				+ sign(PREVIEW_WATCH, file.value(), bundle.value(), expiry) + "/";
	}

	/** Checks a preview watch path's parts; returns the file and its bundle. */
	public VerifiedPreview verifyPreviewWatch(String file, String bundle, String expiry, String signature) {
		Checked checked = check(PREVIEW_WATCH, file, bundle, expiry, signature);
		return new VerifiedPreview(new BundleFileId(checked.file()), new BundleId(checked.holder()));
	}

	/** A genuine, unexpired preview watch path: which file of which bundle. */
	public record VerifiedPreview(BundleFileId file, BundleId bundle) {
	}

	private Checked check(String purpose, String file, String holder, String expiry, String signature) {
		UUID fileId;
		UUID holderId;
		long expirySeconds;
		try {
			fileId = UUID.fromString(file);
			holderId = UUID.fromString(holder);
			expirySeconds = Long.parseLong(expiry);
		}
		catch (IllegalArgumentException ex) {
			throw new DownloadLinkException(LinkProblem.FORGED);
		}
		// UUID.fromString accepts non-canonical forms; only the exact text we signed may pass.
		if (!fileId.toString().equals(file) || !holderId.toString().equals(holder)
				|| !Long.toString(expirySeconds).equals(expiry) || signature.length() != LinkSigner.SIGNATURE_CHARS
				|| !LinkSigner.same(sign(purpose, fileId, holderId, expirySeconds), signature)) {
			throw new DownloadLinkException(LinkProblem.FORGED);
		}
		Instant expiresAt = Instant.ofEpochSecond(expirySeconds);
		if (!clock.instant().isBefore(expiresAt)) {
			throw new DownloadLinkException(LinkProblem.EXPIRED);
		}
		return new Checked(fileId, holderId, expiresAt);
	}

	private record Checked(UUID file, UUID holder, Instant expiresAt) {
	}

	private String sign(UUID file, UUID account, long expiry) {
		return sign(DOWNLOAD, file, account, expiry);
	}

	/** {@code purpose} keeps an account link and an unlock link with the same ids from ever sharing a signature. */
	private String sign(String purpose, UUID file, UUID holder, long expiry) {
		return signer.sign(purpose + "\n" + file + "\n" + holder + "\n" + expiry);
	}

	/** ASCII letters, digits, dots, dashes and underscores: a name no proxy or firewall mangles. */
	static String pathSafe(String filename) {
		String safe = filename.replaceAll("[^A-Za-z0-9._-]", "_");
		return safe.isEmpty() || safe.startsWith(".") ? "file" + safe : safe;
	}

	/** A genuine, unexpired link: which file, for whom, until when. */
	public record VerifiedLink(BundleFileId file, AccountId account, Instant expiresAt) {
	}

	/** A genuine, unexpired email-unlock link: which file, for which unlock, until when. */
	public record VerifiedUnlockLink(BundleFileId file, UUID unlock, Instant expiresAt) {
	}

	/** Why a link does not work. */
	public enum LinkProblem {
		/** Not made by us, or changed since: 403. */
		FORGED,
		/** Made by us but too old: 410. */
		EXPIRED,
		/** Genuine and current, but its account may no longer have the file (refund, dispute): 403. */
		REVOKED
	}

	/** A download link that does not work, and why. */
	public static class DownloadLinkException extends RuntimeException {

		private final LinkProblem problem;

		public DownloadLinkException(LinkProblem problem) {
			super("Download link refused: " + problem);
			this.problem = problem;
		}

		public LinkProblem problem() {
			return problem;
		}
	}
}
