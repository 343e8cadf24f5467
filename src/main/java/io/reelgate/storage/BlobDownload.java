package io.reelgate.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

/**
 * Answers a GET or HEAD for one stored blob with full HTTP semantics: {@code Accept-Ranges}, single byte ranges
 * (206), unsatisfiable ranges (416), {@code If-Range} against the strong ETag or Last-Modified, and a safe
 * {@code Content-Disposition}. Spring's own Resource handling ignores If-Range, hence this class.
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

	public String quotedEtag() {
		return "\"" + etag + "\"";
	}

	public void respond(HttpServletRequest request, HttpServletResponse response, BlobStore store) throws IOException {
		response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
		response.setHeader(HttpHeaders.ETAG, quotedEtag());
		response.setDateHeader(HttpHeaders.LAST_MODIFIED, lastModified.toEpochMilli());
		response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.of(attachment, filename));
		response.setContentType(contentType);

		ByteRange.Request wanted = ifRangeHolds(request.getHeader(HttpHeaders.IF_RANGE))
				? ByteRange.parse(request.getHeader(HttpHeaders.RANGE), size) : new ByteRange.Whole();
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
		else {
			response.setStatus(HttpServletResponse.SC_OK);
			send(request, response, store, 0, size);
		}
	}

	/** RFC 9110 §13.1.5: a range is served only if the validator matches exactly; a weak ETag never does. */
	private boolean ifRangeHolds(String ifRange) {
		if (ifRange == null) {
			return true;
		}
		String value = ifRange.trim();
		if (value.startsWith("\"") || value.startsWith("W/")) {
			return value.equals(quotedEtag());
		}
		try {
			Instant date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			return date.equals(lastModified.truncatedTo(ChronoUnit.SECONDS));
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private void send(HttpServletRequest request, HttpServletResponse response, BlobStore store, long offset,
			long length) throws IOException {
		response.setContentLengthLong(length);
		if ("HEAD".equalsIgnoreCase(request.getMethod()) || length == 0) {
			return;
		}
		try (InputStream in = store.open(key, offset)) {
			OutputStream out = response.getOutputStream();
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
	static final class ContentDispositions {

		private ContentDispositions() {
		}

		static String of(boolean attachment, String filename) {
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
