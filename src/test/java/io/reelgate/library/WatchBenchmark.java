package io.reelgate.library;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.AriaRole;
import io.reelgate.ReelgateApplication;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.browser.BrowserSupport;
import io.reelgate.catalog.BundleMedia;
import io.reelgate.catalog.BundleText;
import io.reelgate.catalog.CatalogService;
import io.reelgate.catalog.FileView;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test: run by bench/watch.sh (see bench/README.md). Generates a 1080p25 H.264/AAC film with ffmpeg's lavfi
 * sources, starts the application on a throw-away embedded PostgreSQL and storage directory, adds the film to a
 * bundle through {@link BundleMedia} (streamed from disk, as an upload is) and lets the real packaging job remux it,
 * timing it and sampling the heap every 100 ms. Then a buyer, who paid through the simulated checkout in Chromium,
 * opens the player page in a fresh browser context each run (a cold HTTP cache) and clicks the video, and the page
 * measures the time from the press to the first frame shown. Last, an MPEG-4 Part 2 clip, which the job has to
 * encode, times the x264 ladder.
 */
public final class WatchBenchmark {

	private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

	/**
	 * Installed once the page has loaded: records the press (pointerdown or keydown, captured before the player's
	 * own handlers), the first frame presented after it (requestVideoFrameCallback's expected display time), and the
	 * first 'playing' event and timeupdate past 0 as a cross-check. Times are the page's performance.now(), 0 being
	 * the start of the navigation.
	 */
	private static final String PROBE = """
			() => {
			    const v = document.getElementById('player');
			    const r = window.__bench = { loaded: performance.now() };
			    const pressed = e => {
			        if (r.pressed !== undefined) {
			            return;
			        }
			        r.pressed = e.timeStamp;
			        r.readyState = v.readyState;
			        v.requestVideoFrameCallback((now, frame) => {
			            r.frame = frame.expectedDisplayTime;
			            r.frameMediaTime = frame.mediaTime;
			        });
			    };
			    window.addEventListener('pointerdown', pressed, true);
			    window.addEventListener('keydown', pressed, true);
			    v.addEventListener('playing', () => r.playing = r.playing ?? performance.now());
			    v.addEventListener('timeupdate', () => {
			        if (r.pressed !== undefined && v.currentTime > 0) {
			            r.advanced = r.advanced ?? performance.now();
			        }
			    });
			}
			""";

	/** How the viewer starts the film. */
	private enum Press {

		/**
		 * K on the focused player (its own key for play) right after the page's load event. A click does nothing
		 * yet: until hls.js has given the element its metadata, Chromium's native controls ignore it (measured).
		 */
		KEY_AT_LOAD("K pressed on the player at the page's load event"),

		/** A click on the video once its metadata is in (the picture has its size and the controls work). */
		CLICK_WHEN_READY("video clicked once the player has its metadata");

		private final String description;

		Press(String description) {
			this.description = description;
		}
	}

