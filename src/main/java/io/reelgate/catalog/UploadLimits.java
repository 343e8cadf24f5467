package io.reelgate.catalog;

import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/** The largest file and cover a creator may upload, from {@code reelgate.catalog.*}. */
@Component
public class UploadLimits {

	private final CatalogProperties properties;

	UploadLimits(CatalogProperties properties) {
		this.properties = properties;
	}

	public DataSize maxFileSize() {
		return properties.maxFileSize();
	}

	public DataSize maxCoverSize() {
		return properties.maxCoverSize();
	}
}
