package io.reelgate.library.web;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.library.NotYetReleasedException;
import io.reelgate.library.RentalRefusedException;
import io.reelgate.library.WatchPositions;
import io.reelgate.shared.BundleFileId;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the player got to, reported by {@code watch.js} every few seconds while playing and when paused or left (a
 * keepalive {@code fetch} with the CSRF token in the form body). Signed-in viewers only: the security chain sends
 * anyone else to the login page. Answers are bare statuses, read by the script, not by people.
 */
@RestController
class WatchPositionController {

	/** The form {@code crypto.randomUUID()} gives; {@link UUID#fromString} alone also takes shorter groups. */
	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final WatchPositions positions;

	WatchPositionController(WatchPositions positions) {
		this.positions = positions;
	}

	/**
	 * @param play the player page's random id for this session of playback, with {@code n}, the report's number in
	 *     it: both or neither (an older player's report keeps the position only)
	 */
	@PostMapping("/watch/{fileId}/position")
	ResponseEntity<Void> report(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleFileId fileId,
			@RequestParam String seconds, @RequestParam(required = false) @Nullable String play,
			@RequestParam(required = false) @Nullable String n) {
		double position = parse(seconds);
		if (!Double.isFinite(position) || position < 0 || position > WatchPositions.LONGEST.toSeconds()) {
			return ResponseEntity.badRequest().build();
		}
		if ((play == null) != (n == null)) {
			return ResponseEntity.badRequest().build();
		}
		WatchPositions.Play session = null;
		if (play != null) {
			if (!UUID_TEXT.matcher(play).matches() || n.length() > 7 || !n.matches("\\d+")
					|| Integer.parseInt(n) > WatchPositions.LAST_SEQ) {
				return ResponseEntity.badRequest().build();
			}
			session = new WatchPositions.Play(UUID.fromString(play), Integer.parseInt(n));
		}
		positions.report(me, fileId, Duration.ofMillis(Math.round(position * 1000)), session);
		return ResponseEntity.noContent().build();
	}

	/** Not-a-number for anything that is not a plain decimal number (a 400, not the site's 404 for a bad id). */
	private static double parse(String seconds) {
		if (seconds.length() > 20 || !seconds.matches("\\d+(\\.\\d+)?")) {
			return Double.NaN;
		}
		return Double.parseDouble(seconds);
	}

	@ExceptionHandler(RentalRefusedException.class)
	ResponseEntity<Void> rentalEnded(RentalRefusedException ex) {
		return ResponseEntity.status(ex.problem() == RentalRefusedException.Problem.ENDED ? HttpStatus.GONE
				: HttpStatus.FORBIDDEN).build();
	}

	@ExceptionHandler(NotYetReleasedException.class)
	ResponseEntity<Void> notReleased() {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
	}
}
