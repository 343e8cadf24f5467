package io.reelgate.shared;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where people reach this Reelgate, for absolute links: in emails (there is no request to take the host from) and in
 * what is sent to Stripe (return and onboarding URLs), which must never come from a request's {@code Host} header,
 * as anyone can forge it.
 *
 * @param publicUrl the site's address as people type it, e.g. {@code https://films.example.com}; a path is kept
 */
@ConfigurationProperties("reelgate")
public record PublicUrlProperties(@DefaultValue("http://localhost:8080") URI publicUrl) {

	public PublicUrlProperties {
		String scheme = publicUrl.getScheme();
		if (!("http".equals(scheme) || "https".equals(scheme)) || publicUrl.getHost() == null) {
			throw new IllegalArgumentException("reelgate.public-url must be an absolute http(s) URL: " + publicUrl);
		}
	}

	/** An absolute link to a path of the site, e.g. {@code link("/library")}. */
	public String link(String path) {
		return UriComponentsBuilder.fromUri(publicUrl).path(path).build().toUriString();
	}

	/** An absolute link carrying a token, e.g. {@code link("/password/reset", "abc")} ending in {@code ?token=abc}. */
	public String link(String path, String token) {
		return UriComponentsBuilder.fromUri(publicUrl).path(path).queryParam("token", token).encode().build()
			.toUriString();
	}
}
