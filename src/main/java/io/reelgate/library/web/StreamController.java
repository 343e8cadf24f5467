package io.reelgate.library.web;

import java.io.IOException;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.FileView;
import io.reelgate.library.DownloadPolicy;
import io.reelgate.library.RentalRefusedException;
import io.reelgate.shared.BundleFileId;
import io.reelgate.storage.BlobDownload;
import io.reelgate.storage.BlobSender;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Streams a video or audio file inline to the library's player, with ranges so it can seek: for renters (who cannot
 * download) as much as for owners. Every request, each range included, goes through {@link DownloadPolicy}, so a
 * rental stops streaming the moment its window ends.
 */
@Controller
class StreamController {

	static final String RENTAL_PROBLEM_VIEW = "library/rental-problem";

	private final DownloadPolicy policy;

	private final BlobSender sender;

	StreamController(DownloadPolicy policy, BlobSender sender) {
		this.policy = policy;
		this.sender = sender;
	}

	/** Only media types detected from the bytes stream here, so serving inline is safe. */
	@GetMapping("/stream/{fileId}")
	void stream(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleFileId fileId,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		FileView file = policy.authorizeStream(me, fileId);
		sender.send(new BlobDownload(file.storageKey(), file.size(), file.sha256(), file.createdAt(),
				file.contentType(), file.name(), false, "private, no-store"), request, response);
	}

	/** A renter asked to download (403) or to stream after the window (410): a page that says so and offers to buy. */
	@ControllerAdvice(assignableTypes = { StreamController.class, DownloadController.class, WatchController.class,
			SignedDownloadController.class })
	static class RentalProblems {

		@ExceptionHandler(RentalRefusedException.class)
		String refused(RentalRefusedException ex, HttpServletResponse response, Model model) {
			int status = ex.problem() == RentalRefusedException.Problem.ENDED ? HttpServletResponse.SC_GONE
					: HttpServletResponse.SC_FORBIDDEN;
			response.setStatus(status);
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			model.addAttribute("status", status);
			model.addAttribute("problem", ex.problem().name());
			return RENTAL_PROBLEM_VIEW;
		}
	}
}
