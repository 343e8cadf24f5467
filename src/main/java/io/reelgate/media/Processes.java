package io.reelgate.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs a program with an argument list (never through a shell, so no argument is ever split or interpreted), with
 * no input, its output collected in temporary files (so a chatty program cannot block on a full pipe), and killed
 * when it overruns its time.
 */
final class Processes {

	/** More than any ffprobe report of a real file; the rest is cut off. */
	private static final int MAX_OUTPUT = 1024 * 1024;

	private static final long POLL_MILLIS = 1000;

	private Processes() {
	}

	/** What a run left: its exit code ({@code -1} when it was killed for overrunning) and its output. */
	record Result(int exitCode, String stdout, String stderr) {

		boolean succeeded() {
			return exitCode == 0;
		}

		/** The first line of its complaints, for a log line. */
		String firstError() {
			String text = stderr.strip();
			int end = text.indexOf('\n');
			return end < 0 ? text : text.substring(0, end);
		}
	}

	static Result run(List<String> command, Duration timeout) throws IOException {
		return run(command, timeout, () -> true);
	}

	/**
	 * As {@link #run(List, Duration)}, asking {@code keepGoing} every second while the program runs (to report its
	 * progress, say); when it answers {@code false} the program is killed and the result has exit code {@code -2}.
	 */
	static Result run(List<String> command, Duration timeout, BooleanSupplier keepGoing) throws IOException {
		Path stdout = Files.createTempFile("reelgate-media-", ".out");
		Path stderr = Files.createTempFile("reelgate-media-", ".err");
		try {
			Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
				.redirectError(stderr.toFile())
				.start();
			process.getOutputStream().close();
			boolean finished = false;
			long deadline = System.nanoTime() + timeout.toNanos();
			try {
				while (!finished && System.nanoTime() < deadline) {
					finished = process.waitFor(Math.min(POLL_MILLIS, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)),
							TimeUnit.MILLISECONDS);
					if (!finished && !keepGoing.getAsBoolean()) {
						process.destroyForcibly();
						process.waitFor();
						return new Result(-2, "", "stopped");
					}
				}
			}
			catch (InterruptedException ex) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
				throw new IOException("Interrupted while " + command.get(0) + " ran", ex);
			}
			if (!finished) {
				process.destroyForcibly();
				return new Result(-1, "", "timed out after " + timeout.toSeconds() + "s");
			}
			return new Result(process.exitValue(), read(stdout), read(stderr));
		}
		finally {
			Files.deleteIfExists(stdout);
			Files.deleteIfExists(stderr);
		}
	}

	private static String read(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new String(in.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8);
		}
	}
}
