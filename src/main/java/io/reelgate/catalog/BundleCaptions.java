package io.reelgate.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import io.reelgate.storage.BlobStore;
import io.reelgate.storage.StoredBlob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A creator adds caption files (WebVTT or SRT, converted to WebVTT by {@link CaptionText}) to the videos of their
 * bundles, with a language and a label, and removes them. As with {@link BundleMedia}, the blob is stored with no
 * database transaction open, and deleted again if its row cannot be written.
 */
@Service
@PreAuthorize("hasRole('CREATOR')")
public class BundleCaptions {

	/** Far more than a feature film's subtitles (about 100 KB); a caption file is read into memory whole. */
	public static final int MAX_BYTES = 512 * 1024;

	static final int MAX_PER_FILE = 20;

	/** A BCP 47 tag's shape: a language, then subtags (region, script, variant). */
	private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}");

	private static final Logger log = LoggerFactory.getLogger(BundleCaptions.class);

	private final Catalog catalog;

	private final CaptionTracks tracks;

	private final BlobStore store;

	private final JdbcClient jdbc;

	private final Clock clock;

	BundleCaptions(Catalog catalog, CaptionTracks tracks, BlobStore store, JdbcClient jdbc, Clock clock) {
		this.catalog = catalog;
		this.tracks = tracks;
		this.store = store;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @param label what players show; blank for the language's own name ({@code Français} for {@code fr})
	 * @throws CatalogException naming what is wrong, the line of the file included
	 */
	public CaptionView add(AccountId owner, BundleId bundle, BundleFileId fileId, String language, String label,
			InputStream content) {
		video(owner, bundle, fileId);
		String tag = languageTag(language);
		String name = label(label, tag);
		List<CaptionView> existing = tracks.of(fileId);
		if (existing.size() >= MAX_PER_FILE) {
			throw new CatalogException("caption.tooMany", MAX_PER_FILE);
		}
		if (existing.stream().anyMatch(c -> c.label().equalsIgnoreCase(name))) {
			throw new CatalogException("caption.duplicate", name);
		}
		byte[] vtt = CaptionText.toWebVtt(read(content)).getBytes(StandardCharsets.UTF_8);
		StoredBlob blob;
		try {
			blob = store.store(new ByteArrayInputStream(vtt), vtt.length);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store a caption file", ex);
		}
		CaptionView caption = new CaptionView(UUID.randomUUID(), fileId, tag, name, blob.key(), blob.size(),
				blob.sha256(), clock.instant());
		try {
			jdbc.sql("""
					insert into captions (id, file_id, language, label, blob_key, size, sha256, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(caption.id(), fileId.value(), tag, name, blob.key(), blob.size(), blob.sha256(),
						Timestamp.from(caption.createdAt()))
				.update();
			return caption;
		}
		catch (RuntimeException ex) {
			deleteQuietly(blob.key());
			if (ex instanceof DuplicateKeyException) {
				throw new CatalogException("caption.duplicate", name);
			}
			throw ex;
		}
	}

	public void remove(AccountId owner, BundleId bundle, BundleFileId fileId, UUID captionId) {
		video(owner, bundle, fileId);
		CaptionView caption = tracks.find(fileId, captionId).orElseThrow(BundleNotFoundException::new);
		jdbc.sql("delete from captions where id = ?").param(caption.id()).update();
		deleteQuietly(caption.blobKey());
	}

	private void deleteQuietly(String key) {
		try {
			store.delete(key);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not delete blob {}; it is unreferenced and can be removed by hand", key, ex);
		}
	}

	/** Someone else's bundle, a file of another bundle and a file that is not a video all look alike: not found. */
	private void video(AccountId owner, BundleId bundle, BundleFileId fileId) {
		Catalog.OwnedFile owned = catalog.file(fileId).orElseThrow(BundleNotFoundException::new);
		if (!owned.owner().equals(owner) || !owned.file().bundleId().equals(bundle)
				|| !owned.file().contentType().startsWith("video/")) {
			throw new BundleNotFoundException();
		}
	}

	private static String languageTag(String language) {
		String trimmed = language == null ? "" : language.strip();
		if (!LANGUAGE.matcher(trimmed).matches()) {
			throw new CatalogException("caption.language.invalid");
		}
		String tag = Locale.forLanguageTag(trimmed).toLanguageTag();
		if (tag.equals("und")) {
			throw new CatalogException("caption.language.invalid");
		}
		return tag;
	}

	/** Quotes and control characters would break the playlist attribute the label becomes. */
	private static String label(String label, String tag) {
		String trimmed = label == null ? "" : label.strip();
		if (trimmed.isEmpty()) {
			Locale locale = Locale.forLanguageTag(tag);
			String own = locale.getDisplayName(locale);
			trimmed = own.isEmpty() ? tag : own.substring(0, 1).toUpperCase(locale) + own.substring(1);
		}
		if (trimmed.length() > 60 || trimmed.contains("\"") || trimmed.chars().anyMatch(Character::isISOControl)) {
			throw new CatalogException("caption.label.invalid");
		}
		return trimmed;
	}

	private static byte[] read(InputStream content) {
		try {
			byte[] bytes = content.readNBytes(MAX_BYTES + 1);
			if (bytes.length > MAX_BYTES) {
				throw new CatalogException("caption.tooLarge", MAX_BYTES / 1024);
			}
			if (bytes.length == 0) {
				throw new CatalogException("upload.empty");
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read a caption file", ex);
		}
	}
}
