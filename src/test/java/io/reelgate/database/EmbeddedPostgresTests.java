package io.reelgate.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class EmbeddedPostgresTests {

	private final EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();

	@Test
	void dataSurvivesARestartInTheSameDataDirectory(@TempDir Path data) throws Exception {
		EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(data.resolve("pg").toString(), 0);

		try (EmbeddedPostgres first = configuration.embeddedPostgres(properties)) {
			DataSource dataSource = configuration.dataSource(first);
			JdbcClient jdbc = JdbcClient.create(dataSource);
			jdbc.sql("create table kept (name text)").update();
			jdbc.sql("insert into kept values ('still here')").update();
			((HikariDataSource) dataSource).close();
		}

		try (EmbeddedPostgres second = configuration.embeddedPostgres(properties)) {
			DataSource dataSource = configuration.dataSource(second);
			assertThat(JdbcClient.create(dataSource).sql("select name from kept").query(String.class).single())
				.isEqualTo("still here");
			((HikariDataSource) dataSource).close();
		}
	}

	@Test
	void thePoolTakesSpringDatasourceHikariSettingsAsAServersPoolDoes(@TempDir Path data) {
		new ApplicationContextRunner().withUserConfiguration(WithProperties.class)
			.withPropertyValues("reelgate.embedded-postgres.data-directory=" + data.resolve("pg"),
					"reelgate.embedded-postgres.port=0", "spring.datasource.hikari.maximum-pool-size=3",
					"spring.datasource.hikari.connection-timeout=7000")
			.run(context -> {
				HikariDataSource pool = context.getBean(HikariDataSource.class);
				assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
				assertThat(pool.getConnectionTimeout()).isEqualTo(7000);
				assertThat(pool.getPoolName()).isEqualTo("embedded-postgres");
				assertThat(JdbcClient.create(pool).sql("select 1").query(Integer.class).single()).isEqualTo(1);
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
	@Import(EmbeddedPostgresConfiguration.class)
	static class WithProperties {
	}

	@Test
	void aServerLeftRunningByAKilledApplicationIsStoppedBeforeTheNextStartAndOneInUseIsNot(@TempDir Path data)
			throws Exception {
		Path directory = data.resolve("pg");
		EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(directory.toString(), 0);
		Process application = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), KilledApplication.class.getName(), directory.toString())
			.redirectErrorStream(true)
			.redirectOutput(data.resolve("application.log").toFile())
			.start();
		try {
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
			while (!Files.readString(data.resolve("application.log")).contains("\nready ")) {
				assertThat(application.isAlive()).as("the application runs").isTrue();
				assertThat(System.nanoTime()).as("the application started its server").isLessThan(deadline);
				Thread.sleep(100);
			}
			long server = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).strip());

			// While its application lives, the server is its own: a second start is refused and leaves it alone.
			assertThatThrownBy(() -> configuration.embeddedPostgres(properties)).hasMessageContaining("lock");
			assertThat(ProcessHandle.of(server)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

			application.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			assertThat(ProcessHandle.of(server)).as("kill -9 of the application leaves its server running")
				.hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

			try (EmbeddedPostgres next = configuration.embeddedPostgres(properties)) {
				assertThat(ProcessHandle.of(server)).as("the left-over server was stopped")
					.satisfiesAnyOf(p -> assertThat(p).isEmpty(), p -> assertThat(p.get().isAlive()).isFalse());
				assertThat(Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).strip()))
					.isNotEqualTo(server);
				assertThat(JdbcClient.create(next.getPostgresDatabase()).sql("select note from kept")
					.query(String.class).single()).isEqualTo("written before the kill");
			}
		}
		finally {
			application.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			// Whatever happened above, no server may outlive the test.
			LeftoverServer.stopIfLeftOver(directory);
		}
	}

	@Test
	void startsOnlyWhenNoDatasourceUrlIsConfigured() {
		NoDatasourceUrlCondition condition = new NoDatasourceUrlCondition();
		assertThat(matches(condition, new MockEnvironment())).isTrue();
		assertThat(matches(condition, new MockEnvironment().withProperty("spring.datasource.url", " "))).isTrue();
		assertThat(matches(condition,
				new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/reelgate")))
			.isFalse();
	}

	private static boolean matches(NoDatasourceUrlCondition condition, MockEnvironment environment) {
		ConditionContext context = mock(ConditionContext.class);
		when(context.getEnvironment()).thenReturn(environment);
		return condition.matches(context, null);
	}
}
