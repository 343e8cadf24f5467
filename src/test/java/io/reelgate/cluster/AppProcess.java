package io.reelgate.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One instance of the application as an operator runs it: {@code java -jar} on the packaged jar, in a working
 * directory of its own, its output in {@code app.log} there. The jar is the one {@code ./mvnw package} built
 * ({@code reelgate.jar}, set by the failsafe plugin).
 */
final class AppProcess {

	private final String name;

	private final Path directory;

	private final Map<String, String> settings;

	private final int port;

	private Process process;

	AppProcess(String name, Path directory, Map<String, String> settings) throws IOException {
		this.name = name;
		this.directory = directory;
		this.settings = settings;
		this.port = freePort();
	}

	static Path jar() {
		String configured = System.getProperty("reelgate.jar");
		Path jar = configured == null ? null : Path.of(configured);
		if (jar == null || !Files.isRegularFile(jar)) {
			fail("No packaged jar at " + configured + ": this test runs in the integration-test phase, after "
					+ "package (./mvnw -B verify -Dit.test=" + TwoProcessesBehindNginxTests.class.getSimpleName() + ")");
		}
		return jar;
	}

	/** Starts the process without waiting for it to be ready, so that several can start at once. */
	AppProcess start() throws IOException {
		Files.createDirectories(directory);
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar().toString(),
				"--server.port=" + port));
		settings.forEach((key, value) -> command.add("--" + key + "=" + value));
		process = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("app.log").toFile()))
			.start();
		return this;
	}

	/** Waits until the instance says it is ready for traffic (what a load balancer's health check asks). */
	void awaitReady(Duration timeout) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(process.isAlive()).as(name + " is running (see " + directory.resolve("app.log") + ")").isTrue();
			try {
				HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(url("/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (ready.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// Not listening yet.
			}
			Thread.sleep(250);
		}
		fail(name + " was not ready within " + timeout + " (see " + directory.resolve("app.log") + ")");
	}

	/** kill -9: no shutdown hook, no graceful end of requests, leases left in the database. */
	void kill() throws Exception {
		process.destroyForcibly();
		assertThat(process.waitFor(10, TimeUnit.SECONDS)).as(name + " died").isTrue();
	}

	void stop() throws InterruptedException {
		if (process != null && process.isAlive()) {
			process.destroy();
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	long pid() {
		return process.pid();
	}

	boolean alive() {
		return process != null && process.isAlive();
	}

	int port() {
		return port;
	}

	String name() {
		return name;
	}

	URI url(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
