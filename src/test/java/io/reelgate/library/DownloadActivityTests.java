package io.reelgate.library;

import java.util.Map;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.FileView;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class DownloadActivityTests {

	private static final byte[] FILM = new byte[1000];

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	DownloadLinks links;

	@Autowired
	JdbcClient jdbc;

	private AccountPrincipal creator;

	private AccountPrincipal buyer;

	private BundleId bundle;

	private FileView file;

	@BeforeEach
	void aBuyerGotABundle() throws Exception {
		creator = fixtures.creator();
		buyer = fixtures.viewer();
		bundle = fixtures.draft(creator, Fixtures.unique("Watched"), "poster".getBytes());
		file = fixtures.addFile(creator, bundle, "film.mp4", FILM);
		fixtures.publish(creator, bundle);
		mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf()));
	}

	@Test
	void aSeekingPlayersRangeRequestsAddUpInOneRow() throws Exception {
		String link = links.pathFor(file.id(), buyer.accountId(), file.name());
		mvc.perform(get(link)).andExpect(status().isOk());
		for (int i = 0; i < 20; i++) {
			mvc.perform(get(link).header(HttpHeaders.RANGE, "bytes=" + (i * 50) + "-" + (i * 50 + 9)))
				.andExpect(status().isPartialContent());
		}
		mvc.perform(head(link)).andExpect(status().isOk());

		Map<String, Object> row = jdbc.sql("select * from download_activity where file_id = ?")
			.param(file.id().value())
			.query()
			.singleRow();
		assertThat(row).containsEntry("requests", 21).containsEntry("range_requests", 20)
			.containsEntry("bytes_served", 1000L + 20 * 10);
	}

	@Test
	void creatorsSeeDownloadsPerBundleCountingEachBuyerAndFileOnce() throws Exception {
		String link = links.pathFor(file.id(), buyer.accountId(), file.name());
		mvc.perform(get(link).header(HttpHeaders.RANGE, "bytes=0-99"));
		mvc.perform(get(link).header(HttpHeaders.RANGE, "bytes=100-"));
		mvc.perform(get("/downloads/{id}", file.id()).with(user(buyer)));
		mvc.perform(get(link).with(from("192.0.2.1")));

		String dashboard = mvc.perform(get("/studio").with(user(creator))).andReturn().getResponse()
			.getContentAsString();
		// The downloads cell is the last number before the actions cell.
		assertThat(dashboard).containsPattern("<td class=\"text-end\">1</td>\\s*<td class=\"text-nowrap\">");
	}

	@Test
	void adminsSeeALinkUsedFromManyAddresses() throws Exception {
		String link = links.pathFor(file.id(), buyer.accountId(), file.name());
		for (int i = 1; i <= 4; i++) {
			mvc.perform(get(link).with(from("198.51.100." + i))).andExpect(status().isOk());
		}
		AccountPrincipal quiet = fixtures.viewer();
		mvc.perform(post("/checkout/{id}", bundle).with(user(quiet)).with(csrf()));
		mvc.perform(get(links.pathFor(file.id(), quiet.accountId(), file.name())).with(from("198.51.100.9")));

		AccountPrincipal admin = fixtures.admin();
		mvc.perform(get("/admin/downloads").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(buyer.getUsername())))
			.andExpect(content().string(not(containsString(quiet.getUsername()))));
		mvc.perform(get("/admin/downloads").param("minAddresses", "5").with(user(admin)))
			.andExpect(content().string(not(containsString(buyer.getUsername()))));
		mvc.perform(get("/admin/downloads").with(user(creator))).andExpect(status().isForbidden());
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}
}
