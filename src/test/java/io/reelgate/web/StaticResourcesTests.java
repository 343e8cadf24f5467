package io.reelgate.web;

import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesRegex;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Static files are served from /css, /js, /img and /webjars; pages link WebJars by their versioned, content-hashed path. */
@IntegrationTest
class StaticResourcesTests {

	@Autowired
	MockMvc mvc;

	@Test
	void stylesheetsScriptsAndWebJarsAreServed() throws Exception {
		mvc.perform(get("/css/reelgate.css")).andExpect(status().isOk());
		mvc.perform(get("/js/upload.js")).andExpect(status().isOk());
		mvc.perform(get("/js/vendor/tus-js-client/tus.min.js")).andExpect(status().isOk());
		mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk());
	}

	@Test
	void pagesLinkWebJarsByTheirVersionedContentHashedPath() throws Exception {
		mvc.perform(get("/"))
			.andExpect(content().string(matchesRegex("(?s).*href=\"/webjars/bootstrap/\\d[^/]*/css/bootstrap\\.min-[0-9a-f]{32}\\.css\".*")))
			.andExpect(content().string(matchesRegex("(?s).*src=\"/webjars/bootstrap/\\d[^/]*/js/bootstrap\\.bundle\\.min-[0-9a-f]{32}\\.js\".*")));
	}

	@Test
	void otherPathsAreNoStaticFiles() throws Exception {
		for (String path : new String[] { "/reelgate.css", "/static/css/reelgate.css", "/application.yml" }) {
			mvc.perform(get(path)).andExpect(result -> assertThat(result.getResponse().getStatus()).isNotEqualTo(200));
		}
	}
}
