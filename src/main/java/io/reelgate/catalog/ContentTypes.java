package io.reelgate.catalog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.List;

import org.apache.tika.Tika;

import org.springframework.stereotype.Component;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * Decides a file's type from its first bytes (Apache Tika's magic numbers, the file name only as a tie-breaker for
 * formats without a signature) and holds it against {@code reelgate.catalog.allowed-types}.
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
		if (head.length == 0) {
			return FileNames.contentType(displayName);
		}
		String detected = tika.detect(head, displayName);
		MimeType type = MimeTypeUtils.parseMimeType(detected);
		if (allowed.stream().noneMatch(pattern -> pattern.includes(type))) {
			throw new CatalogException("upload.type", detected);
		}
		return type.getType() + "/" + type.getSubtype();
	}
}
