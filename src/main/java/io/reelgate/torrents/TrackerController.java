package io.reelgate.torrents;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tracker's HTTP endpoints. The passkey is a path segment of the announce URL, and the scrape URL is the
 * announce URL with "announce" replaced by "scrape" (the BEP 48 convention clients follow). Every answer, refusals
 * included, is a bencoded dictionary with status 200, which is what clients read a failure reason from.
 */
@RestController
class TrackerController {

	private static final MediaType BENCODE = MediaType.TEXT_PLAIN;

	private final Tracker tracker;

	TrackerController(Tracker tracker) {
		this.tracker = tracker;
	}

	@GetMapping("/tracker/{passkey}/announce")
	ResponseEntity<byte[]> announce(@PathVariable String passkey, HttpServletRequest request) {
		return bencoded(tracker.announce(passkey, request.getQueryString(), request.getRemoteAddr()));
	}

	@GetMapping("/tracker/{passkey}/scrape")
	ResponseEntity<byte[]> scrape(@PathVariable String passkey, HttpServletRequest request) {
		return bencoded(tracker.scrape(passkey, request.getQueryString()));
	}

	@ExceptionHandler(TrackerFailure.class)
	ResponseEntity<byte[]> failure(TrackerFailure failure) {
		return bencoded(Bencode.encode(Map.of("failure reason", failure.getMessage())));
	}

	private static ResponseEntity<byte[]> bencoded(byte[] body) {
		return ResponseEntity.ok()
			.contentType(BENCODE)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}
}
