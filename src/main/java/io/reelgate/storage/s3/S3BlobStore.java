package io.reelgate.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.reelgate.storage.BlobDownload;
import io.reelgate.storage.BlobStore;
import io.reelgate.storage.BlobTooLargeException;
import io.reelgate.storage.MultipartBlobs;
import io.reelgate.storage.PresignedUrls;
import io.reelgate.storage.StoredBlob;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Keeps blobs as objects in an S3-compatible bucket. Content is streamed in parts: small blobs take one PUT, larger
 * ones a multipart upload whose part size is scaled to the caller's limit so that S3's 10,000 parts always cover it
 * (never below S3's minimum of 5 MiB). One part at a time is held in memory. An object appears under its key only
 * when the upload completes; a failed or oversized upload is aborted, so no half object is ever visible.
 * <p>
 * Resumable uploads write blobs part by part across requests ({@link MultipartBlobs}, kept in {@link S3Multipart});
 * the bytes of such an upload that do not fill a part yet wait in scratch objects under
 * {@code staging/<upload id>/}.
 */
public class S3BlobStore implements BlobStore, PresignedUrls, MultipartBlobs, AutoCloseable {

	/** S3's smallest part (except the last). */
	public static final long MIN_PART_SIZE = 5L * 1024 * 1024;

	/** S3's largest part. */
	public static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;

	/** S3's most parts in one upload. */
	public static final int MAX_PARTS = 10_000;

	private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);

	private final S3Client client;

	private final @Nullable S3Presigner presigner;

	private final String bucket;

	private final S3Bucket objects;

	private final S3Multipart multipart;

	public S3BlobStore(S3Client client, String bucket, String keyPrefix) {
		this(client, null, bucket, keyPrefix);
	}

	/** @param presigner signs download URLs; without one, downloads stream through the application */
	public S3BlobStore(S3Client client, @Nullable S3Presigner presigner, String bucket, String keyPrefix) {
		this.client = client;
		this.presigner = presigner;
		this.bucket = bucket;
		this.objects = new S3Bucket(client, bucket, keyPrefix);
		this.multipart = new S3Multipart(objects);
	}

	/** The part size that lets {@value #MAX_PARTS} parts hold {@code maxBytes}, within S3's part limits. */
	public static long partSizeFor(long maxBytes) {
		long scaled = maxBytes / MAX_PARTS + (maxBytes % MAX_PARTS == 0 ? 0 : 1);
		return Math.min(MAX_PART_SIZE, Math.max(MIN_PART_SIZE, scaled));
	}

	@Override
	public StoredBlob store(InputStream content, long maxBytes) throws IOException {
		String key = S3Bucket.newKey();
		String objectKey = objects.objectKey(key);
		MessageDigest sha256 = sha256();
		int partSize = (int) Math.min(Integer.MAX_VALUE - 8, partSizeFor(maxBytes));
		byte[] buffer = new byte[partSize];

		int filled = fill(content, buffer, maxBytes, 0);
		sha256.update(buffer, 0, filled);
		if (filled < partSize) {
			try {
				client.putObject(put -> put.bucket(bucket).key(objectKey).contentLength((long) filled),
						S3Bucket.body(buffer, filled));
			}
			catch (SdkException ex) {
				throw new IOException("Could not store blob " + key + " in bucket " + bucket, ex);
			}
			return new StoredBlob(key, filled, HexFormat.of().formatHex(sha256.digest()));
		}
		return storeInParts(key, objectKey, content, buffer, filled, sha256, maxBytes);
	}

	private StoredBlob storeInParts(String key, String objectKey, InputStream content, byte[] buffer, int firstPart,
			MessageDigest sha256, long maxBytes) throws IOException {
		String uploadId;
		try {
			uploadId = client.createMultipartUpload(create -> create.bucket(bucket).key(objectKey)).uploadId();
		}
		catch (SdkException ex) {
			throw new IOException("Could not start a multipart upload of blob " + key, ex);
		}
		boolean completed = false;
		try {
			List<CompletedPart> parts = new ArrayList<>();
			long size = 0;
			int filled = firstPart;
			while (filled > 0) {
				int partNumber = parts.size() + 1;
				int length = filled;
				String etag = client.uploadPart(part -> part.bucket(bucket).key(objectKey).uploadId(uploadId)
					.partNumber(partNumber).contentLength((long) length), S3Bucket.body(buffer, length)).eTag();
				parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
				size += length;
				filled = fill(content, buffer, maxBytes, size);
				sha256.update(buffer, 0, filled);
			}
			client.completeMultipartUpload(complete -> complete.bucket(bucket).key(objectKey).uploadId(uploadId)
				.multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
			completed = true;
			return new StoredBlob(key, size, HexFormat.of().formatHex(sha256.digest()));
		}
		catch (SdkException ex) {
			throw new IOException("Could not store blob " + key + " in bucket " + bucket, ex);
		}
		finally {
			if (!completed) {
				abort(objectKey, uploadId);
			}
		}
	}

	/** Reads until the buffer is full or the content ends; throws once the content passes {@code maxBytes}. */
	private static int fill(InputStream content, byte[] buffer, long maxBytes, long before) throws IOException {
		int filled = 0;
		while (filled < buffer.length) {
			int read = content.read(buffer, filled, buffer.length - filled);
			if (read < 0) {
				break;
			}
			filled += read;
			if (before + filled > maxBytes) {
				throw new BlobTooLargeException(maxBytes);
			}
		}
		return filled;
	}

	private void abort(String objectKey, String uploadId) {
		try {
			client.abortMultipartUpload(abort -> abort.bucket(bucket).key(objectKey).uploadId(uploadId));
		}
		catch (SdkException ex) {
			log.warn("Could not abort multipart upload {} of {}; a bucket lifecycle rule for incomplete uploads "
					+ "will remove its parts", uploadId, objectKey, ex);
		}
	}

	@Override
	public Multipart start(long length) throws IOException {
		return multipart.start(length);
	}

	@Override
	public String uploadPart(Multipart upload, int number, byte[] bytes, int length) throws IOException {
		return multipart.uploadPart(upload, number, bytes, length);
	}

	@Override
	public StoredBlob complete(Multipart upload, List<Part> parts, String sha256) throws IOException {
		return multipart.complete(upload, parts, sha256);
	}

	@Override
	public void abort(Multipart upload) throws IOException {
		multipart.abort(upload);
	}

	@Override
	public void putScratch(UUID upload, long offset, byte[] bytes, int length) throws IOException {
		multipart.putScratch(upload, offset, bytes, length);
	}

	@Override
	public InputStream openScratch(UUID upload, long offset) throws IOException {
		return multipart.openScratch(upload, offset);
	}

	@Override
	public void deleteScratch(UUID upload, long offset) throws IOException {
		multipart.deleteScratch(upload, offset);
	}

	@Override
	public void deleteAllScratch(UUID upload) throws IOException {
		multipart.deleteAllScratch(upload);
	}

	@Override
	public InputStream open(String key, long offset) throws IOException {
		GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(objects.objectKey(key));
		if (offset > 0) {
			request.range("bytes=" + offset + "-");
		}
		try {
			return new S3ObjectBody(client.getObject(request.build()));
		}
		catch (NoSuchKeyException ex) {
			throw new NoSuchFileException(key);
		}
		catch (SdkException ex) {
			throw new IOException("Could not read blob " + key + " from offset " + offset, ex);
		}
	}

	@Override
	public void delete(String key) throws IOException {
		objects.delete(key);
	}

	@Override
	public void checkAvailable() throws IOException {
		try {
			client.headBucket(head -> head.bucket(bucket));
		}
		catch (SdkException ex) {
			throw new IOException("Bucket " + bucket + " is not reachable", ex);
		}
	}

	/** A presigned GET whose response carries the download's type and file name (the response-* overrides). */
	@Override
	public Optional<URI> presignedGet(String key, String filename, String contentType, Duration lifetime) {
		if (presigner == null) {
			return Optional.empty();
		}
		GetObjectRequest get = GetObjectRequest.builder()
			.bucket(bucket)
			.key(objects.objectKey(key))
			.responseContentType(contentType)
			.responseContentDisposition(BlobDownload.ContentDispositions.of(true, filename))
			.build();
		try {
			return Optional.of(presigner.presignGetObject(request -> request.signatureDuration(lifetime)
				.getObjectRequest(get)).url().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("The SDK signed an invalid URL", ex);
		}
	}

	@Override
	public void close() {
		client.close();
		if (presigner != null) {
			presigner.close();
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}
}
