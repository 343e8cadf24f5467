package io.reelgate.uploads;

import io.reelgate.shared.RefusedException;

/**
 * A tus request the server refuses, with the HTTP status tus prescribes and a message code from
 * {@code messages.properties} for the body.
 */
public class UploadException extends RefusedException {

	/** tus checksum extension: the chunk did not match its Upload-Checksum. */
	public static final int CHECKSUM_MISMATCH = 460;

	private final int status;

	public UploadException(int status, String code, Object... arguments) {
		super(code, arguments);
		this.status = status;
	}

	@Override
	public int status() {
		return status;
	}
}
