package io.reelgate.library.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.reelgate.catalog.BundleNotFoundException;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.FileView;
import io.reelgate.library.DownloadLinks;
import io.reelgate.library.DownloadLinks.DownloadLinkException;
import io.reelgate.library.DownloadPolicy;
import io.reelgate.library.NotYetReleasedException;
import io.reelgate.library.RentalRefusedException;
import io.reelgate.media.HlsStreams;
import io.reelgate.shared.BundleFileId;
import io.reelgate.storage.BlobDownload;
import io.reelgate.storage.BlobSender;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves a file's HLS package under a signed path ({@link DownloadLinks#watchPathFor}): the master playlist, the
 * media playlists and the renditions' fMP4 files, with ranges, through the same sender as downloads. Every request,
 * each segment included, checks the signature and then who may watch now ({@link DownloadPolicy}, or for a preview
 * whether the file is still unlocked in a bundle anyone may see), so a refund, a hidden bundle or the end of a
 * rental stops playback at the next segment. Refusals are bare status codes: players, not people, read them.
 */
@Controller
class HlsController {

	private static final String CACHE = "private, no-transform";

	private final DownloadLinks links;

	private final DownloadPolicy policy;

	private final Catalog catalog;

	private final HlsStreams streams;

	private final BlobSender sender;

	HlsController(DownloadLinks links, DownloadPolicy policy, Catalog catalog, HlsStreams streams,
			BlobSender sender) {
		this.links = links;
		this.policy = policy;
		this.catalog = catalog;
		this.streams = streams;
		this.sender = sender;
	}

	@GetMapping("/hls/a/{file}/{account}/{expiry}/{signature}/{name}")
	void watch(@PathVariable String file, @PathVariable String account, @PathVariable String expiry,
			@PathVariable String signature, @PathVariable String name, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		FileView allowed = policy.authorizeStream(links.verifyWatch(file, account, expiry, signature));
		serve(allowed.id(), name, request, response);
	}

	@GetMapping("/hls/p/{file}/{bundle}/{expiry}/{signature}/{name}")
	void preview(@PathVariable String file, @PathVariable String bundle, @PathVariable String expiry,
			@PathVariable String signature, @PathVariable String name, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		DownloadLinks.VerifiedPreview preview = links.verifyPreviewWatch(file, bundle, expiry, signature);
		FileView unlocked = catalog.unlockedFile(preview.bundle(), preview.file(), Catalog.Viewer.ANONYMOUS);
		if (!unlocked.playable()) {
			throw new BundleNotFoundException();
		}
		serve(unlocked.id(), name, request, response);
	}

	private void serve(BundleFileId file, String name, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("X-Robots-Tag", "noindex");
		if (name.endsWith(".m3u8")) {
			String rendition = name.substring(0, name.length() - ".m3u8".length());
			Optional<String> playlist = rendition.equals("master") ? streams.master(file)
					: streams.playlist(file, rendition);
			byte[] body = playlist.orElseThrow(BundleNotFoundException::new).getBytes(StandardCharsets.UTF_8);
			response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setContentType(HlsStreams.PLAYLIST_TYPE);
			response.setContentLength(body.length);
			if (!"HEAD".equals(request.getMethod())) {
				response.getOutputStream().write(body);
			}
			return;
		}
		if (name.endsWith(".vtt")) {
			BlobDownload captions = streams.captions(file, name.substring(0, name.length() - ".vtt".length()), CACHE)
				.orElseThrow(BundleNotFoundException::new);
			sender.send(captions, request, response);
			return;
		}
		if (name.endsWith(".m4s")) {
			BlobDownload segments = streams.segments(file, name.substring(0, name.length() - ".m4s".length()), CACHE)
				.orElseThrow(BundleNotFoundException::new);
			sender.send(segments, request, response);
			return;
		}
		throw new BundleNotFoundException();
	}

	/** Forged: 403; expired: 410 (the player page makes a fresh path). */
	@ExceptionHandler(DownloadLinkException.class)
	void refused(DownloadLinkException ex, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setStatus(ex.problem() == DownloadLinks.LinkProblem.EXPIRED ? HttpServletResponse.SC_GONE
				: HttpServletResponse.SC_FORBIDDEN);
	}

	/** A rental whose window ended: 410, like its progressive stream. */
	@ExceptionHandler(RentalRefusedException.class)
	void rentalRefused(RentalRefusedException ex, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setStatus(ex.problem() == RentalRefusedException.Problem.ENDED ? HttpServletResponse.SC_GONE
				: HttpServletResponse.SC_FORBIDDEN);
	}

	@ExceptionHandler({ BundleNotFoundException.class, NotYetReleasedException.class })
	void notFound(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
	}
}
