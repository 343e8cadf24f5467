package io.reelgate.uploads;

/**
 * A tus request the server refuses, with the HTTP status tus prescribes and a message code from
 * {@code messages.properties} for the body.
 */
public class UploadException extends RuntimeException {

	/** tus checksum extension: the chunk did not match its Upload-Checksum. */
	public static final int CHECKSUM_MISMATCH = 460;

	private final int status;

	private final String code;

	private final transient Object[] arguments;

	public UploadException(int status, String code, Object... arguments) {
		super(code);
		this.status = status;
		this.code = code;
		this.arguments = arguments;
	}

	public int status() {
		return status;
	}

	public String code() {
		return code;
	}

	public Object[] arguments() {
		return arguments.clone();
	}
}
