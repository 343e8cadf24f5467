package io.reelgate.web;

import io.reelgate.accounts.AccountNotFoundException;
import io.reelgate.catalog.BundleNotFoundException;
import io.reelgate.checkout.DiscountCodeNotFoundException;
import io.reelgate.checkout.OrderNotFoundException;
import io.reelgate.library.ScreenerNotFoundException;
import io.reelgate.moderation.AppealNotFoundException;
import io.reelgate.ratelimit.RateLimitExceededException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Maps domain exceptions to pages in the site's look. Anything not listed falls through to Spring Boot's error
 * handling, which renders {@code templates/error/*} without stack traces or exception messages.
 */
@ControllerAdvice
class ErrorPages {

	/** Unknown, malformed and forbidden ids all look the same from outside. */
	@ExceptionHandler({ BundleNotFoundException.class, OrderNotFoundException.class, AccountNotFoundException.class,
			DiscountCodeNotFoundException.class, AppealNotFoundException.class, ScreenerNotFoundException.class,
			MethodArgumentTypeMismatchException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(Model model) {
		model.addAttribute("status", HttpStatus.NOT_FOUND.value());
		return "error/404";
	}

	/**
	 * A file form posted as something other than {@code multipart/form-data} (text/plain, JSON, ...): the request is
	 * wrong, not the server. Too large an upload has its own page below.
	 */
	@ExceptionHandler(MultipartException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String notMultipart(Model model) {
		model.addAttribute("status", HttpStatus.BAD_REQUEST.value());
		return "error/400";
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	@ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
	String uploadTooLarge(Model model) {
		model.addAttribute("status", HttpStatus.CONTENT_TOO_LARGE.value());
		return "error/413";
	}

	/** Tells clients when to come back, in the header for machines and in minutes on the page for people. */
	@ExceptionHandler(RateLimitExceededException.class)
	@ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
	String tooManyRequests(RateLimitExceededException ex, HttpServletResponse response, Model model) {
		long seconds = ex.retryAfter().toSeconds();
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		model.addAttribute("status", HttpStatus.TOO_MANY_REQUESTS.value());
		model.addAttribute("retryAfterMinutes", (seconds + 59) / 60);
		return "error/429";
	}
}
