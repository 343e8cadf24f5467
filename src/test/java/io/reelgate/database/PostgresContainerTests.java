package io.reelgate.database;

import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.Role;
import io.reelgate.accounts.SignUp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same schema and services against a PostgreSQL 17 server in a container, as production runs it (an external
 * server, no embedded one). Runs only where a Docker engine is available; the embedded server covers the rest.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest
@ActiveProfiles("test")
class PostgresContainerTests {

	@Container
	static PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");

	/** Configured the way operators do it, through spring.datasource.*, which also keeps the embedded server off. */
	@DynamicPropertySource
	static void datasource(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", postgres::getJdbcUrl);
		registry.add("spring.datasource.username", postgres::getUsername);
		registry.add("spring.datasource.password", postgres::getPassword);
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void migratesAnExternalServerAndWorksOnIt() {
		assertThat(context.getBeanProvider(EmbeddedPostgres.class).getIfAvailable()).isNull();
		accounts.signUp(new SignUp("container@example.test", "Container", "a-long-enough-password", Role.VIEWER));
		assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
			.isGreaterThanOrEqualTo(2);
		assertThat(jdbc.sql("select current_setting('server_version_num')::int / 10000").query(Integer.class).single())
			.isEqualTo(17);
		assertThat(accounts.findByEmail("container@example.test")).isPresent();
	}
}
