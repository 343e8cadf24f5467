package io.reelgate.checkout.stripe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;
import io.reelgate.support.CapturedLogs;
import io.reelgate.support.Fixtures;
import io.reelgate.support.StripeIntegrationTest;
import io.reelgate.support.StripeStub;
import io.reelgate.support.StripeWebhooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Deliveries that race each other, over real HTTP to the running server: every thread waits on one latch and all
 * are released together, so the deliveries overlap inside the application. Each test is repeated, as a race that
 * shows in one run of three would slip through a single run.
 */
@StripeIntegrationTest
class StripeWebhookRaceTests {

	private static final int RUNS = 12;

	private final StripeStub stripe = StripeStub.get();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	private AccountPrincipal buyer;

	private String orderId;

	private String session;

	@BeforeEach
	void aBuyerHasPaidAtStripeCheckout() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		fixtures.payoutsReady(creator);
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Race film"), "film".getBytes(), "10.00", "USD");
		buyer = fixtures.viewer();
		String summary = mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		String url = mvc.perform(post(summary + "/pay").with(user(buyer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		session = url.substring(url.lastIndexOf('/') + 1);
		orderId = jdbc.sql("select id::text from orders where buyer_id = ?").param(buyer.accountId().value())
			.query(String.class).single();
		stripe.session(session, orderId, "complete", "paid", "pi_" + orderId.replace("-", "").substring(0, 16));
	}

	@RepeatedTest(RUNS)
	void fiftyIdenticalDeliveriesAtOnceAllSucceedAndGrantOnce() throws Exception {
		String eventId = eventId();
		String payload = event(eventId, "checkout.session.completed");
		List<Callable<Integer>> deliveries = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			deliveries.add(() -> deliver(payload));
		}

		try (CapturedLogs logs = CapturedLogs.start()) {
			assertThat(together(deliveries)).hasSize(50).allSatisfy(status -> assertThat(status).isBetween(200, 299));
			assertThat(logs.errorsOrStackTraces()).isEmpty();
			assertThat(logs.lines(Level.INFO, eventId, "duplicate")).as("one line per duplicate").hasSize(49);
		}
		assertGrantedAndBookedOnce();
	}

	@RepeatedTest(RUNS)
	void theSameSessionUnderTwoEventIdsAndTheReturnPageAtOnceAllSucceedAndGrantOnce() throws Exception {
		String firstId = eventId();
		String secondId = eventId();
		String first = event(firstId, "checkout.session.completed");
		String second = event(secondId, "checkout.session.completed");
		List<Callable<Integer>> deliveries = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			deliveries.add(() -> deliver(first));
			deliveries.add(() -> deliver(second));
		}
		deliveries.add(() -> mvc.perform(get("/checkout/stripe/return").param("session_id", session).with(user(buyer)))
			.andReturn().getResponse().getStatus() == 302 ? 200 : 500);

		try (CapturedLogs logs = CapturedLogs.start()) {
			assertThat(together(deliveries)).hasSize(21).allSatisfy(status -> assertThat(status).isBetween(200, 299));
			assertThat(logs.errorsOrStackTraces()).isEmpty();
			assertThat(logs.lines(Level.INFO, firstId, "duplicate")).hasSize(9);
			assertThat(logs.lines(Level.INFO, secondId, "duplicate")).hasSize(9);
		}
		assertGrantedAndBookedOnce();
	}

	@RepeatedTest(RUNS)
	void completedAndAsyncPaymentSucceededAtOnceAllSucceedAndGrantOnce() throws Exception {
		List<Callable<Integer>> deliveries = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String completed = event(eventId(), "checkout.session.completed");
			String succeeded = event(eventId(), "checkout.session.async_payment_succeeded");
			deliveries.add(() -> deliver(completed));
			deliveries.add(() -> deliver(succeeded));
		}

		try (CapturedLogs logs = CapturedLogs.start()) {
			assertThat(together(deliveries)).hasSize(10).allSatisfy(status -> assertThat(status).isBetween(200, 299));
			assertThat(logs.errorsOrStackTraces()).isEmpty();
		}
		assertGrantedAndBookedOnce();
	}

	/** Starts every call on its own thread, releases them at once, and returns their statuses. */
	private List<Integer> together(List<Callable<Integer>> calls) throws Exception {
		CountDownLatch ready = new CountDownLatch(calls.size());
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (Callable<Integer> call : calls) {
				results.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return call.call();
				}));
			}
			assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
			go.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get(120, TimeUnit.SECONDS));
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private int deliver(String payload) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stripe/webhook"))
			.header("Content-Type", "application/json")
			.header("Stripe-Signature", StripeWebhooks.sign(payload, StripeIntegrationTest.WEBHOOK_SECRET, Instant.now()))
			.POST(HttpRequest.BodyPublishers.ofString(payload))
			.timeout(Duration.ofSeconds(90))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private String event(String eventId, String type) {
		return StripeWebhooks.event(eventId, type, session, "checkout.session");
	}

	private static String eventId() {
		return "evt_" + UUID.randomUUID().toString().replace("-", "");
	}

	private void assertGrantedAndBookedOnce() {
		assertThat(jdbc.sql("select status from orders where id = ?::uuid").param(orderId).query(String.class).single())
			.isEqualTo("PAID");
		assertThat(jdbc.sql("select count(*) from entitlements where order_id = ?::uuid").param(orderId)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select kind || ' ' || gross_minor from ledger_entries where order_id = ?::uuid")
			.param(orderId).query(String.class).list()).containsExactly("SALE 1000");
	}
}
