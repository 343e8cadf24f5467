package io.reelgate.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This running instance, as the other instances see it: a row in {@code cluster_instances} whose heartbeat it
 * renews every {@code reelgate.cluster.heartbeat-interval}, on a thread of its own so that a long scheduled job
 * cannot delay it. An instance killed without warning stops beating; once its heartbeat is older than
 * {@code reelgate.cluster.instance-timeout} the others treat it as gone. One that stops normally deletes its row,
 * after the web server has finished its requests. The database's clock decides, so clocks that drift do not matter.
 */
@Component
public class ClusterInstance implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ClusterInstance.class);

	private final UUID id = UUID.randomUUID();

	private final JdbcClient jdbc;

	private final ClusterProperties properties;

	private volatile ScheduledExecutorService heartbeats;

	/** {@link System#nanoTime()} when the last heartbeat that reached the database was sent. */
	private volatile long lastBeat;

	ClusterInstance(JdbcClient jdbc, ClusterProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	public UUID id() {
		return id;
	}

	/**
	 * Whether the others still count this instance as running. False once its last heartbeat is so old that they
	 * may already have taken over what it holds: then it must not go on writing as the holder.
	 */
	public boolean alive() {
		long age = System.nanoTime() - lastBeat;
		return heartbeats != null
				&& age < properties.instanceTimeout().minus(properties.heartbeatInterval()).toNanos();
	}

	/** The instances, this one included, whose heartbeat is recent enough to count them as running. */
	public List<UUID> running() {
		return jdbc.sql("SELECT id FROM cluster_instances WHERE heartbeat_at > now() - make_interval(secs => ?)")
			.param(properties.instanceTimeout().toMillis() / 1000.0)
			.query(UUID.class)
			.list();
	}

	@Override
	public void start() {
		// Rows of instances that stopped beating long ago say nothing any more.
		jdbc.sql("DELETE FROM cluster_instances WHERE heartbeat_at < now() - interval '1 day'").update();
		beat();
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "cluster-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		long interval = properties.heartbeatInterval().toMillis();
		executor.scheduleWithFixedDelay(this::beatSafely, interval, interval, TimeUnit.MILLISECONDS);
		heartbeats = executor;
		log.info("Cluster instance {} on {} (pid {}) beats every {}", id, host(), pid(),
				properties.heartbeatInterval());
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = heartbeats;
		heartbeats = null;
		if (executor != null) {
			executor.shutdownNow();
		}
		jdbc.sql("DELETE FROM cluster_instances WHERE id = ?").param(id).update();
	}

	@Override
	public boolean isRunning() {
		return heartbeats != null;
	}

	/** Starts before the web server takes requests and stops after it has finished them. */
	@Override
	public int getPhase() {
		return 0;
	}

	private void beatSafely() {
		try {
			beat();
		}
		catch (RuntimeException ex) {
			// A failed beat must not end the schedule: the next one may reach the database again.
			log.warn("Heartbeat of cluster instance {} failed: {}", id, ex.getMessage());
		}
	}

	private void beat() {
		long sent = System.nanoTime();
		if (jdbc.sql("UPDATE cluster_instances SET heartbeat_at = now() WHERE id = ?").param(id).update() == 0) {
			jdbc.sql("INSERT INTO cluster_instances (id, host, pid, started_at, heartbeat_at) "
					+ "VALUES (?, ?, ?, now(), now())")
				.params(id, host(), pid())
				.update();
		}
		lastBeat = sent;
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown";
		}
	}

	private static long pid() {
		return ProcessHandle.current().pid();
	}
}
