package io.reelgate.web;

import java.nio.file.Files;
import java.nio.file.Path;

import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.ui.ExtendedModelMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PolicyPagesTests {

	@Autowired
	MockMvc mvc;

	@TempDir
	Path operatorFolder;

	@Test
	void everyPolicyPageIsPublicLinkedFromTheFooterAndShowsTheShippedTextByDefault() throws Exception {
		for (String page : PolicyPages.PAGES) {
			String html = mvc.perform(get("/" + page).header("Host", "evil.example"))
				.andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			assertThat(html).contains("<article class=\"policy\"><h1>", "<a href=\"/" + page + "\"",
					"<link rel=\"canonical\" href=\"http://localhost:8080/" + page + "\">")
				.containsPattern("<meta name=\"description\" content=\"[^\"]+\">")
				.doesNotContain("evil.example");
		}
		mvc.perform(get("/refunds")).andExpect(content().string(containsString("14 days")));
		mvc.perform(get("/policies")).andExpect(status().isNotFound());
	}

	@Test
	void theOperatorsMarkdownReplacesTheDefaultAndCannotCarryScripts() throws Exception {
		Files.writeString(operatorFolder.resolve("terms.md"), """
				# Our terms

				Be **kind**. <script>alert('x')</script> <img src=x onerror=alert(1)>

				[a link](javascript:alert(1)) and [a good one](https://example.com/terms)
				""");
		PolicyPages pages = new PolicyPages(new PolicyProperties(operatorFolder));
		ExtendedModelMap model = new ExtendedModelMap();

		assertThat(pages.show("terms", model)).isEqualTo(PolicyPages.VIEW);
		String html = (String) model.getAttribute("html");
		assertThat(html).contains("<h1>Our terms</h1>", "<strong>kind</strong>", "&lt;script&gt;",
				"href=\"https://example.com/terms\"")
			.doesNotContain("<script", "<img", "javascript:");

		ExtendedModelMap shipped = new ExtendedModelMap();
		pages.show("privacy", shipped);
		assertThat((String) shipped.getAttribute("html")).contains("<h1>Privacy</h1>");
	}
}
