package io.reelgate.web;

import java.time.Duration;

import io.reelgate.accounts.LoginThrottle;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may reach which URL. Services check roles again with method security and the domain checks ownership, so a
 * gap here is not a hole.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String WEBHOOKS = "/stripe/webhook";

	/**
	 * Everything the pages load comes from this origin: no inline scripts or styles (not even {@code style=}
	 * attributes), no plugins, no framing. Bootstrap's CSS embeds small SVG icons as {@code data:} images. Forms may
	 * post only here, except that starting a Stripe checkout or payout onboarding answers the POST with a redirect
	 * to Stripe's hosted pages, which browsers check against {@code form-action} too.
	 */
	static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'self'", "script-src 'self'",
			"style-src 'self'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "media-src 'self'",
			"object-src 'none'", "base-uri 'self'",
			"form-action 'self' https://checkout.stripe.com https://connect.stripe.com", "frame-ancestors 'none'");

	/** Powerful browser features the site never uses, switched off for it and anything it might embed. */
	static final String PERMISSIONS_POLICY = String.join(", ", "camera=()", "microphone=()", "geolocation=()",
			"payment=()", "usb=()");

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle loginThrottle) throws Exception {
		LoginThrottleFilter throttle = new LoginThrottleFilter(loginThrottle);
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/studio/**").hasRole("CREATOR")
			.requestMatchers("/admin/**").hasRole("ADMIN")
			.requestMatchers(HttpMethod.GET, "/", "/bundles/**", "/creators/**").permitAll()
			.requestMatchers(HttpMethod.HEAD, "/", "/bundles/**", "/creators/**").permitAll()
			// Signed download links carry their own authorization (library's DownloadLinks), for download managers.
			.requestMatchers(HttpMethod.GET, "/dl/**").permitAll()
			.requestMatchers(HttpMethod.HEAD, "/dl/**").permitAll()
			// BitTorrent's tracker and web seed authorize by passkey and signed token in the path (torrents module).
			.requestMatchers(HttpMethod.GET, "/tracker/*/announce", "/tracker/*/scrape", "/ws/**").permitAll()
			.requestMatchers(HttpMethod.HEAD, "/ws/**").permitAll()
			.requestMatchers("/signup", "/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
					"/actuator/health/**")
			.permitAll()
			// Mailed links carry their own single-use token (accounts' LinkTokens); resets are asked for logged out.
			.requestMatchers("/email/verify", "/password/forgot", "/password/reset").permitAll()
			// The creator API's Swagger UI (springdoc), under this chain's strict CSP; its data needs a token.
			.requestMatchers(HttpMethod.GET, "/swagger-ui.html", "/swagger-ui/**").permitAll()
			// Payment provider callbacks authenticate by signature, not by session.
			.requestMatchers(HttpMethod.POST, WEBHOOKS).permitAll()
			// Anyone may report a bundle or a creator, logged in or not (rate limited per address, CSRF-protected).
			.requestMatchers(HttpMethod.POST, "/bundles/*/report", "/creators/*/report").permitAll()
			// The email gate works without an account: asking, confirming through the mailed link, downloading.
			.requestMatchers(HttpMethod.POST, "/bundles/*/email-unlock", "/email-unlocks/*").permitAll()
			.requestMatchers(HttpMethod.GET, "/email-unlocks/**").permitAll()
			.requestMatchers(HttpMethod.HEAD, "/email-unlocks/**").permitAll()
			// A gift's claim page shows to anyone with the link; claiming it (POST) needs an account.
			.requestMatchers(HttpMethod.GET, "/gifts/*").permitAll()
			.anyRequest().authenticated())
			.csrf(csrf -> csrf.ignoringRequestMatchers(WEBHOOKS))
			// X-Content-Type-Options: nosniff and Cache-Control on pages are Spring Security's defaults; so is HSTS,
			// which it sends only on requests that arrived over HTTPS (see server.forward-headers-strategy).
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
				.crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
				.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(Duration.ofDays(365).toSeconds())
					.includeSubDomains(false)))
			.addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
			.formLogin(form -> form.loginPage(LoginThrottleFilter.LOGIN).failureHandler(throttle.failureHandler())
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/?loggedOut"));
		return http.build();
	}

	/** Hashes with bcrypt today and still verifies older hashes after the default changes ({id} prefix). */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}
}
