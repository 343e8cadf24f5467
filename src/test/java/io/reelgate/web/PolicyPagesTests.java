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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

@IntegrationTest
class PolicyPagesTests {

	@Autowired
	MockMvc mvc;

	@TempDir
	Path operatorFolder;

	@Test
	void everyPolicyPageIsPublicLinkedFromTheFooterAndShowsTheShippedTextByDefault() throws Exception {
		for (String page : PolicyPages.PAGES) {
			mvc.perform(get("/" + page))
				.andExpect(status().isOk())
				.andExpect(xpath("//main//article[@class='policy']/h1").exists())
				.andExpect(xpath("//footer//a[@href='/" + page + "']").exists())
				.andExpect(xpath("//head/meta[@name='description']/@content").string(org.hamcrest.Matchers.not("")))
				.andExpect(xpath("//head/link[@rel='canonical']/@href").string("http://localhost:8080/" + page));
		}
		mvc.perform(get("/refunds")).andExpect(content().string(org.hamcrest.Matchers.containsString("14 days")));
		mvc.perform(get("/policies")).andExpect(status().isNotFound());
		mvc.perform(get("/terms/../admin")).andExpect(status().is4xxClientError());
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
