package io.reelgate.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server that an application killed without warning (kill -9, OOM killer) left running on the data
 * directory: its postmaster is still alive, and a new start would find {@code postmaster.pid} taken. It is stopped
 * before the new start, the way PostgreSQL is meant to be stopped (SIGTERM, a clean shutdown), so that the new
 * server starts on a consistent directory. A server whose application is still alive is never touched: that
 * application holds the embedded library's lock file ({@code epg-lock}) in the directory, which the kernel lets go
 * only when the process ends.
 */
final class LeftoverServer {

	private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);

	private static final Duration SHUTDOWN = Duration.ofSeconds(30);

	private LeftoverServer() {
	}

	/** Stops the server left running on {@code dataDirectory}, if any; returns whether there was one. */
	static boolean stopIfLeftOver(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(dataDirectory.resolve("epg-lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock owner = channel.tryLock()) {
			if (owner == null) {
				// A live application runs this server; the embedded library refuses a second one itself.
				return false;
			}
			Optional<ProcessHandle> server = postmaster(pidFile, dataDirectory);
			if (server.isEmpty()) {
				// A stale postmaster.pid of a dead server: PostgreSQL checks and replaces it on start.
				return false;
			}
			stop(server.get(), dataDirectory);
			return true;
		}
		catch (OverlappingFileLockException ex) {
			// This very process runs a server on the directory.
			return false;
		}
	}

	/** The live postmaster that {@code postmaster.pid} names, if that process is PostgreSQL on this directory. */
	private static Optional<ProcessHandle> postmaster(Path pidFile, Path dataDirectory) throws IOException {
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.size() < 2 || !lines.get(0).strip().matches("[0-9]{1,10}")
				|| !Path.of(lines.get(1).strip()).toAbsolutePath().normalize().equals(dataDirectory)) {
			return Optional.empty();
		}
		// The pid may have been reused by an unrelated process since: only a postgres program counts.
		return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
			.filter(ProcessHandle::isAlive)
			.filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false));
	}

	private static void stop(ProcessHandle server, Path dataDirectory) throws IOException {
		log.warn("A PostgreSQL server (pid {}) was left running on {} by an application that did not stop; "
				+ "stopping it before starting a new one", server.pid(), dataDirectory);
		// SIGTERM: PostgreSQL's smart shutdown, which the dead application's sessions no longer hold up.
		server.destroy();
		try {
			server.onExit().get(SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			log.warn("PostgreSQL (pid {}) did not stop within {}; killing it (it recovers from its log on start)",
					server.pid(), SHUTDOWN);
			server.destroyForcibly();
			server.onExit().join();
		}
		catch (ExecutionException ex) {
			throw new IOException("Could not wait for PostgreSQL (pid " + server.pid() + ") to stop", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while stopping PostgreSQL (pid " + server.pid() + ")", ex);
		}
	}
}
