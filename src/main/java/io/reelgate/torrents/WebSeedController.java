package io.reelgate.torrents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.Catalog.OwnedFile;
import io.reelgate.catalog.FileView;
import io.reelgate.library.DownloadLog;
import io.reelgate.shared.BundleFileId;
import io.reelgate.storage.BlobDownload;
import io.reelgate.storage.BlobSender;
import io.reelgate.storage.ByteRange;
import io.reelgate.torrents.TorrentKeys.WebSeedGrant;
import io.reelgate.torrents.TorrentLayout.Entry;
import io.reelgate.torrents.Torrents.Torrent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The web seed (BEP 19) of every torrent: {@code /ws/{token}/{name}/{path}}, which clients build by appending the
 * torrent's name and path to the {@code url-list} URL. The path is looked up, decoded, in the torrent's own file
 * table: it never reaches a file system. Files go out like downloads ({@link BlobSender}: sendfile, X-Accel-Redirect,
 * S3 streamed through the app, never a redirect, since clients cache or stall on redirects) and count in the
 * download log; pad files are zeros. Whether the token's account may still have the bundle is asked every request.
 * While the swarm has a seeder, {@link WebSeedThrottle} holds each response to the web-seed rate.
 */
@Controller
class WebSeedController {

	private static final String PREFIX = "/ws/";

	private static final int ZEROS = 64 * 1024;

	private final TorrentKeys keys;

	private final Torrents torrents;

	private final TorrentAccess access;

	private final Catalog catalog;

	private final BlobSender sender;

	private final DownloadLog log;

	private final TorrentFigures figures;

	private final Clock clock;

	private final WebSeedThrottle throttle;

	/** File bytes the web seed sent ({@code reelgate.torrents.web-seed.bytes}), pad zeros not included. */
	private final Counter webSeedBytes;

	WebSeedController(TorrentKeys keys, Torrents torrents, TorrentAccess access, Catalog catalog, BlobSender sender,
			DownloadLog log, TorrentFigures figures, Clock clock, WebSeedThrottle throttle, MeterRegistry meters) {
		this.webSeedBytes = meters.counter("reelgate.torrents.web-seed.bytes");
		this.keys = keys;
		this.torrents = torrents;
		this.access = access;
		this.catalog = catalog;
		this.sender = sender;
		this.log = log;
		this.figures = figures;
		this.clock = clock;
		this.throttle = throttle;
	}

	/** Spring MVC maps HEAD to GET handlers; both answer headers alike. */
	@GetMapping("/ws/{token}/**")
	void serve(@PathVariable String token, HttpServletRequest received, HttpServletResponse answer)
			throws IOException {
		HttpServletRequest request = received;
		HttpServletResponse response = answer;
		WebSeedGrant grant = keys.verifyWebSeedToken(token).orElseThrow(() -> new Refused(HttpStatus.FORBIDDEN));
		Torrent torrent = torrents.byId(grant.torrent()).orElseThrow(() -> new Refused(HttpStatus.FORBIDDEN));
		if (!access.allowed(grant.account(), torrent.bundle())) {
			throw new Refused(HttpStatus.FORBIDDEN);
		}
		String path = path(request, token);
		Entry entry = torrents.entry(torrent, path).orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND));
		long rate = throttle.rateFor(torrent, grant.account());
		if (rate > 0) {
			request = WebSeedThrottle.withoutSendfile(request);
			response = WebSeedThrottle.throttled(response, rate);
		}
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("X-Robots-Tag", "noindex");
		if (entry.pad()) {
			zeros(entry.length(), request, response);
			return;
		}
		Optional<OwnedFile> owned = catalog.file(new BundleFileId(entry.fileId()));
		if (owned.isEmpty() || !owned.get().file().bundleId().equals(torrent.bundle())
				|| owned.get().file().size() != entry.length()) {
			throw new Refused(HttpStatus.NOT_FOUND);
		}
		FileView file = owned.get().file();
		BlobDownload download = new BlobDownload(file.storageKey(), file.size(), file.sha256(), file.createdAt(),
				"application/octet-stream", file.name(), true, "private, no-transform");
		if ("GET".equals(request.getMethod())) {
			long bytes = download.bytesToSend(request);
			log.record(grant.account(), file, null, request.getRemoteAddr(), request.getHeader(HttpHeaders.RANGE) != null,
					bytes);
			webSeedBytes.increment(bytes);
			figures.addWebSeed(torrent.bundle(), clock.instant(), bytes);
		}
		sender.send(download, request, response);
	}

	/** The path after the token, percent-decoded as UTF-8; anything else is a malformed request. */
	private static String path(HttpServletRequest request, String token) {
		String uri = request.getRequestURI().substring(request.getContextPath().length());
		String prefix = PREFIX + token + "/";
		if (!uri.startsWith(prefix)) {
			throw new Refused(HttpStatus.BAD_REQUEST);
		}
		String raw = uri.substring(prefix.length());
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%' && i + 2 < raw.length() && Character.digit(raw.charAt(i + 1), 16) >= 0
					&& Character.digit(raw.charAt(i + 2), 16) >= 0) {
				bytes.write(Character.digit(raw.charAt(i + 1), 16) << 4 | Character.digit(raw.charAt(i + 2), 16));
				i += 2;
			}
			else if (c == '%' || c > 0x7e || c < 0x20) {
				throw new Refused(HttpStatus.BAD_REQUEST);
			}
			else {
				bytes.write(c);
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new Refused(HttpStatus.BAD_REQUEST);
		}
	}

	/** A pad file: {@code length} zero bytes, whole or one range (several ranges get the whole, as RFC 9110 allows). */
	private static void zeros(long length, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-transform");
		response.setContentType("application/octet-stream");
		ByteRange.Request wanted = ByteRange.parse(request.getHeader(HttpHeaders.RANGE), length);
		long send = length;
		if (wanted instanceof ByteRange.Unsatisfiable) {
			response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
			response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + length);
			send = 0;
		}
		else if (wanted instanceof ByteRange.Partial partial) {
			response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
			response.setHeader(HttpHeaders.CONTENT_RANGE,
					"bytes " + partial.range().first() + "-" + partial.range().last() + "/" + length);
			send = partial.range().length();
		}
		response.setContentLengthLong(send);
		if ("HEAD".equals(request.getMethod())) {
			return;
		}
		OutputStream out = response.getOutputStream();
		byte[] zeros = new byte[(int) Math.min(ZEROS, Math.max(send, 1))];
		for (long left = send; left > 0; left -= Math.min(left, zeros.length)) {
			out.write(zeros, 0, (int) Math.min(left, zeros.length));
		}
	}

	@ExceptionHandler(Refused.class)
	void refused(Refused refused, HttpServletResponse response) throws IOException {
		response.setStatus(refused.status.value());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType("text/plain;charset=UTF-8");
		response.getWriter().write(refused.status.getReasonPhrase());
	}

	/** A web-seed request refused with this status and no body worth reading. */
	static final class Refused extends RuntimeException {

		private final HttpStatus status;

		Refused(HttpStatus status) {
			super(status.getReasonPhrase(), null, false, false);
			this.status = status;
		}
	}
}
