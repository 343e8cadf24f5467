package io.reelgate.storage;

import java.io.IOException;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * "storage" in the health endpoint and in readiness: an instance that cannot reach its files (a lost volume, an
 * unreachable bucket) should get no traffic, just like one without its database.
 */
@Component("storage")
class StorageHealthIndicator extends AbstractHealthIndicator {

	private final BlobStore store;

	StorageHealthIndicator(BlobStore store) {
		super("Storage is not available");
		this.store = store;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws IOException {
		store.checkAvailable();
		builder.up();
	}
}
