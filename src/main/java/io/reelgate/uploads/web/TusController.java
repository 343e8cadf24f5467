package io.reelgate.uploads.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.BundleNotFoundException;
import io.reelgate.catalog.CatalogException;
import io.reelgate.shared.BundleId;
import io.reelgate.uploads.Checksum;
import io.reelgate.uploads.ResumableUploads;
import io.reelgate.uploads.UploadException;
import io.reelgate.uploads.UploadStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tus 1.0 endpoint (core, creation, termination, expiration, checksum with sha1 and sha256). Creators only (see
 * the security configuration); state-changing requests carry the CSRF token in the {@code X-CSRF-TOKEN} header. A
 * POST with {@code X-HTTP-Method-Override} arrives here as the method it names ({@link TusMethodOverride}).
 */
@RestController
@RequestMapping(TusController.PATH)
class TusController {

	static final String PATH = "/studio/uploads";

	static final String TUS_VERSION = "1.0.0";

	static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";

	private static final String EXTENSIONS = "creation,termination,expiration,checksum";

	private static final int MAX_METADATA_LENGTH = 4096;

	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	private static final Logger log = LoggerFactory.getLogger(TusController.class);

	private final ResumableUploads uploads;

	private final MessageSource messages;

	TusController(ResumableUploads uploads, MessageSource messages) {
		this.uploads = uploads;
		this.messages = messages;
	}

	@RequestMapping(method = RequestMethod.OPTIONS)
	ResponseEntity<Void> options() {
		return ResponseEntity.noContent()
			.header("Tus-Resumable", TUS_VERSION)
			.header("Tus-Version", TUS_VERSION)
			.header("Tus-Extension", EXTENSIONS)
			.header("Tus-Max-Size", Long.toString(uploads.maxSize()))
			.header("Tus-Checksum-Algorithm", Checksum.ALGORITHMS)
			.build();
	}

	@PostMapping
	ResponseEntity<Void> create(@AuthenticationPrincipal AccountPrincipal me,
			@RequestHeader(value = "Tus-Resumable", required = false) String resumable,
			@RequestHeader(value = "Upload-Length", required = false) String length,
			@RequestHeader(value = "Upload-Metadata", required = false) String metadata) {
		requireTus(resumable);
		if (length == null) {
			throw new UploadException(400, "tus.length.required");
		}
		UploadMetadata meta = UploadMetadata.parse(metadata, MAX_METADATA_LENGTH);
		BundleId bundle = meta.bundle().orElseThrow(() -> new UploadException(400, "tus.metadata.bundle"));
		UploadStatus status = uploads.create(me.accountId(), bundle, meta.filename().orElse("file"),
				number(length));
		return ResponseEntity.status(HttpStatus.CREATED)
			.header("Tus-Resumable", TUS_VERSION)
			.header(HttpHeaders.LOCATION, PATH + "/" + status.id())
			.header("Upload-Expires", HTTP_DATE.format(status.expiresAt()))
			.build();
	}

	@RequestMapping(path = "/{id}", method = RequestMethod.HEAD)
	ResponseEntity<Void> head(@AuthenticationPrincipal AccountPrincipal me, @PathVariable String id,
			@RequestHeader(value = "Tus-Resumable", required = false) String resumable) {
		requireTus(resumable);
		UploadStatus status = uploads.status(me.accountId(), uploadId(id));
		return ResponseEntity.ok()
			.header("Tus-Resumable", TUS_VERSION)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header("Upload-Offset", Long.toString(status.offset()))
			.header("Upload-Length", Long.toString(status.length()))
			.header("Upload-Expires", HTTP_DATE.format(status.expiresAt()))
			.header("Upload-Metadata", UploadMetadata.encode(status.bundleId(), status.filename()))
			.build();
	}

