package io.reelgate.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Optional;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.api.ApiTokenService;
import io.reelgate.api.Scope;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each input that was seen to answer 500 (issue 17), now a form message or a 4xx, with nothing stored. */
@IntegrationTest
class HostileInputTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiTokenService tokens;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aNulInTheSearchIsA400PageOnTheWireAndInvalidUtf8IsNoError() throws Exception {
		HttpResponse<String> nul = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/?q=%00"))
			.header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(nul.statusCode()).isEqualTo(400);
		assertThat(nul.body()).contains("That request could not be read");
		HttpResponse<String> invalid = http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/?q=%C3%28%FF")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(invalid.statusCode()).isLessThan(500);
	}

	@Test
	void aNulInAFormFieldIsA400AndNothingIsSaved() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Before", "x".getBytes());
		mvc.perform(post("/studio/bundles/{id}", bundle).with(user(creator)).with(csrf())
			.param("title", "After\u0000").param("summary", "s").param("description", ""))
			.andExpect(status().isBadRequest());
		assertThat(title(bundle)).isEqualTo("Before");
		// Multipart text fields too (a gift message, a report, any form with a file).
		mvc.perform(post("/bundles/{id}/report", bundle).with(csrf()).param("category", "OTHER")
			.param("details", "bad\u0000").contentType(MediaType.MULTIPART_FORM_DATA))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aNulInAnApiJsonBodyIsA400Problem() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		String token = fixtures.as(creator, () -> tokens.create(creator.accountId(), "nul",
				EnumSet.of(Scope.BUNDLES_WRITE), Optional.empty())).secret();
		long bundles = count("bundles");
		mvc.perform(post("/api/v1/bundles").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"a\\u0000b\",\"summary\":\"s\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400));
		mvc.perform(get("/api/v1/bundles").param("q", "\u0000").header("Authorization", "Bearer " + token))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.status").value(400));
		assertThat(count("bundles")).isEqualTo(bundles);
	}

	@Test
	void aCopyrightReportWithoutItsClaimantFieldsIsAFormMessage() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Reported"), "x".getBytes());
		long reports = count("reports");
		mvc.perform(post("/bundles/{id}/report", bundle).with(csrf()).param("category", "COPYRIGHT")
			.param("details", "This is my film."))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "claimant", "work", "contact", "statement"));
		// A tick box sent with a value no form sends left no form to check: "null bean 'form'" and a 500.
		mvc.perform(post("/bundles/{id}/report", bundle).with(csrf()).param("category", "COPYRIGHT")
			.param("details", "Mine.").param("statement", "perhaps"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "statement"));
		mvc.perform(post("/bundles/{id}/report", bundle).with(csrf()).param("category", "NOT_A_CATEGORY")
			.param("statement", "perhaps"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "category"));
		assertThat(count("reports")).isEqualTo(reports);
	}

	@Test
	void aHugeDiscountCodeIsNotCopiedIntoTheRedirect() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Coded"), "x".getBytes(), "9.00", "USD");
		fixtures.payoutsReady(creator);
		long orders = count("orders");
		String location = mvc.perform(post("/checkout/{id}", bundle).with(user(fixtures.viewer())).with(csrf())
			.param("code", "A".repeat(9000)))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(location).isEqualTo("/bundles/" + bundle);
		assertThat(count("orders")).isEqualTo(orders);
	}

	@Test
	void aReleaseDateInYear999999999IsAFormMessage() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Far"), "x".getBytes());
		mvc.perform(post("/studio/bundles/{id}/release", bundle).with(user(creator)).with(csrf())
			.param("at", "+999999999-01-01T00:00").param("zone", "UTC"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", "release.tooFar"));
		assertThat(jdbc.sql("select count(*) from bundles where id = ? and release_at is not null")
			.param(bundle.value()).query(Long.class).single()).isZero();
	}

	@Test
	void aDiscountCodeValidUntilYear999999999IsAFormMessage() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		long codes = count("discount_codes");
		mvc.perform(post("/studio/discounts").with(user(creator)).with(csrf()).param("code", "FARAWAY")
			.param("kind", "PERCENT").param("value", "10").param("validUntil", "+999999999-01-01"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("error", "discount.expiry.tooFar"));
		assertThat(count("discount_codes")).isEqualTo(codes);
	}

	@Test
	void aFileFormPostedAsTextOrJsonIsA400() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Cover"), "x".getBytes());
		long blobs = count("bundle_files");
		for (MediaType type : new MediaType[] { MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON }) {
			mvc.perform(post("/studio/bundles/{id}/cover", bundle).with(user(creator)).with(csrf())
				.contentType(type).content("{\"cover\":\"x\"}"))
				.andExpect(status().isBadRequest());
			mvc.perform(post("/studio/bundles/{id}/files", bundle).with(user(creator)).with(csrf())
				.contentType(type).content("file=x"))
				.andExpect(status().isBadRequest());
		}
		assertThat(count("bundle_files")).isEqualTo(blobs);
	}

	@Test
	void aPageFarPastTheEndOfAnyListIsAnEmptyPage() throws Exception {
		AccountPrincipal admin = fixtures.admin();
		for (String list : new String[] { "/admin/bundles", "/admin/audit", "/admin/payments", "/admin/reviews" }) {
			mvc.perform(get(list).param("page", "99999999").with(user(admin))).andExpect(status().isOk());
		}
		mvc.perform(get("/").param("page", "2147483647")).andExpect(status().isOk());
		mvc.perform(get("/").param("q", "film").param("page", "99999999")).andExpect(status().isOk());
		mvc.perform(get("/studio/sales").param("page", "99999999").with(user(fixtures.creator())))
			.andExpect(status().isOk());
	}

	private String title(BundleId bundle) {
		return jdbc.sql("select title from bundles where id = ?").param(bundle.value()).query(String.class).single();
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}
}
