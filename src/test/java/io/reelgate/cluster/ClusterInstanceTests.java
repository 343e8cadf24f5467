package io.reelgate.cluster;

import java.time.Duration;
import java.util.UUID;

import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class ClusterInstanceTests {

	@Autowired
	ClusterInstance instance;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRunningInstanceBeatsWithItsHostAndPid() throws Exception {
		assertThat(instance.alive()).isTrue();
		assertThat(instance.running()).contains(instance.id());
		assertThat(jdbc.sql("SELECT pid FROM cluster_instances WHERE id = ?").param(instance.id())
			.query(Long.class).single()).isEqualTo(ProcessHandle.current().pid());
	}

	@Test
	void anInstanceThatStoppedBeatingIsNoLongerRunningAndOneThatStoppedIsGone() throws Exception {
		ClusterInstance other = new ClusterInstance(jdbc, new ClusterProperties(Duration.ofMillis(200),
				Duration.ofSeconds(1)));
		assertThat(other.alive()).as("not before it has beaten").isFalse();
		other.start();
		assertThat(instance.running()).contains(other.id());
		Thread.sleep(700);
		assertThat(other.alive()).as("its beats reach the database").isTrue();

		UUID vanished = UUID.randomUUID();
		jdbc.sql("INSERT INTO cluster_instances (id, host, pid, started_at, heartbeat_at) "
				+ "VALUES (?, 'elsewhere', 1, now(), now() - interval '2 minutes')")
			.param(vanished)
			.update();
		assertThat(instance.running()).doesNotContain(vanished);

		other.stop();
		assertThat(other.alive()).isFalse();
		assertThat(instance.running()).doesNotContain(other.id());
		assertThat(jdbc.sql("SELECT count(*) FROM cluster_instances WHERE id = ?").param(other.id())
			.query(Long.class).single()).isZero();
	}

	@Test
	void refusesATimeoutShorterThanTwoHeartbeats() {
		assertThatThrownBy(() -> new ClusterProperties(Duration.ofSeconds(2), Duration.ofSeconds(3)))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
