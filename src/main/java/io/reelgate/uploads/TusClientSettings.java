package io.reelgate.uploads;

import org.springframework.stereotype.Component;

/**
 * What the browser uploader needs to know, for templates ({@code @tusClientSettings}): pages in other modules
 * offer resumable uploads without a compile-time dependency on this one.
 */
@Component("tusClientSettings")
public class TusClientSettings {

	private final UploadProperties properties;

	TusClientSettings(UploadProperties properties) {
		this.properties = properties;
	}

	/** Bytes per PATCH request: a failed request is retried from its start, so this bounds the bytes sent twice. */
	public long chunkSize() {
		return properties.chunkSize().toBytes();
	}
}
