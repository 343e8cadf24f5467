package io.reelgate.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Makes a small, real video with the system's ffmpeg: two seconds of 320×240 H.264 test pattern with an AAC tone,
 * about 55 KB. Outside CI a machine without ffmpeg skips the tests that need it, with a message saying how to install
 * it; in CI (CI=true) that is a failure, since .ci/run installs it.
 */
public final class TestVideos {

	private static byte[] video;

	private static byte[] mpeg4;

	private static byte[] dubbed;

	private static byte[] withCommentary;

	private static byte[] hevc;

	private static byte[] video720;

	private TestVideos() {
	}

	public static boolean ffmpegInstalled() {
		return executable("ffmpeg").isPresent() && executable("ffprobe").isPresent();
	}

	/** Skips (or in CI fails) the calling test unless ffmpeg and ffprobe are installed. */
	public static void requireFfmpeg() {
		if (!ffmpegInstalled()) {
			String message = "No ffmpeg/ffprobe on the PATH: media metadata tests need them. "
					+ "Install them with: apt-get install ffmpeg";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message);
			}
			abort(message);
		}
	}

	/** The two-second 320×240 H.264/AAC MP4; needs {@link #requireFfmpeg()}. */
	public static synchronized byte[] video() {
		if (video == null) {
			video = make();
		}
		return video.clone();
	}

	/**
	 * Two seconds of 320×240 MPEG-4 Part 2 video with MP3 sound in AVI, about 100 KB: codecs no browser plays, so
	 * packaging for online playback has to encode them. Needs {@link #requireFfmpeg()}.
	 */
	public static synchronized byte[] mpeg4Avi() {
		if (mpeg4 == null) {
			mpeg4 = make("film.avi", List.of("-c:v", "mpeg4", "-q:v", "5", "-c:a", "libmp3lame", "-b:a", "64k"));
		}
		return mpeg4.clone();
	}

	/**
	 * The two-second H.264 video with two AAC sound tracks, the first tagged English, the second French (a dub),
	 * in Matroska; needs {@link #requireFfmpeg()}.
	 */
	public static synchronized byte[] dubbed() {
		if (dubbed == null) {
			dubbed = make("dubbed.mkv", List.of("-f", "lavfi", "-i", "sine=duration=2:frequency=880"),
					List.of("-map", "0:v", "-map", "1:a", "-map", "2:a", "-c:v", "libx264", "-preset", "ultrafast",
							"-pix_fmt", "yuv420p", "-c:a", "aac", "-metadata:s:a:0", "language=eng",
							"-metadata:s:a:1", "language=fra"));
		}
		return dubbed.clone();
	}

	/**
	 * The dubbed video with a third sound track, English and titled Commentary, in Matroska; needs
	 * {@link #requireFfmpeg()}.
	 */
	public static synchronized byte[] dubbedWithCommentary() {
		if (withCommentary == null) {
			withCommentary = make("commentary.mkv",
					List.of("-f", "lavfi", "-i", "sine=duration=2:frequency=880", "-f", "lavfi", "-i",
							"sine=duration=2:frequency=660"),
					List.of("-map", "0:v", "-map", "1:a", "-map", "2:a", "-map", "3:a", "-c:v", "libx264", "-preset",
							"ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-metadata:s:a:0", "language=eng",
							"-metadata:s:a:1", "language=fra", "-metadata:s:a:2", "language=eng", "-metadata:s:a:2",
							"title=Commentary"));
		}
		return withCommentary.clone();
	}

	/** Whether this ffmpeg has the encoder ({@code libx265}): Debian's has, builds without GPL parts may not. */
	public static boolean hasEncoder(String name) {
		try {
			Process ffmpeg = new ProcessBuilder(executable("ffmpeg").orElseThrow().toString(), "-hide_banner",
					"-encoders").redirectErrorStream(true).start();
			String out = new String(ffmpeg.getInputStream().readAllBytes());
			return ffmpeg.waitFor(30, TimeUnit.SECONDS) && out.contains(" " + name + " ");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** The two-second video encoded as HEVC (libx265) with AAC sound, in MP4; needs {@link #hasEncoder}. */
	public static synchronized byte[] hevc() {
		if (hevc == null) {
			hevc = make("hevc.mp4", List.of("-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error",
					"-pix_fmt", "yuv420p", "-tag:v", "hvc1", "-c:a", "aac"));
		}
		return hevc.clone();
	}

	/** The two-second H.264/AAC MP4 at 1280×720, tall enough for two rungs of the default ladder (720, 480). */
	public static synchronized byte[] video720() {
		if (video720 == null) {
			video720 = make("film720.mp4", "1280x720", List.of(), List.of("-c:v", "libx264", "-preset", "ultrafast",
					"-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart"));
		}
		return video720.clone();
	}

	private static byte[] make() {
		return make("film.mp4", List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
				"-movflags", "+faststart"));
	}

	private static byte[] make(String name, List<String> codecs) {
		return make(name, List.of(), codecs);
	}

	private static byte[] make(String name, List<String> moreInputs, List<String> codecs) {
		return make(name, "320x240", moreInputs, codecs);
	}

	private static byte[] make(String name, String size, List<String> moreInputs, List<String> codecs) {
		try {
			Path dir = Files.createTempDirectory("reelgate-test-video");
			Path film = dir.resolve(name);
			List<String> command = new ArrayList<>(List.of(executable("ffmpeg").orElseThrow().toString(),
					"-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc=duration=2:size=" + size + ":rate=25", "-f",
					"lavfi", "-i", "sine=duration=2"));
			command.addAll(moreInputs);
			command.add("-shortest");
			command.addAll(codecs);
			command.add(film.toString());
			Process ffmpeg = new ProcessBuilder(command)
				.redirectErrorStream(true)
				.start();
			if (!ffmpeg.waitFor(60, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
				throw new IllegalStateException("ffmpeg could not make the test video: "
						+ new String(ffmpeg.getInputStream().readAllBytes()));
			}
			byte[] bytes = Files.readAllBytes(film);
			Files.delete(film);
			Files.delete(dir);
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Optional<Path> executable(String name) {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
			.filter(dir -> !dir.isBlank())
			.map(dir -> Path.of(dir, name))
			.filter(Files::isExecutable)
			.findFirst();
	}
}
