package io.reelgate.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for Stripe's API that the real stripe-java client talks to over HTTP. It records every request
 * (method, path, form parameters, idempotency key) and serves objects that tests put in place, so a test can assert
 * exactly what Stripe would have received and decide what Stripe answers. One per JVM, shared by the contexts.
 */
public final class StripeStub {

	private static StripeStub instance;

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Map<String, String> objects = new ConcurrentHashMap<>();

	/** Stripe answers a repeated idempotency key with the first response, creating nothing new. */
	private final Map<String, String> idempotentResponses = new ConcurrentHashMap<>();

	private final AtomicInteger ids = new AtomicInteger();

	/** Paths whose requests are cut off without an answer, as when the network to Stripe fails. */
	private final Set<String> unreachable = ConcurrentHashMap.newKeySet();

	private final List<Hook> hooks = new CopyOnWriteArrayList<>();

	private StripeStub() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::handle);
		server.setExecutor(Executors.newFixedThreadPool(8));
		server.start();
	}

	public static synchronized StripeStub get() {
		if (instance == null) {
			try {
				instance = new StripeStub();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return instance;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** Requests received so far whose path starts with the given one, oldest first. */
	public List<Request> requests(String method, String pathPrefix) {
		return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
	}

	/** Serves {@code json} at {@code GET /v1/{path}} from now on, e.g. {@code put("charges/ch_1", "{...}")}. */
	public void put(String path, String json) {
		objects.put("/v1/" + path, json);
	}

	/** Cuts off every request to {@code GET /v1/{path}} without an answer until the handle is closed. */
	public AutoCloseable unreachable(String path) {
		unreachable.add("/v1/" + path);
		return () -> unreachable.remove("/v1/" + path);
	}

	/**
	 * Runs {@code action} on each request whose path starts with {@code /v1/{pathPrefix}}, before it is answered (while
	 * the application waits for Stripe), until the handle is closed.
	 */
	public AutoCloseable whileRequested(String method, String pathPrefix, Consumer<Request> action) {
		Hook hook = new Hook(method, "/v1/" + pathPrefix, action);
		hooks.add(hook);
		return () -> hooks.remove(hook);
	}

	/** A checkout session as Stripe would return it when retrieved. */
	public void session(String id, String orderId, String status, String paymentStatus, String paymentIntent) {
		put("checkout/sessions/" + id, """
				{"id": "%s", "object": "checkout.session", "client_reference_id": "%s", "metadata": {"order_id": "%s"},
				 "status": "%s", "payment_status": "%s", "payment_intent": %s,
				 "url": "https://checkout.stripe.test/c/pay/%s"}
				""".formatted(id, orderId, orderId, status, paymentStatus,
				paymentIntent == null ? "null" : "\"" + paymentIntent + "\"", id));
	}

	/**
	 * A paid session with Stripe Tax's totals, its PaymentIntent expanded with the charge it made: {@code total} is
	 * {@code amount_total} (tax included), {@code tax} is {@code total_details.amount_tax}.
	 */
	public void paidSession(String id, String orderId, String paymentIntent, String charge, long subtotal, long tax,
			long total, String country) {
		put("checkout/sessions/" + id, """
				{"id": "%s", "object": "checkout.session", "client_reference_id": "%s", "metadata": {"order_id": "%s"},
				 "status": "complete", "payment_status": "paid",
				 "payment_intent": {"id": "%s", "object": "payment_intent", "latest_charge": "%s"},
				 "amount_subtotal": %d, "amount_total": %d, "total_details": {"amount_tax": %d},
				 "customer_details": {"address": {"country": "%s"}},
				 "url": "https://checkout.stripe.test/c/pay/%s"}
				""".formatted(id, orderId, orderId, paymentIntent, charge, subtotal, total, tax, country, id));
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String path = exchange.getRequestURI().getPath();
		String method = exchange.getRequestMethod();
		Request request = new Request(method, path, form(body), exchange.getRequestHeaders().getFirst("Idempotency-Key"));
		requests.add(request);
		if (unreachable.contains(path)) {
			exchange.close();
			return;
		}
		for (Hook hook : hooks) {
			if (hook.method().equals(method) && path.startsWith(hook.pathPrefix())) {
				hook.action().accept(request);
			}
		}
		String response;
		if ("GET".equals(method)) {
			response = objects.get(path);
		}
		else if (request.idempotencyKey() != null) {
			response = idempotentResponses.computeIfAbsent(path + " " + request.idempotencyKey(),
					key -> create(path, request));
		}
		else {
			response = create(path, request);
		}
		if (response == null) {
			send(exchange, 404, """
					{"error": {"type": "invalid_request_error", "code": "resource_missing", "message": "No such object: %s"}}
					""".formatted(path));
			return;
		}
		send(exchange, 200, response);
	}

	/** Creating something returns it and also serves it for later retrieval, like Stripe. */
	private String create(String path, Request request) {
		int n = ids.incrementAndGet();
		Map<String, String> form = request.form();
		if (path.startsWith("/v1/transfers/") && path.endsWith("/reversals")) {
			return """
					{"id": "trr_test_%d", "object": "transfer_reversal", "amount": %s}
					""".formatted(n, form.getOrDefault("amount", "0"));
		}
		if (path.startsWith("/v1/checkout/sessions/") && path.endsWith("/expire")) {
			return expire(path.substring(0, path.length() - "/expire".length()));
		}
		return switch (path) {
			case "/v1/checkout/sessions" -> {
				String id = "cs_test_" + n;
				session(id, form.get("client_reference_id"), "open", "unpaid", null);
				yield objects.get("/v1/checkout/sessions/" + id);
			}
			case "/v1/accounts" -> {
				String id = "acct_test_" + n;
				put("accounts/" + id, account(id, false));
				yield objects.get("/v1/accounts/" + id);
			}
			case "/v1/account_links" -> """
					{"object": "account_link", "url": "https://connect.stripe.test/setup/e/%s/%d", "expires_at": 1}
					""".formatted(form.get("account"), n);
			case "/v1/transfers" -> """
					{"id": "tr_test_%d", "object": "transfer", "amount": %s, "destination": "%s"}
					""".formatted(n, form.get("amount"), form.get("destination"));
			case "/v1/refunds" -> """
					{"id": "re_test_%d", "object": "refund", "status": "succeeded", "payment_intent": "%s"}
					""".formatted(n, form.get("payment_intent"));
			default -> null;
		};
	}

	/** Like Stripe, only an open session expires (anything else is answered as missing here). */
	private String expire(String sessionPath) {
		String session = objects.get(sessionPath);
		if (session == null || !session.contains("\"status\": \"open\"")) {
			return null;
		}
		objects.put(sessionPath, session.replace("\"status\": \"open\"", "\"status\": \"expired\""));
		return objects.get(sessionPath);
	}

	public static String account(String id, boolean enabled) {
		return """
				{"id": "%s", "object": "account", "charges_enabled": %s, "payouts_enabled": %s, "details_submitted": %s}
				""".formatted(id, enabled, enabled, enabled);
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		if (body.isBlank()) {
			return form;
		}
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			form.put(key, value);
		}
		return form;
	}

	private static void send(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.getResponseHeaders().set("Request-Id", "req_stub");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private record Hook(String method, String pathPrefix, Consumer<Request> action) {
	}

	/** One request as the stub received it. */
	public record Request(String method, String path, Map<String, String> form, String idempotencyKey) {
	}
}
