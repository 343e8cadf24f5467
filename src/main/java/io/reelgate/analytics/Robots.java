package io.reelgate.analytics;

import java.util.regex.Pattern;

/**
 * Tells crawlers, link previewers, monitors and scripts from browsers by their User-Agent. No list is complete;
 * this one covers the robots that announce themselves, which are most of them. A request without a User-Agent is a
 * script.
 */
final class Robots {

	private static final Pattern ROBOT = Pattern.compile(String.join("|", "bot\\b", "bot/", "crawl", "spider",
			"slurp", "facebookexternalhit", "facebookcatalog", "embedly", "preview", "whatsapp", "telegram",
			"discord", "slack", "skype", "vkshare", "pinterest", "redditbot", "quora", "curl/", "wget/", "python",
			"java/", "go-http-client", "okhttp", "axios", "node-fetch", "undici", "libwww", "httpclient",
			"headlesschrome", "phantomjs", "lighthouse", "pingdom", "uptime", "monitor", "scrapy", "feedfetcher",
			"mediapartners", "apis-google", "ahrefs", "semrush", "mj12", "petalbot", "yandex", "baidu", "bytespider",
			"gptbot", "ccbot", "claudebot", "perplexity", "archive.org", "dataprovider", "validator", "checker"),
			Pattern.CASE_INSENSITIVE);

	private Robots() {
	}

	static boolean isRobot(String userAgent) {
		return userAgent.isBlank() || ROBOT.matcher(userAgent).find();
	}
}
