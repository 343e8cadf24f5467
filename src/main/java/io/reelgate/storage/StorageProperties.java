package io.reelgate.storage;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where uploaded files are kept, and how their bytes leave.
 *
 * @param filesystemRoot the directory of the filesystem store
 * @param accelRedirectPrefix behind nginx: the internal location that maps to {@code filesystemRoot}; when set,
 * downloads of local files answer with {@code X-Accel-Redirect} and nginx sends the bytes. Blank: off.
 */
@ConfigurationProperties("reelgate.storage")
record StorageProperties(@DefaultValue("./data/files") String filesystemRoot, @Nullable String accelRedirectPrefix) {

	StorageProperties {
		if (accelRedirectPrefix != null && !accelRedirectPrefix.isBlank()
				&& !(accelRedirectPrefix.startsWith("/") && accelRedirectPrefix.endsWith("/"))) {
			throw new IllegalArgumentException("reelgate.storage.accel-redirect-prefix must start and end with /");
		}
	}
}
