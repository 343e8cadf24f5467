package io.reelgate.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The footer's policy pages: terms, refunds, privacy, copyright (DMCA) and contact. Their text is Markdown the
 * operator writes in {@code reelgate.policies.directory}; without a file there, the default shipped in
 * {@code classpath:policies/} shows. Raw HTML in the Markdown is escaped and link targets are sanitised
 * ({@code javascript:} and the like dropped), so even a careless edit cannot put a script on the site.
 */
@Controller
@EnableConfigurationProperties(PolicyProperties.class)
class PolicyPages {

	static final String VIEW = "policy";

	/** The pages there are, in the footer's order; any other name is a 404 (no controller maps it). */
	static final List<String> PAGES = List.of("terms", "refunds", "privacy", "copyright", "contact");

	private final Parser parser = Parser.builder().build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

	private final PolicyProperties properties;

	PolicyPages(PolicyProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/{page:terms|refunds|privacy|copyright|contact}")
	String show(@PathVariable String page, Model model) {
		model.addAttribute("page", page);
		model.addAttribute("html", render(markdown(page)));
		return VIEW;
	}

	String render(String markdown) {
		return renderer.render(parser.parse(markdown));
	}

	/** The operator's file if there is one, else the shipped default. Read on each view: the files are small. */
	private String markdown(String page) {
		Path own = properties.directory().resolve(page + ".md");
		try {
			if (Files.isRegularFile(own)) {
				return Files.readString(own, StandardCharsets.UTF_8);
			}
			try (InputStream shipped = new ClassPathResource("policies/" + page + ".md").getInputStream()) {
				return new String(shipped.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the " + page + " page", ex);
		}
	}
}
