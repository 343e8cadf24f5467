package io.reelgate.storage;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Sends downloads the fastest way this deployment allows: with {@code reelgate.storage.accel-redirect-prefix} set
 * and a store of local files, nginx sends the bytes ({@code X-Accel-Redirect}); otherwise {@link BlobDownload}
 * does, with sendfile where it can.
 */
@Component
public class BlobSender {

	private final BlobStore store;

	private final @Nullable String accelRedirectPrefix;

	BlobSender(BlobStore store, StorageProperties properties) {
		this.store = store;
		String prefix = properties.accelRedirectPrefix();
		this.accelRedirectPrefix = prefix != null && !prefix.isBlank() && store instanceof LocalFiles ? prefix : null;
	}

	public void send(BlobDownload download, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		download.respond(request, response, store, accelRedirectPrefix);
	}
}
