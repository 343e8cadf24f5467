package io.reelgate.storefront;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelgate.catalog.PublicPages;
import io.reelgate.shared.PublicUrlProperties;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/**
 * What crawlers read: {@code robots.txt}, and the sitemaps protocol's index of sitemaps, each listing at most
 * 50,000 public bundle, creator or tag pages (the protocol's limit per file). URLs are built from
 * {@code reelgate.public-url}, never from the request's Host header, so a forged Host cannot end up in a cached
 * sitemap.
 */
@Controller
class CrawlerController {

	static final int URLS_PER_SITEMAP = 50_000;

	private static final Pattern SITEMAP_NAME = Pattern.compile("(bundles|creators|tags)-([1-9][0-9]{0,5})");

	private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);

	private static final CacheControl ONE_HOUR = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

	private final PublicPages listings;

	private final String site;

	CrawlerController(PublicPages listings, PublicUrlProperties publicUrl) {
		this.listings = listings;
		String url = publicUrl.publicUrl().toString();
		this.site = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/**
	 * Keeps crawlers off the paths whose URLs carry a token or a key (signed downloads, email unlocks, gift links)
	 * and off the API. Pages behind sign-in (studio, admin, library, account, checkout) are not listed: a crawler
	 * asking for them is sent to the login page, which it may index, so listing them would keep nothing private and
	 * would only make audits of those pages read "blocked from indexing".
	 */
	@GetMapping(path = "/robots.txt", produces = "text/plain;charset=UTF-8")
	ResponseEntity<String> robots() {
		String body = String.join("\n", "User-agent: *", "Disallow: /dl/", "Disallow: /hls/", "Disallow: /ws/",
				"Disallow: /tracker/", "Disallow: /api/", "Disallow: /email-unlocks/", "Disallow: /gifts/", "",
				"Sitemap: " + site + "/sitemap.xml", "");
		return ResponseEntity.ok().cacheControl(ONE_HOUR).body(body);
	}

	@GetMapping("/sitemap.xml")
	ResponseEntity<String> index() {
		StringBuilder xml = new StringBuilder(
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
		for (int page = 1; page <= pages(listings.bundleCount()); page++) {
			xml.append("  <sitemap><loc>").append(escape(site + "/sitemaps/bundles-" + page + ".xml"))
				.append("</loc></sitemap>\n");
		}
		for (int page = 1; page <= pages(listings.creatorCount()); page++) {
			xml.append("  <sitemap><loc>").append(escape(site + "/sitemaps/creators-" + page + ".xml"))
				.append("</loc></sitemap>\n");
		}
		for (int page = 1; page <= pages(listings.tagCount()); page++) {
			xml.append("  <sitemap><loc>").append(escape(site + "/sitemaps/tags-" + page + ".xml"))
				.append("</loc></sitemap>\n");
		}
		return xml(xml.append("</sitemapindex>\n"));
	}

	/** {@code bundles-N} or {@code creators-N}, N from 1; any other name is no sitemap. */
	@GetMapping("/sitemaps/{name}.xml")
	ResponseEntity<String> sitemap(@PathVariable String name) {
		Matcher part = SITEMAP_NAME.matcher(name);
		if (!part.matches()) {
			return ResponseEntity.notFound().build();
		}
		int page = Integer.parseInt(part.group(2));
		List<Url> urls = switch (part.group(1)) {
			case "bundles" -> listings.bundles(page - 1, URLS_PER_SITEMAP).stream()
				.map(b -> new Url(site + "/bundles/" + b.id().value(), b.lastModified())).toList();
			case "creators" -> listings.creators(page - 1, URLS_PER_SITEMAP).stream()
				.map(c -> new Url(site + "/creators/" + c.id().value(), c.lastModified())).toList();
			default -> listings.tags(page - 1, URLS_PER_SITEMAP).stream()
				.map(t -> new Url(site + "/tags/" + UriUtils.encodePathSegment(t.tag(), StandardCharsets.UTF_8),
						t.lastModified()))
				.toList();
		};
		if (urls.isEmpty() && page > 1) {
			return ResponseEntity.notFound().build();
		}
		StringBuilder xml = new StringBuilder(
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
		for (Url url : urls) {
			xml.append("  <url><loc>").append(escape(url.location())).append("</loc><lastmod>")
				.append(DateTimeFormatter.ISO_INSTANT.format(url.lastModified())).append("</lastmod></url>\n");
		}
		return xml(xml.append("</urlset>\n"));
	}

	private static long pages(long count) {
		return Math.max(1, (count + URLS_PER_SITEMAP - 1) / URLS_PER_SITEMAP);
	}

	private static ResponseEntity<String> xml(StringBuilder body) {
		return ResponseEntity.ok().contentType(XML).cacheControl(ONE_HOUR).body(body.toString());
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private record Url(String location, Instant lastModified) {
	}
}
