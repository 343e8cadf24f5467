package io.reelgate.web;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import io.reelgate.checkout.PaymentGatewayException;
import io.reelgate.shared.RedirectOnRefusal;
import io.reelgate.shared.RefusedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
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
 * {@link RedirectOnRefusal} page. A payment provider that fails ({@link PaymentGatewayException}: nothing changed)
 * is answered the same way with {@code checkout.gatewayDown}, or a 503 problem on the API. A request that lost a
 * race with another change of the same rows ({@link ConcurrencyFailureException}: a stale version, a deadlock, a
 * lock not granted; its transaction rolled back) is answered the same way with {@code error.concurrentChange}, a
 * 409 problem on the API, or the 409 error page. A controller's own
 * {@code @ExceptionHandler} still comes first where a protocol needs another shape (tus, the tracker); a refusal
 * from a handler with neither is left to the error page. Ordered before the API's catch-all so a refusal is never
 * answered as a 500.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class Refusals {

	private static final Logger log = LoggerFactory.getLogger(Refusals.class);

	private static final String GATEWAY_DOWN = "checkout.gatewayDown";

	private static final String CONCURRENT_CHANGE = "error.concurrentChange";

	private final MessageSource messages;

	Refusals(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(RefusedException.class)
	ResponseEntity<?> refused(RefusedException ex, HandlerMethod handler, HttpServletRequest request,
			HttpServletResponse response) {
		if (isApi(request)) {
			return problem(HttpStatusCode.valueOf(ex.status()), ex.code(), ex.arguments());
		}
		RedirectOnRefusal back = backTo(handler);
		if (back == null) {
			throw ex;
		}
		return redirect(back, ex.code(), ex.arguments(), request, response);
	}

	@ExceptionHandler(PaymentGatewayException.class)
	ResponseEntity<?> gatewayFailed(PaymentGatewayException ex, HandlerMethod handler, HttpServletRequest request,
			HttpServletResponse response) {
		RedirectOnRefusal back = backTo(handler);
		if (!isApi(request) && back == null) {
			throw ex;
		}
		log.warn("{} {} failed at the payment provider", request.getMethod(), request.getRequestURI(), ex);
		return isApi(request) ? problem(HttpStatus.SERVICE_UNAVAILABLE, GATEWAY_DOWN, new Object[0])
				: redirect(back, GATEWAY_DOWN, new Object[0], request, response);
	}

	@ExceptionHandler(ConcurrencyFailureException.class)
	ResponseEntity<?> lostARace(ConcurrencyFailureException ex, HandlerMethod handler, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		log.warn("{} {} lost a race with another change ({}); nothing of it was stored", request.getMethod(),
				request.getRequestURI(), ex.getClass().getSimpleName());
		if (isApi(request)) {
			return problem(HttpStatus.CONFLICT, CONCURRENT_CHANGE, new Object[0]);
		}
		RedirectOnRefusal back = backTo(handler);
		if (back == null) {
			response.sendError(HttpStatus.CONFLICT.value());
			return null;
		}
		return redirect(back, CONCURRENT_CHANGE, new Object[0], request, response);
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	private static ResponseEntity<Void> redirect(RedirectOnRefusal back, String code, Object[] arguments,
			HttpServletRequest request, HttpServletResponse response) {
		String target = UriComponentsBuilder.fromPath(back.value())
			.buildAndExpand(pathVariables(request))
			.encode()
			.toUriString();
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		flash.put("error", code);
		flash.put("errorArgs", arguments);
		RequestContextUtils.saveOutputFlashMap(target, request, response);
		return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(request.getContextPath() + target)).build();
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String code, Object[] arguments) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale()));
		problem.setProperty("code", code);
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
