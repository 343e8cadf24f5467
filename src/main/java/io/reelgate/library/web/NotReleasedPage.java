package io.reelgate.library.web;

import io.reelgate.library.NotYetReleasedException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A buyer's download or stream of a pre-order before its release: 403 with a page saying when it opens. */
@ControllerAdvice(assignableTypes = { DownloadController.class, SignedDownloadController.class, StreamController.class,
		WatchController.class })
class NotReleasedPage {

	static final String VIEW = "library/not-released";

	@ExceptionHandler(NotYetReleasedException.class)
	String notReleased(NotYetReleasedException ex, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("releaseAt", ex.releaseAt());
		return VIEW;
	}
}
