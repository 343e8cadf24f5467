package io.reelgate.torrents;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's BitTorrent clients (aria2c, transmission-cli, libtorrent through /usr/bin/python3) as test peers. */
final class TorrentClients {

	static final Duration TIMEOUT = Duration.ofSeconds(90);

	private TorrentClients() {
	}

	/** A client process with its output in a log file, killed (with its children) by {@link #close()}. */
	record Running(Process process, Path log) implements AutoCloseable {

		String output() throws IOException {
			return Files.exists(log) ? Files.readString(log) : "";
		}

		boolean waitFor(Duration timeout) throws InterruptedException {
			return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}

		@Override
		public void close() {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
	}

	static Running start(Path workDir, String name, List<String> command) throws IOException {
		Path log = workDir.resolve(name + ".log");
		Process process = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		return new Running(process, log);
	}

	static List<String> aria2c(Path torrent, Path dir) throws IOException {
		return List.of("aria2c", "--dir=" + dir, "--seed-time=0", "--enable-dht=false", "--enable-dht6=false",
				"--bt-enable-lpd=false", "--enable-peer-exchange=false", "--listen-port=" + freePort(),
				"--console-log-level=warn", "--summary-interval=0", "--allow-overwrite=true", "--check-certificate=false",
				torrent.toString());
	}

	/** transmission-cli seeds forever once done; the caller polls the files and closes it. */
	static List<String> transmission(Path torrent, Path dir, Path config) throws IOException {
		return List.of("transmission-cli", "--download-dir", dir.toString(), "--config-dir", config.toString(),
				"--port", String.valueOf(freePort()), "--no-portmap", "--no-downlimit", "--no-uplimit",
				torrent.toString());
	}

	static List<String> libtorrent(Path script, Path torrent, Path dir, int port, boolean seed) {
		List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString(), torrent.toString(),
				dir.toString(), String.valueOf(port), String.valueOf(TIMEOUT.toSeconds())));
		if (seed) {
			command.add("seed");
		}
		return command;
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static String sha256(Path file) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		try (var in = Files.newInputStream(file)) {
			byte[] buffer = new byte[1 << 16];
			for (int n; (n = in.read(buffer)) > 0;) {
				digest.update(buffer, 0, n);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}
}
