package io.reelgate.storage.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The bucket blobs live in, as the store and its multipart uploads both address it: the client, the bucket's name
 * and the key rules (a blob's key, and the prefix every object of ours sits under in a shared bucket).
 */
final class S3Bucket {

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f-]{36}");

	final S3Client client;

	final String name;

	final String keyPrefix;

	S3Bucket(S3Client client, String name, String keyPrefix) {
		this.client = client;
		this.name = name;
		this.keyPrefix = keyPrefix == null ? "" : keyPrefix;
	}

	/** The object a blob key names. */
	String objectKey(String key) {
		// Keys are ours, but a corrupted row must never reach another object of a shared bucket.
		if (!KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Not a blob key: " + key);
		}
		return keyPrefix + key;
	}

	/** A new blob key, spread over two levels of prefixes. */
	static String newKey() {
		String id = UUID.randomUUID().toString();
		return id.substring(0, 2) + "/" + id.substring(2, 4) + "/" + id;
	}

	static RequestBody body(byte[] buffer, int length) {
		return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length,
				"application/octet-stream");
	}

	void delete(String key) throws IOException {
		try {
			client.deleteObject(delete -> delete.bucket(name).key(objectKey(key)));
		}
		catch (SdkException ex) {
			throw new IOException("Could not delete blob " + key, ex);
		}
	}
}
