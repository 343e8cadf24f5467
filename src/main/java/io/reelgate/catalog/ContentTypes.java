package io.reelgate.catalog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.List;

import org.apache.tika.Tika;

import org.springframework.stereotype.Component;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * Decides a file's type from its first bytes (Apache Tika's magic numbers, and the DocType of a Matroska file's EBML
 * header) and holds it against {@code reelgate.catalog.allowed-types}. The file name only names bytes without a
 * signature or narrows the detected type to a subtype of it, so it never decides whether bytes are allowed.
 */
@Component
class ContentTypes {

	/** How many leading bytes are examined; Tika's signatures all lie within them. */
	static final int HEAD_LENGTH = 64 * 1024;

	private final Tika tika = new Tika();

	private final List<MimeType> allowed;

	ContentTypes(CatalogProperties properties) {
		this.allowed = properties.allowedTypes().stream().map(MimeTypeUtils::parseMimeType).toList();
	}

	/**
	 * Reads the head of {@code content} (which is reset to its start afterwards) and returns its type, or throws
	 * if that type is not allowed. Empty content has no type to check and is left to the empty-file rule.
	 */
	String detectAllowed(BufferedInputStream content, String displayName) throws IOException {
		content.mark(HEAD_LENGTH);
		byte[] head = content.readNBytes(HEAD_LENGTH);
		content.reset();
		return detectAllowed(head, displayName);
	}

	/** The type of a file starting with {@code head} (its first {@link #HEAD_LENGTH} bytes, or all of a shorter one). */
	String detectAllowed(byte[] head, String displayName) {
		if (head.length == 0) {
			return FileNames.contentType(displayName);
		}
		String detected = detect(head, displayName);
		if (!allows(detected)) {
			throw new CatalogException("upload.type", detected);
		}
		MimeType type = MimeTypeUtils.parseMimeType(detected);
		return type.getType() + "/" + type.getSubtype();
	}

	/** The type detected for a file starting with {@code head} (not empty), allowed or not. */
	String detect(byte[] head, String displayName) {
		String byBytes = tika.detect(head);
		if (Matroska.CONTAINER.equals(byBytes)) {
			// Tika's magic sees the EBML container only; which kind of file it holds, its header says.
			return Matroska.typeOf(head);
		}
		// The name may only narrow what the bytes show to one of its subtypes (an ISO file Tika's magic calls
		// QuickTime is an MP4 when named .mp4, which browsers then play), or name bytes without any signature; Tika's
		// detection with a name does no more than that, so it never turns refused bytes into allowed ones.
		return tika.detect(head, displayName);
	}

	boolean allows(String detected) {
		MimeType type = MimeTypeUtils.parseMimeType(detected);
		return allowed.stream().anyMatch(pattern -> pattern.includes(type));
	}
}
