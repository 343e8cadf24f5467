package io.reelgate.web;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.KnownDevices;
import io.reelgate.accounts.SignIns;
import io.reelgate.accounts.LoginThrottle;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may reach which URL. Services check roles again with method security and the domain checks ownership, so a
 * gap here is not a hole.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String WEBHOOKS = "/stripe/webhook";

	/**
	 * Everything the pages load comes from this origin (media also from {@code blob:} URLs, which is how hls.js hands
	 * a Media Source to the video element): no inline scripts or styles (not even {@code style=}
	 * attributes), no plugins, no framing. Bootstrap's CSS embeds small SVG icons as {@code data:} images. Forms may
	 * post only here, except that starting a Stripe checkout or payout onboarding answers the POST with a redirect
	 * to Stripe's hosted pages, which browsers check against {@code form-action} too.
	 */
	static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'self'", "script-src 'self'",
			"style-src 'self'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "media-src 'self' blob: data:",
			"object-src 'none'", "base-uri 'self'",
			"form-action 'self' https://checkout.stripe.com https://connect.stripe.com", "frame-ancestors 'none'");

	/** Powerful browser features the site never uses, switched off for it and anything it might embed. */
	static final String PERMISSIONS_POLICY = String.join(", ", "camera=()", "microphone=()", "geolocation=()",
			"payment=()", "usb=()");

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle loginThrottle, KnownDevices devices,
			SignIns signIns, StepUpRules stepUp,
			@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping controllers,
			MessageSource messages, JsonMapper json, AccountService accounts,
			WebAuthnRelyingPartyOperations passkeyCeremonies, UserDetailsService users, Clock clock) throws Exception {
		LoginThrottleFilter throttle = new LoginThrottleFilter(loginThrottle, devices, signIns);
		http.authorizeHttpRequests(requests -> urlRules(requests, stepUp, controllers))
			.csrf(csrf -> csrf.ignoringRequestMatchers(WEBHOOKS))
			.headers(SecurityConfiguration::headers);
		exceptionHandling(http, new TusRefusals(messages, json));
		http.addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
			.formLogin(form -> form.loginPage(LoginThrottleFilter.LOGIN).failureHandler(throttle.failureHandler())
				.successHandler(throttle.successHandler())
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/?loggedOut"));
		passkeys(http, new PasskeySignIn(throttle, accounts, messages, json, clock), passkeyCeremonies, users);
		return http.build();
	}

	/**
	 * The URL rules in the order Spring Security tries them (the first match decides): factors first, then the
	 * role areas, what anyone may see and do, and everything else for a signed-in account.
	 */
	private static void urlRules(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			StepUpRules stepUp, RequestMappingHandlerMapping controllers) {
		factors(requests, stepUp);
		roleAreas(requests);
		publicPages(requests);
		signedLinksAndPlayer(requests);
		siteResources(requests);
		anonymousActions(requests);
		// A URL no controller maps is a 404 for everyone, not a login page (UnmappedPaths).
		requests.requestMatchers(new UnmappedPaths(controllers)).permitAll().anyRequest().authenticated();
	}

	private static void factors(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			StepUpRules stepUp) {
		requests
			// Typing the second factor (or setting one up) needs only the password (SecondFactorRules).
			.requestMatchers(SecondFactorRules.PASSWORD_ONLY).access(AuthenticatedAuthorizationManager.authenticated())
			// So does making a passkey as that second factor; otherwise a new passkey needs a fresh factor
			// (StepUpRules). The ceremony's options are answered before these rules, to any signed-in session (Spring
			// Security's PublicKeyCredentialCreationOptionsFilter): a challenge alone registers nothing.
			.requestMatchers(HttpMethod.POST, SecondFactorRules.PASSKEY_REGISTRATION)
			.access(SecondFactorRules.enrollingOr(stepUp.signedIn()))
			// Dangerous actions need a factor shown in the last few minutes (StepUpRules).
			.requestMatchers(HttpMethod.POST, StepUpRules.ACCOUNT).access(stepUp.passwordInForm())
			.requestMatchers(HttpMethod.POST, StepUpRules.ACCOUNT_SECURITY).access(stepUp.signedIn())
			.requestMatchers(HttpMethod.POST, StepUpRules.CREATOR).access(stepUp.role("CREATOR"))
			.requestMatchers(HttpMethod.POST, StepUpRules.COLLABORATOR).access(stepUp.signedIn())
			.requestMatchers(HttpMethod.POST, StepUpRules.ADMIN).access(stepUp.role("ADMIN"))
			// Passkeys are removed on the account page (with a security event), not through Spring Security's DELETE.
			.requestMatchers(HttpMethod.DELETE, "/webauthn/register/*").denyAll();
	}

	/** The creator studio and the admin pages, by role. */
	private static void roleAreas(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/studio/**").hasRole("CREATOR")
			.requestMatchers("/admin/**").hasRole("ADMIN");
	}

	/** The storefront, bundle and creator pages, and the tag listings. */
	private static void publicPages(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers(HttpMethod.GET, "/", "/bundles/**", "/creators/**", "/tags/*").permitAll()
			.requestMatchers(HttpMethod.HEAD, "/", "/bundles/**", "/creators/**", "/tags/*").permitAll();
	}

	private static void signedLinksAndPlayer(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests
			// Signed download links carry their own authorization (library's DownloadLinks), for download managers.
			.requestMatchers(HttpMethod.GET, "/dl/**").permitAll()
			.requestMatchers(HttpMethod.HEAD, "/dl/**").permitAll()
			// So do the HLS playlists and segments (library's watch paths); the player page also shows previews.
			.requestMatchers(HttpMethod.GET, "/hls/**", "/watch/*").permitAll()
			.requestMatchers(HttpMethod.HEAD, "/hls/**", "/watch/*").permitAll()
			// The player says a preview started playing (storefront counts it), for anyone who may watch it.
			.requestMatchers(HttpMethod.POST, "/bundles/*/previews/*/played").permitAll();
	}

	/** Signing up and in, static files, health, crawlers' files, policy pages, mailed links, the API's docs. */
	private static void siteResources(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests
			.requestMatchers("/signup", "/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
					"/img/**", "/actuator/health/**")
			.permitAll()
			// For crawlers: what to index (robots.txt) and the public pages there are (sitemaps).
			.requestMatchers(HttpMethod.GET, "/robots.txt", "/sitemap.xml", "/sitemaps/*").permitAll()
			.requestMatchers(HttpMethod.GET, "/terms", "/refunds", "/privacy", "/copyright", "/contact").permitAll()
			.requestMatchers(HttpMethod.HEAD, "/terms", "/refunds", "/privacy", "/copyright", "/contact").permitAll()
			// Mailed links carry their own single-use token (accounts' LinkTokens); resets are asked for logged out.
			.requestMatchers("/email/verify", "/password/forgot", "/password/reset").permitAll()
			// The creator API's Swagger UI (springdoc), under this chain's strict CSP; its data needs a token.
			.requestMatchers(HttpMethod.GET, "/swagger-ui.html", "/swagger-ui/**").permitAll();
	}

	/** What anyone may do without a session: callbacks, reports, the email gate, opening a gift's page. */
	private static void anonymousActions(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests
			// Payment provider callbacks authenticate by signature, not by session.
			.requestMatchers(HttpMethod.POST, WEBHOOKS).permitAll()
			// Anyone may report a bundle or a creator, logged in or not (rate limited per address, CSRF-protected).
			.requestMatchers(HttpMethod.POST, "/bundles/*/report", "/creators/*/report").permitAll()
			// The email gate works without an account: asking, confirming through the mailed link, downloading.
			.requestMatchers(HttpMethod.POST, "/bundles/*/email-unlock", "/email-unlocks/*").permitAll()
			.requestMatchers(HttpMethod.GET, "/email-unlocks/**").permitAll()
			.requestMatchers(HttpMethod.HEAD, "/email-unlocks/**").permitAll()
			// A gift's claim page shows to anyone with the link; claiming it (POST) needs an account.
			.requestMatchers(HttpMethod.GET, "/gifts/*").permitAll();
	}

	/**
	 * X-Content-Type-Options: nosniff and Cache-Control on pages are Spring Security's defaults; so is HSTS, which it
	 * sends only on requests that arrived over HTTPS (see server.forward-headers-strategy).
	 */
	private static void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions(frame -> frame.deny())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
			.crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
			.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(Duration.ofDays(365).toSeconds())
				.includeSubDomains(false));
	}

	/**
	 * The access denied handler set as the chain's (not a default for the path), for the CSRF filter to use it. Both
	 * explicit: as a default for the path, the tus entry point would also answer pages whose requests do not look like
	 * a browser's (form login registers its own only for those that do).
	 */
	private static void exceptionHandling(HttpSecurity http, TusRefusals tus) throws Exception {
		RequestMatcher tusPaths = PathPatternRequestMatcher.withDefaults().matcher(TusRefusals.PATH);
		http.exceptionHandling(errors -> errors.authenticationEntryPoint(new DelegatingAuthenticationEntryPoint(
				new LoginUrlAuthenticationEntryPoint(LoginThrottleFilter.LOGIN), new RequestMatcherEntry<>(tusPaths, tus)))
			.accessDeniedHandler(SecondFactorRules.deniedHandler(new RequestMatcherDelegatingAccessDeniedHandler(
					new LinkedHashMap<>(Map.of(tusPaths, tus)), new AccessDeniedHandlerImpl()))));
	}

	/**
	 * Passkeys through Spring Security's WebAuthn support: the ceremonies' JSON endpoints ({@code /webauthn/**},
	 * {@code /login/webauthn}) with the relying party, storage and refusals of accounts' {@code PasskeyRelyingParty}
	 * (a bean, which {@code webAuthn()} uses instead of its own rpId/origins settings), signing in as
	 * {@link PasskeySignIn} says. Spring Security's own registration page is off: the account page has ours.
	 */
	private static void passkeys(HttpSecurity http, PasskeySignIn signIn, WebAuthnRelyingPartyOperations ceremonies,
			UserDetailsService users) throws Exception {
		http.webAuthn(webAuthn -> webAuthn.disableDefaultRegistrationPage(true)
			.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
				@Override
				public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
					signIn.configure(filter, ceremonies, users);
					return filter;
				}
			}))
			.addFilterBefore(signIn.refusals(), AuthorizationFilter.class);
	}
}
