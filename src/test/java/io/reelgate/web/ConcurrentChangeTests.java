package io.reelgate.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.api.ApiTokenService;
import io.reelgate.api.Scope;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Two changes of one bundle at the same moment (two tabs, the creator and the API, an admin hiding it): the row
 * changes under the request between its read and its write, which the bundle's version catches. The request that
 * lost is told so, nothing of it is stored, and it is never a 500. The race is made on PostgreSQL itself: another
 * transaction updates the row first and commits only once the request waits for its lock.
 */
@IntegrationTest
class ConcurrentChangeTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	ApiTokenService tokens;

	private final ExecutorService requests = Executors.newSingleThreadExecutor();

	private AccountPrincipal creator;

	private BundleId bundle;

	private String title;

	@BeforeEach
	void aDraft() {
		creator = fixtures.creator();
		title = Fixtures.unique("Raced");
		bundle = fixtures.draft(creator, title, "poster".getBytes(), "7.00", "USD");
	}

	@AfterEach
	void stopRequests() {
		requests.shutdownNow();
	}

	@Test
	void aFormSavedWhileTheBundleChangesIsSentBackWithAMessageAndNothingOfItIsStored() throws Exception {
		MvcResult result = racedWithAnotherChange(post("/studio/bundles/{id}", bundle.value())
			.with(user(creator))
			.with(csrf())
			.param("title", "Lost update")
			.param("summary", "Written at the same moment"));

		MockHttpServletResponse response = result.getResponse();
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(result.getFlashMap().get("error")).isEqualTo("error.concurrentChange");
		assertThat(response.getRedirectedUrl()).isEqualTo("/studio/bundles/" + bundle.value());
		assertThat(storedTitle()).isEqualTo(title);
	}

	@Test
	void anApiChangeMadeWhileTheBundleChangesIsA409ProblemAndNothingOfItIsStored() throws Exception {
		String token = fixtures.as(creator, () -> tokens.create(creator.accountId(), "race",
				EnumSet.allOf(Scope.class), Optional.empty())).secret();
		MockHttpServletResponse response = racedWithAnotherChange(put("/api/v1/bundles/{id}", bundle.value())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Lost update\",\"summary\":\"Written at the same moment\"}")).getResponse();

		assertThat(response.getStatus()).isEqualTo(409);
		assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(response.getContentAsString()).contains("\"code\":\"error.concurrentChange\"");
		assertThat(storedTitle()).isEqualTo(title);
	}

	@Test
	void aHideRacingAnotherChangeIsTheConflictPageAndTheBundleStaysUp() throws Exception {
		fixtures.addFile(creator, bundle, "film.txt", "bytes".getBytes());
		fixtures.publish(creator, bundle);

		MockHttpServletResponse response = racedWithAnotherChange(post("/admin/bundles/{id}/hide", bundle.value())
			.with(user(fixtures.admin()))
			.with(csrf())
			.param("reason", "Hidden at the same moment")).getResponse();

		assertThat(response.getStatus()).isEqualTo(409);
		assertThat(jdbc.sql("SELECT hidden_at IS NULL FROM bundles WHERE id = ?").param(bundle.value())
			.query(Boolean.class).single()).isTrue();
		// What the servlet container's error dispatch then shows for the 409.
		String page = mvc.perform(get("/error").with(user(fixtures.admin())).accept(MediaType.TEXT_HTML)
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 409)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/admin/bundles/" + bundle.value() + "/hide"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Changed at the same moment", "nothing of your change was saved");
	}

	/** Sends {@code request} while another transaction holds the bundle's row, changed, and commits it meanwhile. */
	private MvcResult racedWithAnotherChange(RequestBuilder request) throws Exception {
		try (Connection other = dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (PreparedStatement change = other.prepareStatement(
					"UPDATE bundles SET version = version + 1 WHERE id = ?")) {
				change.setObject(1, bundle.value());
				assertThat(change.executeUpdate()).isEqualTo(1);
			}
			Future<MvcResult> sent = requests.submit(() -> mvc.perform(request).andReturn());
			awaitABackendWaitingForARowLock();
			other.commit();
			return sent.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		}
	}

	private void awaitABackendWaitingForARowLock() {
		await("the request reached the bundle's row").atMost(WAIT)
			.until(() -> jdbc.sql("""
					SELECT count(*) FROM pg_stat_activity
					WHERE wait_event_type = 'Lock' AND query ILIKE 'update bundles%'""")
				.query(Long.class)
				.single() > 0);
	}

	private String storedTitle() {
		return jdbc.sql("SELECT title FROM bundles WHERE id = ?").param(bundle.value()).query(String.class).single();
	}
}
