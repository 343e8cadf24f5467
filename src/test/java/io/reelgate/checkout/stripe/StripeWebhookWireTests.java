package io.reelgate.checkout.stripe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.Level;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;
import io.reelgate.support.CapturedLogs;
import io.reelgate.support.DatabaseOutage;
import io.reelgate.support.Fixtures;
import io.reelgate.support.StripeIntegrationTest;
import io.reelgate.support.StripeStub;
import io.reelgate.support.StripeWebhooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The webhook endpoint on the wire, as Stripe and as anyone else reaches it: raw HTTP to the running server, signed
 * like Stripe signs (or not), asserting the status Stripe would see, what changed, and what was logged.
 */
@StripeIntegrationTest
class StripeWebhookWireTests {

	private static final String VALID_HMAC = "0".repeat(64);

	private final StripeStub stripe = StripeStub.get();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DatabaseOutage database;

	@Autowired
	TransactionTemplate transactions;

	private AccountPrincipal buyer;

	private String orderId;

	private String session;

	private String paymentIntent;

	@BeforeEach
	void aBuyerIsAtStripeCheckout() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		fixtures.payoutsReady(creator);
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Wire film"), "film".getBytes(), "10.00", "USD");
		buyer = fixtures.viewer();
		String summary = mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		String url = mvc.perform(post(summary + "/pay").with(user(buyer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		session = url.substring(url.lastIndexOf('/') + 1);
		orderId = jdbc.sql("select id::text from orders where buyer_id = ?").param(buyer.accountId().value())
			.query(String.class).single();
		paymentIntent = "pi_" + orderId.replace("-", "").substring(0, 16);
	}

	@Test
	void malformedSignatureHeadersAre400WithoutAStackTrace() throws Exception {
		paid();
		String payload = completed();
		long now = Instant.now().getEpochSecond();
		List<String> malformed = List.of("t=abc,v1=" + VALID_HMAC, "t=,v1=" + VALID_HMAC,
				"t=12345678901234567890,v1=" + VALID_HMAC, "t=" + now, "t=" + now + ",v0=" + VALID_HMAC, "garbage",
				"t", "=", ",,,", "t=" + now + ",v1=", "t=" + now + ",v1=zz", "t=1,t=2,v1=" + VALID_HMAC,
				"v1=" + VALID_HMAC, "t=-5,v1=" + VALID_HMAC, "t=" + now + ",v1=" + "a".repeat(5000));

		try (CapturedLogs logs = CapturedLogs.start()) {
			for (String header : malformed) {
				assertThat(send(payload, header).statusCode()).as(header).isEqualTo(400);
			}
			assertThat(logs.errorsOrStackTraces()).isEmpty();
		}
		assertThat(orderStatus()).isEqualTo("PENDING");
	}

	@Test
	void aSignatureDatedBeyondTheToleranceInTheFutureIsRefused() throws Exception {
		paid();
		String payload = completed();

		assertThat(send(payload, sign(payload, Instant.now().plus(Duration.ofMinutes(6)))).statusCode()).isEqualTo(400);
		assertThat(send(payload, sign(payload, Instant.now().plus(Duration.ofDays(3650)))).statusCode()).isEqualTo(400);
		assertThat(orderStatus()).isEqualTo("PENDING");

		assertThat(send(payload, sign(payload, Instant.now().plus(Duration.ofSeconds(30)))).statusCode())
			.as("a clock a little ahead of ours").isEqualTo(200);
		assertThat(orderStatus()).isEqualTo("PAID");
	}

	@Test
	void aCorrectlySignedBodyThatIsNotAnEventIsAcknowledgedAndLogged() throws Exception {
		List<String> bodies = List.of("not json at all", "[1, 2, 3]", "\"event\"", "{}",
				"{\"id\": \"evt_1\", \"object\": \"customer\", \"type\": \"checkout.session.completed\"}",
				"{\"id\": \"evt_2\", \"object\": \"event\", \"type\": \"checkout.session.completed\", \"data\": 7}",
				"{\"id\": {}, \"object\": \"event\", \"type\": \"checkout.session.completed\", "
						+ "\"data\": {\"object\": {\"id\": \"" + session + "\"}}}");

		try (CapturedLogs logs = CapturedLogs.start()) {
			for (String body : bodies) {
				assertThat(send(body, sign(body, Instant.now())).statusCode()).as(body).isEqualTo(200);
			}
			assertThat(logs.errorsOrStackTraces()).isEmpty();
			assertThat(logs.lines(Level.WARN, "is not an event")).hasSize(bodies.size());
		}
		assertThat(orderStatus()).isEqualTo("PENDING");
	}

	@Test
	void anEventAboutAnObjectStripeDoesNotKnowIsAcknowledgedAndLogged() throws Exception {
		String unknownSession = StripeWebhooks.event("checkout.session.completed", "cs_unknown_" + orderId,
				"checkout.session");
		String unknownCharge = StripeWebhooks.event("charge.refunded", "ch_unknown_" + orderId, "charge");

		try (CapturedLogs logs = CapturedLogs.start()) {
			assertThat(send(unknownSession, sign(unknownSession, Instant.now())).statusCode()).isEqualTo(200);
			assertThat(send(unknownCharge, sign(unknownCharge, Instant.now())).statusCode()).isEqualTo(200);
			assertThat(logs.errorsOrStackTraces()).isEmpty();
			assertThat(logs.lines(Level.WARN, "cs_unknown_" + orderId, "Stripe does not know")).hasSize(1);
			assertThat(logs.lines(Level.WARN, "ch_unknown_" + orderId, "Stripe does not know")).hasSize(1);
		}
	}

	@Test
	void aRefetchCutOffByTheNetworkIs503AndAppliedWhenStripeRetries() throws Exception {
		paid();
		String payload = completed();
		try (AutoCloseable cut = stripe.unreachable("checkout/sessions/" + session)) {
			assertThat(send(payload, sign(payload, Instant.now())).statusCode()).isEqualTo(503);
		}
		assertThat(orderStatus()).isEqualTo("PENDING");

		assertThat(send(payload, sign(payload, Instant.now())).statusCode()).isEqualTo(200);
		assertThat(orderStatus()).isEqualTo("PAID");
		assertThat(entitlements()).isEqualTo(1);
	}

	@Test
	void aDeliveryWhileTheDatabaseIsDownIs503AndAppliedWhenStripeRetries() throws Exception {
		paid();
		String payload = completed();
		try (AutoCloseable outage = database.begin()) {
			assertThat(send(payload, sign(payload, Instant.now())).statusCode()).isEqualTo(503);
		}
		assertThat(orderStatus()).isEqualTo("PENDING");

		assertThat(send(payload, sign(payload, Instant.now())).statusCode()).isEqualTo(200);
		assertThat(orderStatus()).isEqualTo("PAID");
		assertThat(entitlements()).isEqualTo(1);
		assertThat(ledger()).containsExactly("SALE 1000");
	}

	@Test
	void aDeliveryWhileAnotherTransactionHoldsTheOrderWaitsForItAndSucceeds() throws Exception {
		paid();
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread holder = new Thread(() -> transactions.executeWithoutResult(status -> {
			jdbc.sql("select id from orders where id = ?::uuid for update").param(orderId).query(String.class).single();
			locked.countDown();
			await(release);
		}));
		holder.start();
		assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();

		String payload = completed();
		CompletableFuture<HttpResponse<String>> delivery = http.sendAsync(request(payload, sign(payload, Instant.now())),
				HttpResponse.BodyHandlers.ofString());
		Thread.sleep(1000);
		assertThat(delivery).as("waiting for the lock").isNotDone();
		release.countDown();
		holder.join(30_000);

		assertThat(delivery.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		assertThat(orderStatus()).isEqualTo("PAID");
		assertThat(ledger()).containsExactly("SALE 1000");
	}

	@Test
	void aLatePaymentIsRefundedAtStripeWhileNoTransactionHoldsTheOrder() throws Exception {
		mvc.perform(get("/checkout/stripe/cancelled").param("order", orderId).with(user(buyer)));
		paid();
		AtomicReference<String> orderRowDuringRefund = new AtomicReference<>();
		try (AutoCloseable probe = stripe.whileRequested("POST", "refunds", request -> orderRowDuringRefund.set(
				lockableNow() ? "free" : "locked"))) {
			String payload = completed();
			assertThat(send(payload, sign(payload, Instant.now())).statusCode()).isEqualTo(200);
		}

		assertThat(orderRowDuringRefund.get()).as("the order's row while Stripe was refunding").isEqualTo("free");
		assertThat(orderStatus()).isEqualTo("REFUNDED");
		assertThat(ledger()).containsExactlyInAnyOrder("SALE 1000", "REFUND -1000");
	}

	/** Whether another transaction could lock the order row at once (none of the application's holds it). */
	private boolean lockableNow() {
		try {
			jdbc.sql("select id from orders where id = ?::uuid for update nowait").param(orderId).query(String.class)
				.single();
			return true;
		}
		catch (org.springframework.dao.DataAccessException ex) {
			return false;
		}
	}

	private void paid() {
		stripe.session(session, orderId, "complete", "paid", paymentIntent);
	}

	private String completed() {
		return StripeWebhooks.event("checkout.session.completed", session, "checkout.session");
	}

	private static String sign(String payload, Instant at) {
		return StripeWebhooks.sign(payload, StripeIntegrationTest.WEBHOOK_SECRET, at);
	}

	private HttpResponse<String> send(String payload, String signature) throws Exception {
		return http.send(request(payload, signature), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest request(String payload, String signature) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stripe/webhook"))
			.header("Content-Type", "application/json")
			.header("Stripe-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(payload))
			.timeout(Duration.ofSeconds(60))
			.build();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private String orderStatus() {
		return jdbc.sql("select status from orders where id = ?::uuid").param(orderId).query(String.class).single();
	}

	private long entitlements() {
		return jdbc.sql("select count(*) from entitlements where order_id = ?::uuid").param(orderId)
			.query(Long.class).single();
	}

	private List<String> ledger() {
		return jdbc.sql("select kind || ' ' || gross_minor from ledger_entries where order_id = ?::uuid")
			.param(orderId).query(String.class).list();
	}
}
