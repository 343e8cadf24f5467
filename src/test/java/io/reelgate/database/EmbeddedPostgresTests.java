package io.reelgate.database;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.annotation.ConditionContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
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