	private WatchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = setting("BENCH_SECONDS", 600);
		int gop = setting("BENCH_GOP_SECONDS", 4);
		int ladderSeconds = setting("LADDER_SECONDS", 30);
		int runs = setting("BENCH_RUNS", 10);
		Path work = Files.createTempDirectory("reelgate-bench-watch");
		// KEEP=dir keeps the generated sources there and reuses them on the next run (the film takes minutes to make).
		Path sources = System.getenv("KEEP") == null || System.getenv("KEEP").isBlank() ? work
				: Files.createDirectories(Path.of(System.getenv("KEEP")));
		List<String> rows = new ArrayList<>();
		try {
			Path film = sources.resolve("film-" + seconds + "s-gop" + gop + ".mp4");
			if (!Files.isRegularFile(film)) {
				System.out.printf("making a %d s 1080p25 H.264/AAC film (8 Mbit/s, a keyframe every %d s)...%n",
						seconds, gop);
				// superfast, not ultrafast: High profile with CABAC and B-frames, what a film's encoder makes.
				ffmpeg(lavfi(seconds), List.of("-c:v", "libx264", "-preset", "superfast", "-profile:v", "high",
						"-pix_fmt", "yuv420p", "-b:v", "8M", "-maxrate", "10M", "-bufsize", "16M", "-g",
						String.valueOf(25 * gop), "-keyint_min", String.valueOf(25 * gop), "-sc_threshold", "0",
						"-c:a", "aac", "-b:a", "128k", "-ac", "2"), film);
			}
			Path mpeg4 = sources.resolve("ladder-" + ladderSeconds + "s.avi");
			if (ladderSeconds > 0 && !Files.isRegularFile(mpeg4)) {
				ffmpeg(lavfi(ladderSeconds), List.of("-c:v", "mpeg4", "-q:v", "4", "-c:a", "libmp3lame", "-b:a",
						"128k"), mpeg4);
			}
			rows.add(row("source", String.format(Locale.ROOT, "%d s of 1920×1080 at 25 fps, H.264 High 8 Mbit/s, "
					+ "keyframe every %d s, AAC; %,.0f MB", seconds, gop, Files.size(film) / 1e6)));
			rows.add(row("machine", String.format(Locale.ROOT, "%d cores, %s %s, -Xmx%d MB",
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
					System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20)));

			try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ReelgateApplication.class)
				.run("--server.port=0", "--reelgate.embedded-postgres.data-directory=",
						"--reelgate.embedded-postgres.port=0",
						"--reelgate.storage.filesystem-root=" + work.resolve("storage"),
						"--reelgate.downloads.links.secret-file=" + work.resolve("link-secret"),
						"--reelgate.uploads.staging-directory=" + work.resolve("uploads"), "--logging.level.root=warn",
						"--spring.main.banner-mode=off")) {
				Fixtures fixtures = app.getAutowireCapableBeanFactory().createBean(Fixtures.class);
				CatalogService catalog = app.getBean(CatalogService.class);
				JdbcClient jdbc = app.getBean(JdbcClient.class);
				AccountPrincipal creator = fixtures.creator();
				BundleId bundle = fixtures.as(creator, () -> {
					BundleId id = catalog.create(creator.accountId(), new BundleText("A 1080p film",
							"For the watch benchmark", "A generated test pattern."));
					catalog.charge(creator.accountId(), id, "9.99", "USD");
					return id;
				});

				Packaging remux = packageThroughTheApp(app, fixtures, creator, bundle, film, "film-1080p.mp4", jdbc);
				rows.add(row("store and hash the upload (BundleMedia.addFile, streamed from disk)",
						String.format(Locale.ROOT, "%.1f s, %.0f MB/s; heap %s", remux.stored(),
								Files.size(film) / 1e6 / remux.stored(), remux.storingHeap())));
				rows.add(row("probe, queue and claim (until the job's first progress)",
						String.format(Locale.ROOT, "%.1f s", remux.queued())));
				rows.add(row("**remux** through the job (claimed to ready: ffmpeg, renditions into the store, rows)",
						String.format(Locale.ROOT, "%s: %.1f s = **%.1f× real time** (load %s)", remux.method(),
								remux.packaged(), seconds / remux.packaged(), remux.load())));
				rows.add(row("heap used while packaging (every 100 ms, after a GC; min / max / last)",
						remux.packagingHeap()));
				rows.add(row("heap used after a GC once ready", megabytes(usedAfterGc())));

				fixtures.publish(creator, bundle);
				rows.addAll(buyAndPlay(app, fixtures, bundle, remux.file(), jdbc, runs));

				if (ladderSeconds > 0) {
					BundleId other = fixtures.as(creator, () -> catalog.create(creator.accountId(),
							new BundleText("An old film", "For the watch benchmark", "MPEG-4 Part 2 and MP3.")));
					Packaging ladder = packageThroughTheApp(app, fixtures, creator, other, mpeg4, "film.avi", jdbc);
					rows.add(row(String.format(Locale.ROOT, "**ladder** through the job (%d s MPEG-4 Part 2/MP3 "
							+ "1080p to x264 720p and 480p, AAC)", ladderSeconds),
							String.format(Locale.ROOT, "%s: %.1f s = **%.2f× real time** (load %s)", ladder.method(),
									ladder.packaged(), ladderSeconds / ladder.packaged(), ladder.load())));
					rows.add(row("heap used while encoding the ladder (min / max / last)", ladder.packagingHeap()));
				}
			}
			System.out.printf("%n| measure | figure |%n| --- | --- |%n");
			rows.forEach(System.out::println);
		}
		finally {
			deleteTree(work);
		}
	}

	/** What one file's way through the app took, in seconds, with the heap figures and the load at the end. */
	private record Packaging(FileView file, String method, double stored, double queued, double packaged,
			String storingHeap, String packagingHeap, String load) {
	}

	private static Packaging packageThroughTheApp(ConfigurableApplicationContext app, Fixtures fixtures,
			AccountPrincipal creator, BundleId bundle, Path source, String name, JdbcClient jdbc) throws Exception {
		BundleMedia media = app.getBean(BundleMedia.class);
		usedAfterGc();
		HeapSampler heap = new HeapSampler();
		heap.start();
		long started = System.nanoTime();
		FileView file = fixtures.as(creator, () -> {
			try (InputStream content = Files.newInputStream(source)) {
				return media.addFile(creator.accountId(), bundle, name, content);
			}
		});
		long stored = System.nanoTime();
		long claimed = 0;
		String state;
		while (true) {
			state = jdbc.sql("select state from hls_packages where file_id = ?").param(file.id().value())
				.query(String.class).optional().orElse("");
			if (claimed == 0 && (state.equals("PACKAGING") || state.equals("READY"))) {
				claimed = System.nanoTime();
			}
			if (state.equals("READY") || state.equals("FAILED")) {
				break;
			}
			Thread.sleep(100);
		}
		long ready = System.nanoTime();
		heap.interrupt();
		heap.join();
		if (state.equals("FAILED")) {
			throw new IllegalStateException("packaging failed: " + jdbc.sql("select failure from hls_packages "
					+ "where file_id = ?").param(file.id().value()).query(String.class).single());
		}
		String method = jdbc.sql("select method from hls_packages where file_id = ?").param(file.id().value())
			.query(String.class).single();
		return new Packaging(file, method, (stored - started) / 1e9, (claimed - stored) / 1e9,
				(ready - claimed) / 1e9, heap.between(started, stored), heap.between(claimed, ready), load());
	}

	/**
	 * Buys the bundle once in Chromium as a viewer does (bundle page, Buy, the simulated checkout's Pay), then, for
	 * each way of pressing play, opens the player page {@code runs} times, each in a fresh context that has only the
	 * buyer's cookies.
	 */
	private static List<String> buyAndPlay(ConfigurableApplicationContext app, Fixtures fixtures, BundleId bundle,
			FileView film, JdbcClient jdbc, int runs) throws Exception {
		String base = "http://localhost:" + app.getEnvironment().getRequiredProperty("local.server.port");
		AccountPrincipal buyer = fixtures.viewer();
		List<String> rows = new ArrayList<>();
		try (Playwright playwright = BrowserSupport.playwright()) {
			Browser browser = BrowserSupport.launch(playwright, BrowserSupport.chromium());
			String signedIn;
			try (BrowserContext context = browser.newContext()) {
				Page page = context.newPage();
				page.navigate(base + "/login");
				page.getByLabel("Email").fill(buyer.email());
				page.getByLabel("Password").fill("a-long-enough-password");
				page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
				page.waitForURL(url -> !url.contains("/login"));
				page.navigate(base + "/bundles/" + bundle);
				page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy for $9.99")).click();
				page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
					.setName(Pattern.compile("^Pay .*\\(simulated\\)$"))).click();
				page.waitForURL("**/library");
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
				while (jdbc.sql("select count(*) from entitlements where account_id = ? and bundle_id = ?")
					.params(buyer.accountId().value(), bundle.value()).query(Long.class).single() == 0) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException("the purchase granted no entitlement within 30 s");
					}
					Thread.sleep(100);
				}
				signedIn = context.storageState();
			}

			for (Press press : Press.values()) {
				rows.addAll(firstFrames(browser, signedIn, base + "/watch/" + film.id(), press, runs));
			}
			rows.add(row("Chromium", browser.version() + ", headless, a fresh context (cold HTTP cache) each run, "
					+ "viewport 1280×900"));
		}
		return rows;
	}

	private static List<String> firstFrames(Browser browser, String signedIn, String player, Press press, int runs) {
		double[] pressToFrame = new double[runs];
		double[] openToFrame = new double[runs];
		double[] pressToMotion = new double[runs];
		List<String> each = new ArrayList<>();
		boolean allHls = true;
		for (int run = 0; run < runs; run++) {
			try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
				.setStorageState(signedIn).setViewportSize(1280, 900))) {
				Page page = context.newPage();
				page.navigate(player);
				page.evaluate(PROBE);
				if (press == Press.KEY_AT_LOAD) {
					page.locator("#player").focus();
					page.keyboard().press("k");
				}
				else {
					page.waitForFunction("() => document.getElementById('player').readyState >= 1");
					page.locator("#player").click();
				}
				try {
					page.waitForFunction("() => window.__bench.frame !== undefined && window.__bench.advanced "
							+ "!== undefined", null, new Page.WaitForFunctionOptions().setTimeout(30_000));
				}
				catch (TimeoutError ex) {
					throw new IllegalStateException("no frame within 30 s of the press: " + page.evaluate("""
							() => { const v = document.getElementById('player');
							        return JSON.stringify(Object.assign({ src: v.currentSrc, paused: v.paused,
							            readyState: v.readyState, currentTime: v.currentTime,
							            error: v.error && v.error.message }, window.__bench)); }"""));
				}
				@SuppressWarnings("unchecked")
				Map<String, Object> r = (Map<String, Object>) page.evaluate("""
						() => { const v = document.getElementById('player');
						        return Object.assign({ hls: !!window.Hls && v.currentSrc.startsWith('blob:'),
						            height: v.videoHeight, paused: v.paused }, window.__bench); }""");
				double pressed = number(r, "pressed");
				pressToFrame[run] = number(r, "frame") - pressed;
				openToFrame[run] = number(r, "frame");
				pressToMotion[run] = number(r, "advanced") - pressed;
				allHls &= Boolean.TRUE.equals(r.get("hls")) && number(r, "height") == 1080;
				each.add(String.format(Locale.ROOT, "%.0f", pressToFrame[run]));
				System.out.printf(Locale.ROOT, "%s, run %d: loaded %.0f ms, pressed %.0f ms (readyState %.0f), "
						+ "first frame +%.0f ms (media time %.3f s), playing +%.0f ms, currentTime > 0 +%.0f ms, "
						+ "hls.js %s, %.0fp, paused %s%n", press, run + 1, number(r, "loaded"), pressed,
						number(r, "readyState"), pressToFrame[run], number(r, "frameMediaTime"),
						number(r, "playing") - pressed, number(r, "advanced") - pressed, r.get("hls"),
						number(r, "height"), r.get("paused"));
			}
		}
		Arrays.sort(pressToFrame);
		Arrays.sort(openToFrame);
		Arrays.sort(pressToMotion);
		return List.of(row(String.format(Locale.ROOT, "**press to first frame**, %s (%d runs)", press.description,
				runs), String.format(Locale.ROOT, "p50 **%.0f ms**, max %.0f ms (load %s); each: %s",
						percentile(pressToFrame, 50), pressToFrame[runs - 1], load(), String.join(", ", each))),
				row("press to playing (currentTime past 0), same runs", String.format(Locale.ROOT,
						"p50 %.0f ms, max %.0f ms", percentile(pressToMotion, 50), pressToMotion[runs - 1])),
				row("page opened to first frame, same runs", String.format(Locale.ROOT, "p50 %.0f ms, max %.0f ms",
						percentile(openToFrame, 50), openToFrame[runs - 1])),
				row("played by hls.js (a Media Source) at 1080p, same runs", allHls ? "every run" : "**not all**"));
	}

	/** Samples the used heap every 100 ms until interrupted. */
	private static final class HeapSampler extends Thread {

		private final List<long[]> samples = new ArrayList<>();

		HeapSampler() {
			super("heap-sampler");
			setDaemon(true);
		}

		@Override
		public void run() {
			while (!isInterrupted()) {
				synchronized (samples) {
					samples.add(new long[] { System.nanoTime(), MEMORY.getHeapMemoryUsage().getUsed() });
				}
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		String between(long from, long to) {
			synchronized (samples) {
				List<long[]> window = samples.stream().filter(s -> s[0] >= from && s[0] <= to).toList();
				if (window.isEmpty()) {
					return "no sample";
				}
				long min = window.stream().mapToLong(s -> s[1]).min().orElseThrow();
				long max = window.stream().mapToLong(s -> s[1]).max().orElseThrow();
				return String.format(Locale.ROOT, "%s / %s / %s of %d MB (%d samples)", megabytes(min),
						megabytes(max), megabytes(window.get(window.size() - 1)[1]),
						Runtime.getRuntime().maxMemory() >> 20, window.size());
			}
		}
	}

	private static List<String> lavfi(int seconds) {
		return List.of("-f", "lavfi", "-i", "testsrc2=duration=" + seconds + ":size=1920x1080:rate=25", "-f",
				"lavfi", "-i", "sine=duration=" + seconds, "-shortest");
	}

	private static void ffmpeg(List<String> inputs, List<String> outputs, Path target) throws Exception {
		List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
		command.addAll(inputs);
		command.addAll(outputs);
		Path partial = target.resolveSibling("partial-" + target.getFileName());
		command.add(partial.toString());
		Process ffmpeg = new ProcessBuilder(command).inheritIO().start();
		if (ffmpeg.waitFor() != 0) {
			throw new IllegalStateException("ffmpeg failed: " + String.join(" ", command));
		}
		Files.move(partial, target);
	}

	private static long usedAfterGc() {
		System.gc();
		return MEMORY.getHeapMemoryUsage().getUsed();
	}

	private static String megabytes(long bytes) {
		return (bytes >> 20) + " MB";
	}

	private static double number(Map<String, Object> values, String key) {
		Object value = values.get(key);
		return value instanceof Number number ? number.doubleValue() : Double.NaN;
	}

	private static double percentile(double[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}

	private static String row(String measure, String figure) {
		return "| " + measure + " | " + figure + " |";
	}

	private static String load() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static void deleteTree(Path dir) throws IOException {
		try (var paths = Files.walk(dir)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

	private static int setting(String name, int fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : Integer.parseInt(value.replace("_", ""));
	}
}
