package io.reelgate.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.UUID;

import io.reelgate.storage.MultipartBlobs;
import io.reelgate.storage.StoredBlob;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Resumable uploads in the bucket ({@link MultipartBlobs}): a blob written part by part across requests as an S3
 * multipart upload, and the bytes that do not fill a part yet as scratch objects under
 * {@code staging/<upload id>/}.
 */
final class S3Multipart implements MultipartBlobs {

	private final S3Bucket bucket;

	private final S3Client client;

	private final String name;

	S3Multipart(S3Bucket bucket) {
		this.bucket = bucket;
		this.client = bucket.client;
		this.name = bucket.name;
	}

	@Override
	public Multipart start(long length) throws IOException {
		String key = S3Bucket.newKey();
		try {
			String uploadId = client.createMultipartUpload(create -> create.bucket(name).key(bucket.objectKey(key)))
				.uploadId();
			return new Multipart(key, uploadId, S3BlobStore.partSizeFor(length));
		}
		catch (SdkException ex) {
			throw new IOException("Could not start a multipart upload of blob " + key, ex);
		}
	}

	@Override
	public String uploadPart(Multipart upload, int number, byte[] bytes, int length) throws IOException {
		try {
			return client.uploadPart(part -> part.bucket(name).key(bucket.objectKey(upload.key()))
				.uploadId(upload.uploadId()).partNumber(number).contentLength((long) length), S3Bucket.body(bytes, length))
				.eTag();
		}
		catch (SdkException ex) {
			throw new IOException("Could not store part " + number + " of blob " + upload.key(), ex);
		}
	}

	@Override
	public StoredBlob complete(Multipart upload, List<Part> parts, String sha256) throws IOException {
		String objectKey = bucket.objectKey(upload.key());
		long size = parts.stream().mapToLong(Part::size).sum();
		try {
			client.completeMultipartUpload(complete -> complete.bucket(name).key(objectKey)
				.uploadId(upload.uploadId())
				.multipartUpload(CompletedMultipartUpload.builder()
					.parts(parts.stream()
						.map(part -> CompletedPart.builder().partNumber(part.number()).eTag(part.etag()).build())
						.toList())
					.build()));
			long stored = client.headObject(head -> head.bucket(name).key(objectKey)).contentLength();
			if (stored != size) {
				bucket.delete(upload.key());
				throw new IOException("Blob " + upload.key() + " was completed with " + stored + " bytes, not " + size);
			}
			return new StoredBlob(upload.key(), size, sha256);
		}
		catch (SdkException ex) {
			throw new IOException("Could not complete blob " + upload.key(), ex);
		}
	}

	@Override
	public void abort(Multipart upload) throws IOException {
		try {
			client.abortMultipartUpload(abort -> abort.bucket(name).key(bucket.objectKey(upload.key()))
				.uploadId(upload.uploadId()));
		}
		catch (NoSuchUploadException ex) {
			// Completed or aborted before: nothing is left.
		}
		catch (SdkException ex) {
			throw new IOException("Could not abort the multipart upload of blob " + upload.key(), ex);
		}
	}

	@Override
	public void putScratch(UUID upload, long offset, byte[] bytes, int length) throws IOException {
		try {
			client.putObject(put -> put.bucket(name).key(scratchKey(upload, offset)).contentLength((long) length),
					S3Bucket.body(bytes, length));
		}
		catch (SdkException ex) {
			throw new IOException("Could not keep the tail of upload " + upload, ex);
		}
	}

	@Override
	public InputStream openScratch(UUID upload, long offset) throws IOException {
		try {
			return new S3ObjectBody(client.getObject(get -> get.bucket(name).key(scratchKey(upload, offset))));
		}
		catch (NoSuchKeyException ex) {
			throw new NoSuchFileException(scratchKey(upload, offset));
		}
		catch (SdkException ex) {
			throw new IOException("Could not read the tail of upload " + upload, ex);
		}
	}

	@Override
	public void deleteScratch(UUID upload, long offset) throws IOException {
		try {
			client.deleteObject(delete -> delete.bucket(name).key(scratchKey(upload, offset)));
		}
		catch (SdkException ex) {
			throw new IOException("Could not delete the tail of upload " + upload, ex);
		}
	}

	@Override
	public void deleteAllScratch(UUID upload) throws IOException {
		String prefix = bucket.keyPrefix + "staging/" + upload + "/";
		try {
			for (S3Object object : client.listObjectsV2Paginator(list -> list.bucket(name).prefix(prefix)).contents()) {
				client.deleteObject(delete -> delete.bucket(name).key(object.key()));
			}
		}
		catch (SdkException ex) {
			throw new IOException("Could not delete the tails of upload " + upload, ex);
		}
	}

	private String scratchKey(UUID upload, long offset) {
		if (offset < 0) {
			throw new IllegalArgumentException("Negative offset " + offset);
		}
		return bucket.keyPrefix + "staging/" + upload + "/" + offset;
	}
}
