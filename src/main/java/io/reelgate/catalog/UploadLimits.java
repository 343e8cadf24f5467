package io.reelgate.catalog;

import io.reelgate.shared.AccountId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/** The largest file and cover a creator may upload and how much they may keep, from {@code reelgate.catalog.*}. */
@Component
public class UploadLimits {

	private final CatalogProperties properties;

	private final Bundles bundles;

	UploadLimits(CatalogProperties properties, Bundles bundles) {
		this.properties = properties;
		this.bundles = bundles;
	}

	public DataSize maxFileSize() {
		return properties.maxFileSize();
	}

	public DataSize maxCoverSize() {
		return properties.maxCoverSize();
	}

	public DataSize storageQuota() {
		return properties.storageQuota();
	}

	/** Bytes of the files in the creator's bundles. */
	@Transactional(readOnly = true)
	public long storageUsedBy(AccountId owner) {
		return bundles.storageUsedBy(owner.value());
	}
}
