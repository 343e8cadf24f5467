package io.reelgate.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * nginx as a child process with a shipped configuration ({@code config/nginx-cluster.conf} or
 * {@code config/nginx-cache.conf}), changed only where a test must: its upstreams are the instances' loopback ports,
 * it listens on a free port of loopback and caches into its prefix. Everything it writes goes to a prefix directory
 * of its own; the system's nginx service is never touched.
 */
final class NginxProcess {

	private static final Path SHIPPED = Path.of("config", "nginx-cluster.conf");

	private static final Path SHIPPED_CACHE = Path.of("config", "nginx-cache.conf");

	private final Path prefix;

	private final int port;

	private Process process;

	NginxProcess(Path prefix) throws IOException {
		this.prefix = prefix;
		this.port = AppProcess.freePort();
	}

	static Path executable() {
		Path found = Stream.of("/usr/sbin/nginx", "/usr/bin/nginx").map(Path::of).filter(Files::isExecutable)
			.findFirst().orElse(null);
		if (found == null) {
			String message = "No nginx at /usr/sbin/nginx: the cluster test needs it (.ci/run installs it; "
					+ "apt-get install -y nginx)";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message);
			}
			abort(message);
		}
		return found;
	}

	NginxProcess start(List<AppProcess> upstreams) throws Exception {
		Files.createDirectories(prefix.resolve("temp"));
		String shipped = Files.readString(SHIPPED);
		String servers = upstreams.stream()
			.map(app -> "    server 127.0.0.1:" + app.port() + " max_fails=3 fail_timeout=10s;")
			.collect(Collectors.joining("\n"));
		String site = shipped.replaceAll("(?m)^    server app\\d:8080[^\\n]*\\n", "")
			.replace("    keepalive 32;", servers + "\n    keepalive 32;")
			.replace("listen 80;", "listen 127.0.0.1:" + port + ";");
		assertThat(site).as("the shipped config was adapted").contains("127.0.0.1:" + port).doesNotContain("app1:");
		return launch(site);
	}

	/** {@code config/nginx-cache.conf} in front of one application on {@code appPort}, caching into the prefix. */
	NginxProcess startCaching(int appPort) throws Exception {
		String shipped = Files.readString(SHIPPED_CACHE);
		String site = shipped.replace("server 127.0.0.1:8080;", "server 127.0.0.1:" + appPort + ";")
			.replace("listen 80;", "listen 127.0.0.1:" + port + ";")
			.replace("/var/cache/nginx/reelgate", prefix.resolve("cache").toString());
		assertThat(site).as("the shipped config was adapted").contains("127.0.0.1:" + port, "127.0.0.1:" + appPort,
				prefix.resolve("cache").toString());
		return launch(site);
	}

	private NginxProcess launch(String site) throws Exception {
		Files.createDirectories(prefix.resolve("temp"));
		Files.writeString(prefix.resolve("reelgate.conf"), site);
		String temp = prefix.resolve("temp").toString();
		Files.writeString(prefix.resolve("nginx.conf"), """
				daemon off;
				user root root;
				worker_processes 1;
				pid %1$s/nginx.pid;
				error_log %1$s/error.log info;
				events { worker_connections 512; }
				http {
				    access_log %1$s/access.log;
				    client_body_temp_path %2$s/body;
				    proxy_temp_path %2$s/proxy;
				    fastcgi_temp_path %2$s/fastcgi;
				    uwsgi_temp_path %2$s/uwsgi;
				    scgi_temp_path %2$s/scgi;
				    include %1$s/reelgate.conf;
				}
				""".formatted(prefix, temp));
		process = new ProcessBuilder(executable().toString(), "-p", prefix.toString(), "-e",
				prefix.resolve("error.log").toString(), "-c", prefix.resolve("nginx.conf").toString())
			.redirectErrorStream(true)
			.redirectOutput(prefix.resolve("nginx.out").toFile())
			.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(process.isAlive()).as("nginx runs (see " + prefix.resolve("error.log") + ")").isTrue();
			try (var socket = new java.net.Socket("127.0.0.1", port)) {
				return this;
			}
			catch (IOException notYet) {
				Thread.sleep(100);
			}
		}
		fail("nginx did not listen on " + port);
		return this;
	}

	void stop() throws InterruptedException {
		if (process != null && process.isAlive()) {
			process.destroy();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	String base() {
		return "http://127.0.0.1:" + port;
	}

	int port() {
		return port;
	}
}
