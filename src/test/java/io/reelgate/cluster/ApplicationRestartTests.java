package io.reelgate.cluster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.reelgate.ReelgateApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application stopped in the middle of an upload and started again on the same database and storage, as
 * after a deployment or a crash: the creator's client asks for the offset and resumes from there.
 */
class ApplicationRestartTests {

	@TempDir
	Path local;

	private EmbeddedPostgres postgres;

	private ConfigurableApplicationContext app;

	@AfterEach
	void stop() throws Exception {
		if (app != null) {
			app.close();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void anUploadCutOffByAStoppedApplicationResumesAfterARestartWithTheRightSha256() throws Exception {
		postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
		app = start();
		Browser creator = new Browser();
		creator.signUp(app, "CREATOR");
		String editor = creator.form(app, "/studio/bundles", Browser.csrf(creator.get(app, "/studio/bundles/new")
			.body()), Map.of("title", "Restarted upload", "summary", "Across a restart")).headers()
			.firstValue("Location").orElseThrow();
		String bundleId = editor.substring(editor.lastIndexOf('/') + 1);
		String token = Browser.csrfMeta(creator.get(app, "/studio/bundles/" + bundleId).body());
		byte[] film = "A frame of a film that outlived its server.\n".repeat(200_000).getBytes(StandardCharsets.UTF_8);
		int sentBeforeStop = 3_000_000;

		HttpResponse<String> created = creator.send(app, HttpRequest.newBuilder(Browser.url(app, "/studio/uploads"))
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", String.valueOf(film.length))
			.header("Upload-Metadata", "bundle " + base64(bundleId) + ",filename " + base64("film.txt"))
			.header("X-CSRF-TOKEN", token)
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(created.statusCode()).isEqualTo(201);
		String upload = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
		UUID id = UUID.fromString(upload.substring(upload.lastIndexOf('/') + 1));

		// One PATCH for the whole film whose client stalls after 3 MB, until the application has gone.
		CountDownLatch stopped = new CountDownLatch(1);
		InputStream stalling = new InputStream() {
			private final InputStream head = new ByteArrayInputStream(film, 0, sentBeforeStop);

			@Override
			public int read() {
				throw new UnsupportedOperationException();
			}

			@Override
			public int read(byte[] buffer, int off, int len) throws IOException {
				int read = head.read(buffer, off, len);
				if (read > 0) {
					return read;
				}
				try {
					stopped.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				throw new IOException("The client gave up");
			}
		};
		creator.sendAsync(patch(app, upload, token, 0)
			.method("PATCH", HttpRequest.BodyPublishers.fromPublisher(
					HttpRequest.BodyPublishers.ofInputStream(() -> stalling), film.length)));
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (offsetIn(jdbc, id) < 1_000_000) {
			assertThat(System.nanoTime()).as("a megabyte checkpointed within a minute").isLessThan(deadline);
			Thread.sleep(20);
		}

		app.close();
		stopped.countDown();
		app = start();

		// The creator is still signed in (sessions live in PostgreSQL) and asks where to go on.
		HttpResponse<String> head = creator.send(app, HttpRequest.newBuilder(Browser.url(app, upload))
			.header("Tus-Resumable", "1.0.0").method("HEAD", HttpRequest.BodyPublishers.noBody()));
		assertThat(head.statusCode()).isEqualTo(200);
		int offset = Integer.parseInt(head.headers().firstValue("Upload-Offset").orElseThrow());
		assertThat(offset).isBetween(1_000_000, sentBeforeStop);

		// The cut-off request's lease had a minute to run, but the instance that held it is gone: no waiting.
		HttpResponse<String> resumed = creator.send(app, patch(app, upload, token, offset)
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(film, offset, film.length))));
		assertThat(resumed.statusCode()).isEqualTo(204);
		assertThat(resumed.headers().firstValue("Upload-Offset")).contains(String.valueOf(film.length));

		assertThat(app.getBean(JdbcClient.class).sql("select sha256 from bundle_files where bundle_id = ?::uuid")
			.param(bundleId)
			.query(String.class)
			.single()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(film)));
	}

	private ConfigurableApplicationContext start() {
		Map<String, String> properties = Map.of(
				"spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
				"spring.datasource.username", "postgres",
				"server.port", "0",
				"reelgate.storage.filesystem-root", local.resolve("files").toString(),
				"reelgate.uploads.staging-directory", local.resolve("uploads").toString(),
				"reelgate.catalog.max-file-size", "64MB",
				"reelgate.catalog.storage-quota", "1GB",
				// The stalled PATCH never completes, so the stop's graceful shutdown always ends by its timeout and
				// then aborts the request, as in production; the default 30 s only made the test wait them out.
				"spring.lifecycle.timeout-per-shutdown-phase", "2s");
		// As command-line arguments: they override application.yml, where builder defaults would not.
		return new SpringApplicationBuilder(ReelgateApplication.class).profiles("test")
			.run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

	private static long offsetIn(JdbcClient jdbc, UUID id) {
		return jdbc.sql("select upload_offset from upload_sessions where id = ?").param(id).query(Long.class).single();
	}

	private static HttpRequest.Builder patch(ConfigurableApplicationContext instance, String upload, String token,
			long offset) {
		return HttpRequest.newBuilder(Browser.url(instance, upload))
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Offset", String.valueOf(offset))
			.header("Content-Type", "application/offset+octet-stream")
			.header("X-CSRF-TOKEN", token);
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}
}
