package io.reelgate.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class OperationsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	LockProvider locks;

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Autowired
	@Qualifier("storage")
	HealthIndicator storage;

	@Test
	void probesAnswerAnyoneAndReadinessIncludesTheDatabase() throws Exception {
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/health/readiness").with(remote("203.0.113.9")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		assertThat(storage.health(true)).satisfies(health -> assertThat(health.getStatus().getCode()).isEqualTo("UP"));
	}

	@Test
	void metricsAreForLoopbackOnlyByDefaultAndCountOrders() throws Exception {
		var viewer = fixtures.viewer();
		var bundle = fixtures.published(fixtures.creator(), Fixtures.unique("Metered"), "x".getBytes(), "2.00", "USD");
		String payPage = mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(payPage + "/pay").with(user(viewer)).with(csrf()));

		mvc.perform(get("/actuator/prometheus").with(remote("127.0.0.1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("reelgate_orders_total{")))
			.andExpect(content().string(containsString("outcome=\"paid\"")))
			.andExpect(content().string(containsString("http_server_requests_seconds")));
		mvc.perform(get("/actuator/prometheus").with(remote("203.0.113.9"))).andExpect(status().isForbidden());
		for (String privateAddress : new String[] { "10.1.2.3", "172.16.0.5", "192.168.1.20", "fd00::1" }) {
			mvc.perform(get("/actuator/prometheus").with(remote(privateAddress))).andExpect(status().isForbidden());
		}
		mvc.perform(get("/actuator/prometheus").with(remote("::1"))).andExpect(status().isOk());
		mvc.perform(get("/actuator/env").with(user(fixtures.admin()))).andExpect(status().isNotFound());
	}

	@Test
	void scheduledJobRunsAreMeasured() throws Exception {
		context.getBeansOfType(ScheduledTaskHolder.class).values().stream()
			.flatMap(holder -> holder.getScheduledTasks().stream())
			.filter(task -> task.getTask().toString().endsWith(".removeExpiredBuckets"))
			.findFirst().orElseThrow()
			.getTask().getRunnable().run();

		mvc.perform(get("/actuator/prometheus").with(remote("127.0.0.1")))
			.andExpect(content().string(containsString("tasks_scheduled_execution_seconds_count{")))
			.andExpect(content().string(containsString("code_function=\"removeExpiredBuckets\"")))
			.andExpect(content().string(containsString("reelgate_uploads_in_flight")))
			.andExpect(content().string(containsString("reelgate_downloads_bytes_served_total")));
	}

	@Test
	void everyResponseCarriesARequestIdAndKeepsASaneIncomingOne() throws Exception {
		mvc.perform(get("/")).andExpect(header().string("X-Request-Id", matchesPattern("[0-9a-f-]{36}")));
		mvc.perform(get("/").header("X-Request-Id", "lb-1234567890"))
			.andExpect(header().string("X-Request-Id", "lb-1234567890"));
		mvc.perform(get("/").header("X-Request-Id", "evil\r\nSet-Cookie: x=1"))
			.andExpect(header().string("X-Request-Id", matchesPattern("[0-9a-f-]{36}")));
	}

	@Test
	void aSchedulerLockHeldByOneInstanceKeepsTheJobOffTheOthers() {
		LockProvider otherInstance = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName("shedlock").usingDbTime().build());
		String job = Fixtures.unique("job");
		LockConfiguration config = new LockConfiguration(Instant.now(), job, Duration.ofMinutes(5), Duration.ZERO);

		Optional<SimpleLock> held = locks.lock(config);
		assertThat(held).isPresent();
		assertThat(otherInstance.lock(config)).isEmpty();
		held.get().unlock();
		Optional<SimpleLock> next = otherInstance.lock(config);
		assertThat(next).isPresent();
		next.get().unlock();
	}

	private static RequestPostProcessor remote(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}
}
