package io.reelgate.accounts;

import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A database with accounts from before verification existed keeps them usable: nobody is locked out by V12. */
class VerificationMigrationTests {

	@Test
	void accountsThatExistedBeforeVerificationCountAsVerified() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			var dataSource = postgres.getPostgresDatabase();
			Flyway.configure().dataSource(dataSource).target("11").load().migrate();
			JdbcClient jdbc = JdbcClient.create(dataSource);
			UUID existing = UUID.randomUUID();
			jdbc.sql("""
					insert into accounts (id, email, display_name, password_hash, role, created_at, version)
					values (?, 'old@example.test', 'Old', '{noop}x', 'CREATOR', now() - interval '1 year', 0)
					""").param(existing).update();

			Flyway.configure().dataSource(dataSource).load().migrate();

			assertThat(jdbc.sql("select email_verified_at is not null from accounts where id = ?").param(existing)
				.query(Boolean.class).single()).isTrue();
			assertThat(jdbc.sql("select deleted_at is null from accounts where id = ?").param(existing)
				.query(Boolean.class).single()).isTrue();
		}
	}
}
