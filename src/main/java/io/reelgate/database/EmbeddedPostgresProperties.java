package io.reelgate.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The PostgreSQL server Reelgate starts itself when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the database files live; blank means a throw-away temporary directory (tests)
 * @param port the port to listen on (loopback only); 0 picks a free one
 */
@ConfigurationProperties("reelgate.embedded-postgres")
record EmbeddedPostgresProperties(@DefaultValue("./data/postgres") String dataDirectory, @DefaultValue("54329") int port) {

	boolean persistent() {
		return dataDirectory != null && !dataDirectory.isBlank();
	}

	Path dataPath() {
		return Path.of(dataDirectory).toAbsolutePath().normalize();
	}
}
