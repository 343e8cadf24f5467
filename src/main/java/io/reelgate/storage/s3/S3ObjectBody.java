package io.reelgate.storage.s3;

import java.io.FilterInputStream;
import java.io.IOException;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * An object's body that, when closed before its end (a client stopped a download), aborts the connection
 * instead of reading the rest of a possibly huge object just to reuse it.
 */
final class S3ObjectBody extends FilterInputStream {

	private final ResponseInputStream<GetObjectResponse> response;

	private boolean ended;

S3ObjectBody(ResponseInputStream<GetObjectResponse> response) {
		super(response);
		this.response = response;
	}

	@Override
	public int read() throws IOException {
		int read = super.read();
		ended |= read < 0;
		return read;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		int read = super.read(b, off, len);
		ended |= read < 0;
		return read;
	}

	@Override
	public void close() throws IOException {
		if (!ended) {
			response.abort();
		}
		super.close();
	}
}
