package io.reelgate.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped {@code config/nginx-cache.conf} in front of the running application: a release-day flood of anonymous
 * storefront visits reaches the app once per cache lifetime. The app's own request metric counts what reached it.
 */
@IntegrationTest
class CachingProxyTests {

	private static final int FLOOD = 200;

	@LocalServerPort
	int appPort;

	@Autowired
	MeterRegistry metrics;

	@Autowired
	Fixtures fixtures;

	@TempDir
	Path work;

	private final HttpClient http = HttpClient.newHttpClient();

	private NginxProcess nginx;

	@BeforeEach
	void startNginx() throws Exception {
		NginxProcess.executable();
		nginx = new NginxProcess(work.resolve("nginx")).startCaching(appPort);
	}

	@AfterEach
	void stopNginx() throws Exception {
		nginx.stop();
		FileSystemUtils.deleteRecursively(work);
	}

	@Test
	void aFloodOfAnonymousStorefrontVisitsReachesTheAppOncePerCacheLifetime() throws Exception {
		String title = Fixtures.unique("Release day");
		fixtures.published(fixtures.creator(), title, new byte[] { 7 });
		long before = appRequests("/");

		List<HttpResponse<String>> answers = new ArrayList<>();
		ExecutorService visitors = Executors.newFixedThreadPool(20);
		try {
			List<Future<HttpResponse<String>>> sent = new ArrayList<>();
			for (int i = 0; i < FLOOD; i++) {
				sent.add(visitors.submit(() -> http.send(request("/").build(), BodyHandlers.ofString())));
			}
			for (Future<HttpResponse<String>> answer : sent) {
				answers.add(answer.get());
			}
		}
		finally {
			visitors.shutdownNow();
		}

		assertThat(answers).allSatisfy(answer -> {
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.body()).contains(title);
			assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
		});
		assertThat(answers.stream().map(a -> a.headers().firstValue("X-Cache-Status").orElse("")))
			.contains("HIT").isSubsetOf("MISS", "HIT", "UPDATING");
		assertThat(settled(() -> appRequests("/") - before)).as("storefront requests that reached the app")
			.isEqualTo(1);
	}

	@Test
	void visitorsWithASessionAlwaysReachTheAppAndAreNeverStored() throws Exception {
		String path = "/creators/" + fixtures.creator().accountId().value();
		long before = appRequests("/creators/{id}");
		HttpResponse<String> anonymous = http.send(request(path).build(), BodyHandlers.ofString());
		assertThat(anonymous.headers().firstValue("X-Cache-Status")).hasValue("MISS");

		for (int i = 0; i < 2; i++) {
			HttpResponse<String> withSession = http.send(request(path).header("Cookie", "SESSION=not-a-real-one").build(),
					BodyHandlers.ofString());
			assertThat(withSession.statusCode()).isEqualTo(200);
			assertThat(withSession.headers().firstValue("X-Cache-Status")).hasValue("BYPASS");
		}
		assertThat(http.send(request(path).build(), BodyHandlers.ofString()).headers().firstValue("X-Cache-Status"))
			.hasValue("HIT");
		assertThat(settled(() -> appRequests("/creators/{id}") - before)).isEqualTo(3);
		assertThat(Files.exists(work.resolve("nginx/cache"))).isTrue();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(nginx.base() + path));
	}

	/** Requests the app finished for a route; a response can reach nginx just before the app records it. */
	private long appRequests(String uri) {
		return metrics.find("http.server.requests").tag("uri", uri).timers().stream().mapToLong(Timer::count).sum();
	}

	private static long settled(java.util.function.LongSupplier count) throws InterruptedException {
		long seen = count.getAsLong();
		for (int i = 0; i < 10; i++) {
			Thread.sleep(100);
			long now = count.getAsLong();
			if (now == seen && i >= 2) {
				return now;
			}
			seen = now;
		}
		return seen;
	}
}
