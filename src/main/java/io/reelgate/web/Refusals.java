package io.reelgate.web;

import java.net.URI;
import java.util.Map;

import io.reelgate.shared.RedirectOnRefusal;
import io.reelgate.shared.RefusedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The one place a refusal ({@link RefusedException} of any module) becomes an answer. On the API: RFC 9457 problem
 * JSON with the refusal's status, translated reason and message code. In a form flow: the reason as the flash
 * message {@code error} (its arguments as {@code errorArgs}) and a redirect to the handler's
 * {@link RedirectOnRefusal} page. A controller's own {@code @ExceptionHandler} still comes first where a protocol
 * needs another shape (tus, the tracker); a refusal from a handler with neither is left to the error page.
 * Ordered before the API's catch-all so a refusal is never answered as a 500.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class Refusals {

	private final MessageSource messages;

	Refusals(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(RefusedException.class)
	ResponseEntity<?> refused(RefusedException ex, HandlerMethod handler, HttpServletRequest request,
			HttpServletResponse response) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return problem(ex);
		}
		RedirectOnRefusal back = backTo(handler);
		if (back == null) {
			throw ex;
		}
		String target = UriComponentsBuilder.fromPath(back.value())
			.buildAndExpand(pathVariables(request))
			.encode()
			.toUriString();
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		flash.put("error", ex.code());
		flash.put("errorArgs", ex.arguments());
		RequestContextUtils.saveOutputFlashMap(target, request, response);
		return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(request.getContextPath() + target)).build();
	}

	private ResponseEntity<ProblemDetail> problem(RefusedException ex) {
		HttpStatusCode status = HttpStatusCode.valueOf(ex.status());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(ex.code(), ex.arguments(), ex.code(), LocaleContextHolder.getLocale()));
		problem.setProperty("code", ex.code());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static RedirectOnRefusal backTo(HandlerMethod handler) {
		RedirectOnRefusal onMethod = handler.getMethodAnnotation(RedirectOnRefusal.class);
		return onMethod != null ? onMethod
				: AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RedirectOnRefusal.class);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> pathVariables(HttpServletRequest request) {
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		return variables != null ? (Map<String, String>) variables : Map.of();
	}
}
