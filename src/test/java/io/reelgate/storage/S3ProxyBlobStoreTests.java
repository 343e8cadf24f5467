package io.reelgate.storage;

import java.net.URI;

import io.reelgate.support.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 store against S3Proxy in this JVM: runs everywhere, no Docker needed. */
class S3ProxyBlobStoreTests extends S3BlobStoreContract {

	private static S3Server server;

	private static S3Client admin;

	@BeforeAll
	static void start() throws Exception {
		server = S3Server.start();
		admin = server.client();
	}

	@AfterAll
	static void stop() throws Exception {
		admin.close();
		server.close();
	}

	@Override
	URI endpoint() {
		return server.endpoint();
	}

	@Override
	String accessKey() {
		return S3Server.ACCESS_KEY;
	}

	@Override
	String secretKey() {
		return S3Server.SECRET_KEY;
	}

	@Override
	S3Client admin() {
		return admin;
	}
}
