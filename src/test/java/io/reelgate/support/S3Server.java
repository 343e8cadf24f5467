package io.reelgate.support;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.reelgate.storage.s3.S3BlobStore;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3 server in this JVM (S3Proxy over a temporary directory), speaking real S3 HTTP with signature checks, so
 * the S3 store is tested without Docker or a cloud account.
 */
public final class S3Server implements AutoCloseable {

	public static final String ACCESS_KEY = "reelgate-test-access";

	public static final String SECRET_KEY = "reelgate-test-secret-key";

	private final S3Proxy proxy;

	private S3Server(S3Proxy proxy) {
		this.proxy = proxy;
	}

	public static S3Server start() throws Exception {
		Path dir = Files.createTempDirectory("s3proxy-");
		S3Proxy proxy = S3Proxy.builder()
			.blobStore(new FilesystemNio2BlobStore(dir.toString()))
			.endpoint(URI.create("http://127.0.0.1:0"))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
			.build();
		proxy.start();
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!"STARTED".equals(proxy.getState())) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
			}
			Thread.sleep(10);
		}
		return new S3Server(proxy);
	}

	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + proxy.getPort());
	}

	/** A client for this server, for creating buckets and looking behind the store's back. */
	public S3Client client() {
		return S3Client.builder()
			.endpointOverride(endpoint())
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
			.build();
	}

	/** Makes a new, empty bucket and returns its name. */
	public String newBucket() {
		String bucket = "reelgate-" + UUID.randomUUID().toString().substring(0, 8);
		try (S3Client client = client()) {
			client.createBucket(create -> create.bucket(bucket));
		}
		return bucket;
	}

	/** A store over a new bucket of this server. */
	public S3BlobStore newStore() {
		return new S3BlobStore(client(), newBucket(), "");
	}

	@Override
	public void close() throws Exception {
		proxy.stop();
	}
}
