package io.reelgate.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Answers a GET or HEAD for one stored blob with full HTTP semantics (RFC 9110): {@code Accept-Ranges}, single byte
 * ranges (206), several ranges ({@code multipart/byteranges}, capped and coalesced, see {@link ByteRange#parse}),
 * unsatisfiable ranges (416), the conditional requests of RFC 9110 §13 (304, 412, {@code If-Range} against the
 * strong ETag or Last-Modified; see {@link Preconditions}), and a safe {@code Content-Disposition}. Spring's own Resource handling ignores If-Range, hence this class.
 * <p>
 * When the store keeps the blob as a local file ({@link LocalFiles}) and the container offers it, the body of a
 * whole or single-range response is sent with Tomcat's sendfile (zero copy, no request thread held while it goes
 * out); otherwise it is streamed through a buffer.
 *
 * @param key the blob key
 * @param size the blob's size in bytes
 * @param etag an opaque value that changes whenever the bytes do (the SHA-256 for files): a strong ETag
 * @param lastModified when the blob was stored
 * @param contentType the media type to declare
 * @param filename the name a browser should save it under
 * @param attachment {@code true} to make browsers save rather than display
 * @param cacheControl the {@code Cache-Control} value
 */
public record BlobDownload(String key, long size, String etag, Instant lastModified, String contentType,
		String filename, boolean attachment, String cacheControl) {

	private static final int BUFFER = 256 * 1024;

	static final String X_ACCEL_REDIRECT = "X-Accel-Redirect";

	static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";

	static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";

	static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";

	static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

	public String quotedEtag() {
		return "\"" + etag + "\"";
	}

	public void respond(HttpServletRequest request, HttpServletResponse response, BlobStore store) throws IOException {
		respond(request, response, store, null);
	}

	/**
	 * As {@link #respond(HttpServletRequest, HttpServletResponse, BlobStore)}, but with an {@code accelRedirectPrefix}
	 * hands the whole request to nginx: the answer carries the type, disposition and caching headers and
	 * {@code X-Accel-Redirect: prefix + key}, and nginx serves the file from its internal location, ranges and
	 * validators included (nginx's own ETag and Last-Modified then apply).
	 */
	public void respond(HttpServletRequest request, HttpServletResponse response, BlobStore store,
			@Nullable String accelRedirectPrefix) throws IOException {
		if (accelRedirectPrefix != null) {
			handToNginx(response, accelRedirectPrefix);
			return;
		}
		response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
		response.setHeader(HttpHeaders.ETAG, quotedEtag());
		response.setDateHeader(HttpHeaders.LAST_MODIFIED, lastModified.toEpochMilli());
		response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
		response.setHeader("X-Content-Type-Options", "nosniff");
		Preconditions.Outcome outcome = preconditions().evaluate(request);
		if (outcome == Preconditions.Outcome.NOT_MODIFIED) {
			// §15.4.5: the validators and caching headers a 200 would carry, no body and no content headers.
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		if (outcome == Preconditions.Outcome.FAILED) {
			response.setStatus(HttpServletResponse.SC_PRECONDITION_FAILED);
			response.setContentLengthLong(0);
			return;
		}
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.of(attachment, filename));
		response.setContentType(contentType);
		sendWanted(request, response, store);
	}

	private void handToNginx(HttpServletResponse response, String accelRedirectPrefix) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.of(attachment, filename));
		response.setContentType(contentType);
		response.setHeader(X_ACCEL_REDIRECT, accelRedirectPrefix + key);
	}

	/** Sends what the Range header asks for: one range, several as multipart/byteranges, 416 or the whole file. */
	private void sendWanted(HttpServletRequest request, HttpServletResponse response, BlobStore store)
			throws IOException {
		ByteRange.Request wanted = wanted(request);
		if (wanted instanceof ByteRange.Unsatisfiable) {
			response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
			response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
			response.setContentLengthLong(0);
		}
		else if (wanted instanceof ByteRange.Partial partial) {
			ByteRange range = partial.range();
			response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
			response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + range.first() + "-" + range.last() + "/" + size);
			send(request, response, store, range.first(), range.length());
		}
		else if (wanted instanceof ByteRange.Multiple multiple) {
			response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
			sendParts(request, response, store, multiple.ranges());
		}
		else {
			response.setStatus(HttpServletResponse.SC_OK);
			send(request, response, store, 0, size);
		}
	}

	/**
	 * The file bytes a GET with these headers is sent (without multipart framing), for accounting; 0 for HEAD and
	 * for a 304 or 412.
	 */
	public long bytesToSend(HttpServletRequest request) {
		if ("HEAD".equalsIgnoreCase(request.getMethod())
				|| preconditions().evaluate(request) != Preconditions.Outcome.PROCEED) {
			return 0;
		}
		ByteRange.Request wanted = wanted(request);
		if (wanted instanceof ByteRange.Partial partial) {
			return partial.range().length();
		}
		if (wanted instanceof ByteRange.Multiple multiple) {
			return multiple.ranges().stream().mapToLong(ByteRange::length).sum();
		}
		return wanted instanceof ByteRange.Whole ? size : 0;
	}

	private Preconditions preconditions() {
		return new Preconditions(etag, lastModified);
	}

	private ByteRange.Request wanted(HttpServletRequest request) {
		return preconditions().rangeHolds(request.getHeader(HttpHeaders.IF_RANGE))
				? ByteRange.parse(request.getHeader(HttpHeaders.RANGE), size) : new ByteRange.Whole();
	}

	private void send(HttpServletRequest request, HttpServletResponse response, BlobStore store, long offset,
			long length) throws IOException {
		response.setContentLengthLong(length);
		if ("HEAD".equalsIgnoreCase(request.getMethod()) || length == 0) {
			return;
		}
		Optional<Path> file = Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORT))
				&& store instanceof LocalFiles local ? local.localPath(key) : Optional.empty();
		if (file.isPresent()) {
			// Tomcat sends [start, end) from the file after this method returns; it wants the canonical path.
			request.setAttribute(SENDFILE_FILENAME, file.get().toRealPath().toString());
			request.setAttribute(SENDFILE_START, offset);
			request.setAttribute(SENDFILE_END, offset + length);
			return;
		}
		copy(store, offset, length, response.getOutputStream());
	}

	/** RFC 9110 §14.6: each part has its own Content-Type and Content-Range; the total length is known up front. */
	private void sendParts(HttpServletRequest request, HttpServletResponse response, BlobStore store,
			List<ByteRange> ranges) throws IOException {
		String boundary = UUID.randomUUID().toString().replace("-", "");
		List<byte[]> heads = new ArrayList<>();
		long length = 0;
		for (ByteRange range : ranges) {
			byte[] head = ((heads.isEmpty() ? "" : "\r\n") + "--" + boundary + "\r\nContent-Type: " + contentType
					+ "\r\nContent-Range: bytes " + range.first() + "-" + range.last() + "/" + size + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII);
			heads.add(head);
			length += head.length + range.length();
		}
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		length += tail.length;
		response.setContentType("multipart/byteranges; boundary=" + boundary);
		response.setContentLengthLong(length);
		if ("HEAD".equalsIgnoreCase(request.getMethod())) {
			return;
		}
		OutputStream out = response.getOutputStream();
		for (int i = 0; i < ranges.size(); i++) {
			out.write(heads.get(i));
			copy(store, ranges.get(i).first(), ranges.get(i).length(), out);
		}
		out.write(tail);
	}

	private void copy(BlobStore store, long offset, long length, OutputStream out) throws IOException {
		try (InputStream in = store.open(key, offset)) {
			byte[] buffer = new byte[(int) Math.min(BUFFER, length)];
			long remaining = length;
			while (remaining > 0) {
				int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
				if (read < 0) {
					throw new IOException("Blob " + key + " ended " + remaining + " bytes early");
				}
				out.write(buffer, 0, read);
				remaining -= read;
			}
		}
	}

	/** Builds {@code Content-Disposition} values with an ASCII fallback and an RFC 5987 UTF-8 name. */
	public static final class ContentDispositions {

		private ContentDispositions() {
		}

		public static String of(boolean attachment, String filename) {
			StringBuilder ascii = new StringBuilder();
			filename.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\'
					&& c != '/' ? (char) c : '_'));
			StringBuilder encoded = new StringBuilder();
			for (byte b : filename.getBytes(StandardCharsets.UTF_8)) {
				char c = (char) (b & 0xff);
				if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
					encoded.append(c);
				}
				else {
					encoded.append('%').append(String.format("%02X", b & 0xff));
				}
			}
			return (attachment ? "attachment" : "inline") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
		}
	}
}
