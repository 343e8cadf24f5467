package io.reelgate.database;

import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Run as a process of its own by {@link EmbeddedPostgresTests}: starts the embedded server on the data directory
 * given as the argument as the application does, writes a row, says so, and waits to be killed.
 */
public final class KilledApplication {

	private KilledApplication() {
	}

	public static void main(String[] arguments) throws Exception {
		EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();
		EmbeddedPostgres postgres = configuration.embeddedPostgres(new EmbeddedPostgresProperties(arguments[0], 0));
		JdbcClient.create(postgres.getPostgresDatabase()).sql("CREATE TABLE kept AS SELECT 'written before the kill' AS note")
			.update();
		System.out.println("ready " + Path.of(arguments[0]));
		Thread.sleep(Long.MAX_VALUE);
	}
}