	@PatchMapping("/{id}")
	ResponseEntity<Void> append(@AuthenticationPrincipal AccountPrincipal me, @PathVariable String id,
			@RequestHeader(value = "Tus-Resumable", required = false) String resumable,
			@RequestHeader(value = "Upload-Offset", required = false) String offset,
			@RequestHeader(value = "Upload-Checksum", required = false) String checksum, HttpServletRequest request)
			throws IOException {
		requireTus(resumable);
		if (request.getContentType() == null
				|| !OFFSET_OCTET_STREAM.equals(MediaType.parseMediaType(request.getContentType()).toString())) {
			throw new UploadException(415, "tus.contentType");
		}
		if (offset == null) {
			throw new UploadException(400, "tus.offset.required");
		}
		UUID uploadId = uploadId(id);
		long start = number(offset);
		Optional<Checksum> expected = Optional.ofNullable(checksum).map(Checksum::parse);
		long end = uploads.append(me.accountId(), uploadId, start, request.getInputStream(), expected);
		UploadStatus status = uploads.status(me.accountId(), uploadId);
		return ResponseEntity.noContent()
			.header("Tus-Resumable", TUS_VERSION)
			.header("Upload-Offset", Long.toString(end))
			.header("Upload-Expires", HTTP_DATE.format(status.expiresAt()))
			.build();
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> terminate(@AuthenticationPrincipal AccountPrincipal me, @PathVariable String id,
			@RequestHeader(value = "Tus-Resumable", required = false) String resumable) {
		requireTus(resumable);
		uploads.terminate(me.accountId(), uploadId(id));
		return ResponseEntity.noContent().header("Tus-Resumable", TUS_VERSION).build();
	}

	@ExceptionHandler(UploadException.class)
	ResponseEntity<String> refused(UploadException ex) {
		return error(ex.status(), ex.code(), ex.arguments());
	}

	@ExceptionHandler(CatalogException.class)
	ResponseEntity<String> refusedByCatalog(CatalogException ex) {
		return error(HttpStatus.UNPROCESSABLE_CONTENT.value(), ex.code(), ex.arguments());
	}

	@ExceptionHandler(BundleNotFoundException.class)
	ResponseEntity<String> noSuchBundle() {
		return error(404, "tus.bundle.notFound");
	}

	@ExceptionHandler(UncheckedIOException.class)
	ResponseEntity<String> interrupted(UncheckedIOException ex) {
		log.info("Upload interrupted: {}", ex.getMessage());
		return error(500, "upload.failed");
	}

	private ResponseEntity<String> error(int status, String code, Object... arguments) {
		String message = messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
		if (status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			// The upload is held by a request that ends, or whose instance is found gone, within seconds.
			response.header(HttpHeaders.RETRY_AFTER, "1");
		}
		return response
			.header("Tus-Resumable", TUS_VERSION)
			.header("Tus-Version", TUS_VERSION)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.body(message);
	}

	private static void requireTus(String resumable) {
		if (!TUS_VERSION.equals(resumable)) {
			throw new UploadException(412, "tus.version");
		}
	}

	private static UUID uploadId(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new UploadException(404, "tus.notFound");
		}
	}

	private static long number(String value) {
		String text = value.trim();
		if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new UploadException(400, "tus.number");
		}
		return Long.parseLong(text);
	}

	/** The {@code Upload-Metadata} keys Reelgate reads: {@code bundle} and {@code filename} (or {@code name}). */
	record UploadMetadata(Optional<BundleId> bundle, Optional<String> filename) {

		static UploadMetadata parse(String header, int maxLength) {
			if (header == null || header.isBlank()) {
				return new UploadMetadata(Optional.empty(), Optional.empty());
			}
			if (header.length() > maxLength) {
				throw new UploadException(400, "tus.metadata.malformed");
			}
			Optional<BundleId> bundle = Optional.empty();
			Optional<String> filename = Optional.empty();
			Optional<String> name = Optional.empty();
			for (String pair : header.split(",")) {
				String[] parts = pair.trim().split(" ");
				if (parts.length < 1 || parts.length > 2 || parts[0].isEmpty()) {
					throw new UploadException(400, "tus.metadata.malformed");
				}
				String value = parts.length == 2 ? decode(parts[1]) : "";
				switch (parts[0].toLowerCase(Locale.ROOT)) {
					case "bundle" -> bundle = Optional.of(bundleId(value));
					case "filename" -> filename = Optional.of(value);
					case "name" -> name = Optional.of(value);
					default -> {
						// Other keys (filetype, ...) are ignored: the type is decided from the name and bytes.
					}
				}
			}
			return new UploadMetadata(bundle, filename.isPresent() ? filename : name);
		}

		static String encode(UUID bundle, String filename) {
			Base64.Encoder base64 = Base64.getEncoder();
			return "bundle " + base64.encodeToString(bundle.toString().getBytes(StandardCharsets.UTF_8))
					+ ",filename " + base64.encodeToString(filename.getBytes(StandardCharsets.UTF_8));
		}

		private static String decode(String value) {
			try {
				return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				throw new UploadException(400, "tus.metadata.malformed");
			}
		}

		private static BundleId bundleId(String value) {
			try {
				return BundleId.of(value.trim());
			}
			catch (IllegalArgumentException ex) {
				throw new UploadException(404, "tus.bundle.notFound");
			}
		}
	}
}
