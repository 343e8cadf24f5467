package io.reelgate.api.web;

import java.util.List;
import java.util.Map;

import io.reelgate.api.TokenNotFoundException;
import io.reelgate.catalog.BundleNotFoundException;
import io.reelgate.checkout.OrderNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as RFC 9457 problem JSON: Spring MVC's own (bad JSON, wrong method, ...) through
 * {@link ResponseEntityExceptionHandler}, validation errors with one entry per field, and a bare 500 for anything
 * unexpected (logged, never echoed). Refusals are the site's one refusal advice's ({@code web.Refusals}), which
 * runs first. Runs before the site's error pages, and only for the API's controllers.
 */
@RestControllerAdvice(assignableTypes = { ApiBundlesController.class, ApiSalesController.class,
		ApiFallbackController.class })
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	/** Unknown, malformed and other creators' ids all look the same. */
	@ExceptionHandler({ BundleNotFoundException.class, OrderNotFoundException.class, TokenNotFoundException.class,
			MethodArgumentTypeMismatchException.class })
	ProblemDetail notFound() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such resource.");
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "This token may not do that.");
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("API request failed", ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side.");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has invalid fields.");
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(this::fieldError)
			.toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	private Map<String, String> fieldError(FieldError error) {
		return Map.of("field", error.getField(),
				"message", messages.getMessage(error, LocaleContextHolder.getLocale()));
	}
}
