package io.reelgate.uploads;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.Catalog;
import io.reelgate.cluster.ClusterInstance;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An upload whose writer's instance was killed (kill -9, a crashed machine): its lease names that instance, and once
 * the instance stopped beating the lease no longer blocks, however long it had to run. Until then a client is told
 * to retry (503 with Retry-After), never given a 4xx that tus clients treat as final.
 */
@IntegrationTest
class LeaseTakeoverTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Catalog catalog;

	@Autowired
	ClusterInstance instance;

	@Test
	void aLeaseOfAnInstanceThatStoppedBeatingIsTakenOverAtOnce() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Taken over", bytes(10, 1));
		byte[] film = bytes(600_000, 2);
		String location = create(creator, bundle, film.length);
		patch(creator, location, 0, Arrays.copyOfRange(film, 0, 200_000)).andExpect(status().isNoContent());
		// The instance was killed while writing: its lease had most of an hour to run, its last beat was long ago.
		UUID killed = instanceLastSeen(120);
		holdLease(location, killed);

		patch(creator, location, 200_000, Arrays.copyOfRange(film, 200_000, film.length))
			.andExpect(status().isNoContent())
			.andExpect(header().string("Upload-Offset", String.valueOf(film.length)));
		assertThat(catalog.editable(creator.accountId(), bundle).files())
			.anySatisfy(file -> assertThat(file.sha256()).isEqualTo(sha256(film)));
	}

	@Test
	void aLeaseOfARunningInstanceIsAnsweredWithARetryUntilThatInstanceIsGone() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Held elsewhere", bytes(10, 3));
		byte[] film = bytes(300_000, 4);
		String location = create(creator, bundle, film.length);
		UUID other = instanceLastSeen(0);
		holdLease(location, other);

		patch(creator, location, 0, film).andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(header().string("Tus-Resumable", "1.0.0"));
		assertThat(offsetOf(location)).isZero();

		jdbc.sql("UPDATE cluster_instances SET heartbeat_at = now() - interval '2 minutes' WHERE id = ?")
			.param(other).update();
		patch(creator, location, 0, film).andExpect(status().isNoContent());
	}

	@Test
	void aLeaseOfThisInstanceBlocksOtherRequestsAndATerminationUntilItIsGivenBack() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Held here", bytes(10, 5));
		String location = create(creator, bundle, 1000);
		holdLease(location, instance.id());

		patch(creator, location, 0, bytes(1000, 6)).andExpect(status().isServiceUnavailable());
		mvc.perform(request(HttpMethod.DELETE, location).with(user(creator)).with(csrf().asHeader())
			.header("Tus-Resumable", "1.0.0")).andExpect(status().isConflict());
		assertThat(offsetOf(location)).isZero();
	}

	private UUID instanceLastSeen(int secondsAgo) {
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO cluster_instances (id, host, pid, started_at, heartbeat_at) "
				+ "VALUES (?, 'elsewhere', 1, now() - interval '1 hour', now() - make_interval(secs => ?))")
			.params(id, secondsAgo)
			.update();
		return id;
	}

	private void holdLease(String location, UUID holder) {
		jdbc.sql("UPDATE upload_sessions SET lease_token = ?, lease_until = ?, lease_instance = ? WHERE id = ?")
			.params(UUID.randomUUID(), Timestamp.from(Instant.now().plusSeconds(3000)), holder, idOf(location))
			.update();
	}

	private long offsetOf(String location) {
		return jdbc.sql("SELECT upload_offset FROM upload_sessions WHERE id = ?").param(idOf(location))
			.query(Long.class).single();
	}

	private String create(AccountPrincipal creator, BundleId bundle, long length) throws Exception {
		return mvc.perform(request(HttpMethod.POST, "/studio/uploads").with(user(creator)).with(csrf().asHeader())
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", Long.toString(length))
			.header("Upload-Metadata", "bundle " + b64(bundle.toString()) + ",filename " + b64("film.mp4")))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getHeader("Location");
	}

	private ResultActions patch(AccountPrincipal creator, String location, long offset, byte[] chunk)
			throws Exception {
		return mvc.perform(request(HttpMethod.PATCH, location).with(user(creator)).with(csrf().asHeader())
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Offset", Long.toString(offset))
			.contentType("application/offset+octet-stream")
			.content(chunk));
	}

	private static UUID idOf(String location) {
		return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

	private static String b64(String value) {
		return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] bytes(int length, long seed) {
		byte[] bytes = new byte[length];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}
}
