package io.reelgate.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import io.reelgate.catalog.MediaInfo;

import org.springframework.stereotype.Component;

/**
 * Runs ffmpeg to package one file as HLS into a directory of its own (see {@link HlsPlan}), reporting its progress
 * as it goes, and reads back what it wrote: each rendition's fMP4 file and media playlist, checked to refer to
 * nothing but that file, and a master playlist written here (ffmpeg's own lists the audio as a variant of its own).
 * The input is read as {@link Ffmpeg} reads it: only ordinary containers and the input's own protocol.
 */
@Component
class HlsPackager {

	private static final int MAX_REASON = 300;

	private final MediaTools tools;

	private final Ffmpeg ffmpeg;

	private final HlsProperties properties;

	HlsPackager(MediaTools tools, Ffmpeg ffmpeg, HlsProperties properties) {
		this.tools = tools;
		this.ffmpeg = ffmpeg;
		this.properties = properties;
	}

	boolean canPackage() {
		return properties.enabled() && tools.ffmpeg().isPresent();
	}

	/** What packaging made: the method, the master playlist and the renditions, all still in the directory. */
	record Packaged(String method, String master, List<Output> renditions) {
	}

	/** One rendition's fMP4 file (init section and segments) and its media playlist. */
	record Output(String name, Path file, String playlist, String contentType) {
	}

	/** ffmpeg could not package the file; {@code reason} is fit to show the file's creator. */
	static class PackagingException extends Exception {

		PackagingException(String reason) {
			super(reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
		}
	}

	/**
	 * @param ladderRequested the creator asked for an adaptive ladder (see {@link HlsPlan})
	 * @param progress told the percentage done about every second; answering {@code false} stops ffmpeg
	 * @throws PackagingException if ffmpeg failed or was stopped
	 */
	Packaged packageInto(MediaInput input, MediaInfo media, boolean ladderRequested, Path dir, IntPredicate progress)
			throws IOException, PackagingException {
		// The probe kept one audio stream's codec; the package offers each of them (dubs, an audio description).
		List<AudioTrack> tracks = media.videoCodec() != null && media.audioCodec() != null && ffmpeg.canProbe()
				? ffmpeg.audioTracks(input) : List.of();
		HlsPlan plan = HlsPlan.of(media, tracks, properties.ladder(), properties.segmentSeconds(),
				ladderRequested);
		Path progressFile = dir.resolve("progress");
		List<String> command = new ArrayList<>(List.of(tools.ffmpeg().orElseThrow().toString(), "-nostdin", "-v",
				"error", "-y", "-progress", "file:" + progressFile.toAbsolutePath(), "-protocol_whitelist",
				input.protocols(), "-format_whitelist", Ffmpeg.DEMUXERS, "-i", input.url()));
		command.addAll(plan.outputOptions());
		command.addAll(List.of("-hls_segment_filename", "file:" + dir.toAbsolutePath() + "/%v.m4s",
				"file:" + dir.toAbsolutePath() + "/%v.m3u8"));
		Long duration = media.durationMillis();
		Processes.Result result = Processes.run(command, properties.timeout(),
				() -> progress.test(percent(progressFile, duration)));
		if (result.exitCode() == -2) {
			throw new PackagingException("stopped");
		}
		if (!result.succeeded()) {
			// ffmpeg names its input in its complaints, and a presigned URL is a credential while it lasts.
			String reason = result.firstError().replace(input.url(), input.description());
			throw new PackagingException(reason.isBlank() ? "ffmpeg exited with " + result.exitCode() : reason);
		}
		List<Output> outputs = new ArrayList<>();
		for (HlsPlan.Rendition rendition : plan.renditions()) {
			Path file = dir.resolve(rendition.name() + ".m4s");
			Path playlist = dir.resolve(rendition.name() + ".m3u8");
			if (!Files.isRegularFile(file) || !Files.isRegularFile(playlist)) {
				throw new PackagingException("ffmpeg wrote no " + rendition.name() + " rendition");
			}
			String text = Files.readString(playlist, StandardCharsets.UTF_8);
			HlsPlaylists.checkMedia(text, rendition.name() + ".m4s");
			outputs.add(new Output(rendition.name(), file, text, rendition.video() ? "video/mp4" : "audio/mp4"));
		}
		return new Packaged(plan.method(), HlsPlaylists.master(plan, outputs, media), List.copyOf(outputs));
	}

	/** How far ffmpeg got: its last {@code out_time_us} against the duration the probe found. */
	private static int percent(Path progressFile, Long durationMillis) {
		if (durationMillis == null || durationMillis <= 0 || !Files.isRegularFile(progressFile)) {
			return 0;
		}
		try {
			long micros = 0;
			for (String line : Files.readAllLines(progressFile, StandardCharsets.UTF_8)) {
				if (line.startsWith("out_time_us=")) {
					try {
						micros = Math.max(micros, Long.parseLong(line.substring("out_time_us=".length()).strip()));
					}
					catch (NumberFormatException ex) {
						// "N/A" before the first frame is out.
					}
				}
			}
			return (int) Math.min(99, micros / 10 / durationMillis);
		}
		catch (IOException ex) {
			return 0;
		}
	}
}
