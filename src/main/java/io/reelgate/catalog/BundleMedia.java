package io.reelgate.catalog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import io.reelgate.storage.BlobStore;
import io.reelgate.storage.BlobTooLargeException;
import io.reelgate.storage.StoredBlob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Moves a creator's files and covers in and out of storage. Bytes are streamed with no database transaction open;
 * the row is written only once the blob is complete, and a blob whose row cannot be written is deleted again, so
 * a failed upload leaves neither an orphan file nor a half row.
 */
@Service
@PreAuthorize("hasRole('CREATOR')")
public class BundleMedia {

	private static final Logger log = LoggerFactory.getLogger(BundleMedia.class);

	private final BundleMediaRecords records;

	private final BlobStore store;

	private final CatalogProperties properties;

	private final ContentTypes contentTypes;

	private final CaptionTracks captions;

	BundleMedia(BundleMediaRecords records, BlobStore store, CatalogProperties properties,
			ContentTypes contentTypes, CaptionTracks captions) {
		this.captions = captions;
		this.records = records;
		this.store = store;
		this.properties = properties;
		this.contentTypes = contentTypes;
	}

	public FileView addFile(AccountId owner, BundleId id, String originalName, InputStream content) {
		records.assertCanAddFile(owner, id);
		String name = FileNames.displayName(originalName);
		BufferedInputStream buffered = new BufferedInputStream(content, ContentTypes.HEAD_LENGTH);
		String contentType = detectAllowed(buffered, name);
		StoredBlob blob = storeBlob(buffered, properties.maxFileSize().toBytes());
		return attach(owner, id, name, blob, contentType);
	}

	/** Throws unless the creator owns the bundle and it can take one more file (checked again on attaching). */
	public void assertCanAddFile(AccountId owner, BundleId id) {
		records.assertCanAddFile(owner, id);
	}

	/**
	 * The type of a file that starts with {@code head} if that type may not join a bundle, decided as
	 * {@link #addFile} and {@link #addVerifiedFile} decide it; empty if it may. For a resumable upload to refuse a
	 * file as soon as its first {@link StagedFile#HEAD_LENGTH} bytes have arrived rather than after its last.
	 */
	public Optional<String> refusedType(String originalName, byte[] head) {
		if (head.length == 0) {
			return Optional.empty();
		}
		String type = contentTypes.detect(head, FileNames.displayName(originalName));
		return contentTypes.allows(type) ? Optional.empty() : Optional.of(type);
	}

	/**
	 * Adds a file whose bytes were received elsewhere (a finished resumable upload) and whose size and SHA-256 are
	 * known in advance. The type is checked on the staged head first, so a refused file leaves its bytes staged;
	 * then the store takes the staged bytes over (moving a file, completing a multipart upload), and the file joins
	 * the bundle only if what was stored has exactly the expected size and SHA-256; otherwise nothing is kept.
	 */
	public FileView addVerifiedFile(AccountId owner, BundleId id, String originalName, StagedFile staged,
			long expectedSize, String expectedSha256) {
		records.assertCanAddFile(owner, id);
		String name = FileNames.displayName(originalName);
		String contentType;
		try (InputStream content = staged.head()) {
			contentType = detectAllowed(new BufferedInputStream(content, ContentTypes.HEAD_LENGTH), name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read an upload", ex);
		}
		if (records.storageUsedBy(owner) + expectedSize > properties.storageQuota().toBytes()) {
			throw new CatalogException("upload.quota", properties.storageQuota().toMegabytes());
		}
		StoredBlob blob;
		try {
			blob = staged.store(properties.maxFileSize().toBytes());
		}
		catch (BlobTooLargeException ex) {
			throw new CatalogException("upload.tooLarge", DataSize.ofBytes(properties.maxFileSize().toBytes()).toMegabytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store an upload", ex);
		}
		if (blob.size() != expectedSize || !blob.sha256().equalsIgnoreCase(expectedSha256)) {
			deleteQuietly(blob.key());
			log.warn("Upload of {} bytes for bundle {} arrived as {} bytes with SHA-256 {} instead of {}",
					expectedSize, id.value(), blob.size(), blob.sha256(), expectedSha256);
			throw new CatalogException("upload.corrupt");
		}
		return attach(owner, id, name, blob, contentType);
	}

	private String detectAllowed(BufferedInputStream content, String name) {
		try {
			return contentTypes.detectAllowed(content, name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read an upload", ex);
		}
	}

	private FileView attach(AccountId owner, BundleId id, String name, StoredBlob blob, String contentType) {
		try {
			if (blob.size() == 0) {
				throw new CatalogException("upload.empty");
			}
			// Checked again after the bytes are in, since the multipart form's length is known only now.
			if (records.storageUsedBy(owner) + blob.size() > properties.storageQuota().toBytes()) {
				throw new CatalogException("upload.quota", properties.storageQuota().toMegabytes());
			}
			return records.attach(owner, id, new FileUpload(blob, name, contentType));
		}
		catch (RuntimeException ex) {
			deleteQuietly(blob.key());
			throw ex;
		}
	}

	/** The file's caption rows go with its row (a foreign key's cascade); their blobs are deleted here. */
	public void removeFile(AccountId owner, BundleId id, BundleFileId fileId) {
		List<String> captionBlobs = captions.of(fileId).stream().map(CaptionView::blobKey).toList();
		records.detach(owner, id, fileId).forEach(this::deleteQuietly);
		captionBlobs.forEach(this::deleteQuietly);
	}

	/**
	 * Makes the poster frame taken from one of the bundle's videos its cover, through the same checks as an uploaded
	 * cover (the type comes from the bytes). The poster frame stays with its file; the cover is a copy.
	 */
	public void usePosterAsCover(AccountId owner, BundleId id, BundleFileId fileId) {
		String poster = records.posterOf(owner, id, fileId);
		try (InputStream content = store.open(poster, 0)) {
			changeCover(owner, id, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read a poster frame", ex);
		}
	}

	public void changeCover(AccountId owner, BundleId id, InputStream content) {
		records.assertOwned(owner, id);
		BufferedInputStream buffered = new BufferedInputStream(content);
		String contentType = ImageTypes.sniff(buffered);
		StoredBlob blob = storeBlob(buffered, properties.maxCoverSize().toBytes());
		try {
			Optional<String> previous = records.changeCover(owner, id, blob, contentType);
			previous.ifPresent(this::deleteQuietly);
		}
		catch (RuntimeException ex) {
			deleteQuietly(blob.key());
			throw ex;
		}
	}

	private StoredBlob storeBlob(InputStream content, long maxBytes) {
		try {
			return store.store(content, maxBytes);
		}
		catch (BlobTooLargeException ex) {
			throw new CatalogException("upload.tooLarge", DataSize.ofBytes(maxBytes).toMegabytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store an upload", ex);
		}
	}

	private void deleteQuietly(String key) {
		try {
			store.delete(key);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not delete blob {}; it is unreferenced and can be removed by hand", key, ex);
		}
	}
}
