package io.reelgate.library.web;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.reelgate.catalog.FileView;
import io.reelgate.library.DownloadLinks;
import io.reelgate.library.DownloadLinks.DownloadLinkException;
import io.reelgate.library.DownloadLinks.VerifiedLink;
import io.reelgate.library.DownloadLog;
import io.reelgate.library.DownloadPolicy;
import io.reelgate.storage.BlobDownload;
import io.reelgate.storage.BlobSender;
import io.reelgate.storage.BlobStore;
import io.reelgate.storage.PresignedUrls;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves signed download links without a session, so download managers ({@code curl -C -}, {@code wget -c},
 * {@code aria2c}) can resume and split them. The signature is checked first, then the expiry, then, on every
 * request, whether the link's account may still have the file.
 */
@Controller
class SignedDownloadController {

	static final String PROBLEM_VIEW = "library/link-problem";

	/** Presigned redirects live no longer than this, and never longer than the link itself. */
	private static final Duration PRESIGNED_LIFETIME = Duration.ofMinutes(5);

	private final DownloadLinks links;

	private final DownloadPolicy policy;

	private final BlobStore store;

	private final DownloadLog log;

	private final Clock clock;

	private final BlobSender sender;

	SignedDownloadController(DownloadLinks links, DownloadPolicy policy, BlobStore store, DownloadLog log,
			Clock clock, BlobSender sender) {
		this.links = links;
		this.policy = policy;
		this.store = store;
		this.log = log;
		this.clock = clock;
		this.sender = sender;
	}

	/** Spring MVC maps HEAD to GET handlers; {@link BlobDownload} then sends headers only. */
	@GetMapping({ "/dl/{file}/{account}/{expiry}/{signature}", "/dl/{file}/{account}/{expiry}/{signature}/{name}" })
	void download(@PathVariable String file, @PathVariable String account, @PathVariable String expiry,
			@PathVariable String signature, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		VerifiedLink link = links.verify(file, account, expiry, signature);
		FileView allowed = policy.authorize(link);
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("X-Robots-Tag", "noindex");
		BlobDownload download = new BlobDownload(allowed.storageKey(), allowed.size(), allowed.sha256(),
				allowed.createdAt(), allowed.contentType(), allowed.name(), true, "private, no-transform");
		if ("GET".equals(request.getMethod())) {
			log.record(link.account(), allowed, link.expiresAt(), request.getRemoteAddr(),
					request.getHeader(HttpHeaders.RANGE) != null, download.bytesToSend(request));
		}
		Optional<URI> presigned = presigned(allowed, link);
		if (presigned.isPresent()) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			response.sendRedirect(presigned.get().toString());
			return;
		}
		sender.send(download, request, response);
	}

	/** Stores that can presign (S3) serve the bytes themselves, for a few minutes and within the link's life. */
	private Optional<URI> presigned(FileView file, VerifiedLink link) {
		if (!(store instanceof PresignedUrls presigner)) {
			return Optional.empty();
		}
		Duration left = Duration.between(clock.instant(), link.expiresAt());
		Duration lifetime = left.compareTo(PRESIGNED_LIFETIME) < 0 ? left : PRESIGNED_LIFETIME;
		return presigner.presignedGet(file.storageKey(), file.name(), file.contentType(), lifetime);
	}

	/** Forged or revoked: 403; expired: 410 (the library hands out a fresh link). Each with a page saying so. */
	@ExceptionHandler(DownloadLinkException.class)
	String refused(DownloadLinkException ex, HttpServletResponse response, Model model) {
		int status = switch (ex.problem()) {
			case EXPIRED -> HttpServletResponse.SC_GONE;
			case FORGED, REVOKED -> HttpServletResponse.SC_FORBIDDEN;
		};
		response.setStatus(status);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
		model.addAttribute("status", status);
		model.addAttribute("problem", ex.problem().name());
		return PROBLEM_VIEW;
	}
}
