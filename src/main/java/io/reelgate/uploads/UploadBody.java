package io.reelgate.uploads;

import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;

/**
 * The request body, read a buffer at a time: the servlet stream returns what one socket read brought (a few KiB),
 * and a file write and a handover to the digest for each of those cost more than the bytes (uploads ran at half
 * the speed). When the client goes away mid-buffer, the bytes that did arrive are returned first and the failure
 * afterwards, so that they are kept.
 */
final class UploadBody {

	private final InputStream in;

	private @Nullable IOException failure;

UploadBody(InputStream in) {
		this.in = in;
	}

	/** Reads until {@code length} bytes, the end of the body or a failure; 0 only at the end or after a failure. */
	int fill(byte[] buffer, int length) {
		int filled = 0;
		while (filled < length && failure == null) {
			try {
				int read = in.read(buffer, filled, length - filled);
				if (read == -1) {
					break;
				}
				filled += read;
			}
			catch (IOException ex) {
				failure = ex;
			}
		}
		return filled;
	}

	/** Reads and drops up to {@code max} more bytes, stopping quietly at the end or a failure. */
	void discard(long max) {
		byte[] scratch = new byte[8192];
		long left = max;
		try {
			int read;
			while (left > 0 && failure == null
					&& (read = in.read(scratch, 0, (int) Math.min(scratch.length, left))) != -1) {
				left -= read;
			}
		}
		catch (IOException ex) {
			failure = ex;
		}
	}

	/** Throws the failure that ended the last fill, if one did. */
	void rethrow() throws IOException {
		if (failure != null) {
			throw failure;
		}
	}
}
