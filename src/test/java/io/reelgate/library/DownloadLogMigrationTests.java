package io.reelgate.library;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Downloads logged row by row before V6 are kept as download activity when V22 drops the old table. */
class DownloadLogMigrationTests {

	private static final Instant MORNING = Instant.parse("2025-03-01T09:00:00Z");

	@Test
	void oldDownloadRowsAreFoldedIntoTheActivityOfTheirDayAndTheOldTableGoes() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			var dataSource = postgres.getPostgresDatabase();
			Flyway.configure().dataSource(dataSource).target("21").load().migrate();
			JdbcClient jdbc = JdbcClient.create(dataSource);
			UUID creator = account(jdbc, "creator@example.test");
			UUID buyer = account(jdbc, "buyer@example.test");
			UUID bundle = UUID.randomUUID();
			jdbc.sql("""
					insert into bundles (id, owner_id, creator_name, title, summary, description, status, gate,
					    created_at, version)
					values (?, ?, 'Creator', 'Film', 'A film', '', 'PUBLISHED', 'FREE', now(), 0)
					""").params(bundle, creator).update();
			UUID file = UUID.randomUUID();
			jdbc.sql("""
					insert into bundle_files (id, bundle_id, position, display_name, content_type, size_bytes, sha256,
					    storage_key, created_at)
					values (?, ?, 0, 'film.mp4', 'video/mp4', 100, ?, 'ab/cd/film', now())
					""").params(file, bundle, "a".repeat(64)).update();
			for (int minutes : List.of(0, 30, 90)) {
				log(jdbc, buyer, file, bundle, "203.0.113.1", minutes == 30 ? "bytes=0-9" : null, minutes);
			}
			log(jdbc, buyer, file, bundle, "203.0.113.2", null, 60);
			// A row V6 already recorded the same day from the same address (a download signed in, after V6).
			jdbc.sql("""
					insert into download_activity (file_id, account_id, link_expires_at, client_ip, day, bundle_id,
					    requests, range_requests, bytes_served, first_at, last_at)
					values (?, ?, timestamptz '1970-01-01 00:00:00+00', '203.0.113.1', date '2025-03-01', ?, 2, 1, 500,
					    ?, ?)
					""").params(file, buyer, bundle, at(45), at(600)).update();

			Flyway.configure().dataSource(dataSource).load().migrate();

			assertThat(jdbc.sql("select to_regclass('download_log') is null").query(Boolean.class).single()).isTrue();
			assertThat(activity(jdbc, "203.0.113.1")).isEqualTo(new Activity(5, 2, 500, at(0), at(600)));
			assertThat(activity(jdbc, "203.0.113.2")).isEqualTo(new Activity(1, 0, 0, at(60), at(60)));
			// The files of a deleted creator can go now: nothing but cascading activity points at them.
			assertThat(jdbc.sql("delete from bundle_files where id = ?").param(file).update()).isEqualTo(1);
		}
	}

	private static UUID account(JdbcClient jdbc, String email) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into accounts (id, email, display_name, password_hash, role, created_at, version)
				values (?, ?, 'Someone', '{noop}x', 'CREATOR', now(), 0)
				""").params(id, email).update();
		return id;
	}

	private static void log(JdbcClient jdbc, UUID account, UUID file, UUID bundle, String ip, String range,
			int minutes) {
		jdbc.sql("""
				insert into download_log (id, account_id, file_id, bundle_id, client_ip, range_header, downloaded_at)
				values (?, ?, ?, ?, ?, ?, ?)
				""").params(UUID.randomUUID(), account, file, bundle, ip, range, at(minutes)).update();
	}

	private static Activity activity(JdbcClient jdbc, String ip) {
		return jdbc.sql("""
				select requests, range_requests, bytes_served, first_at, last_at from download_activity
				where client_ip = ? and day = date '2025-03-01'
				""").param(ip)
			.query((rs, n) -> new Activity(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getTimestamp(4),
					rs.getTimestamp(5)))
			.single();
	}

	private static Timestamp at(int minutes) {
		return Timestamp.from(MORNING.plusSeconds(minutes * 60L));
	}

	private record Activity(int requests, int rangeRequests, long bytes, Timestamp first, Timestamp last) {
	}
}
