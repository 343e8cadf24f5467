package io.reelgate.analytics;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RobotsTests {

	@ParameterizedTest
	@ValueSource(strings = { "", "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
			"Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2)", "Slackbot-LinkExpanding 1.0",
			"Twitterbot/1.0", "WhatsApp/2.23.20.0", "python-requests/2.32.3", "Wget/1.21.4",
			"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0 Safari/537.36" })
	void recognisesRobots(String userAgent) {
		assertThat(Robots.isRobot(userAgent)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0",
			"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36",
			"Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
			"Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Mobile Safari/537.36" })
	void letsBrowsersThrough(String userAgent) {
		assertThat(Robots.isRobot(userAgent)).isFalse();
	}
}
