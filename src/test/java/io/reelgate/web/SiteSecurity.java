package io.reelgate.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.KnownDevices;
import io.reelgate.accounts.LoginThrottle;
import io.reelgate.accounts.SecondFactorProperties;
import io.reelgate.accounts.SignIns;
import io.reelgate.shared.PublicUrlProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The site's own security in a {@code @WebMvcTest} slice: {@link SecurityConfiguration}'s filter chain with its URL
 * rules, CSRF, login redirect and method security, and the rules it is built from. The accounts beans it is wired
 * with are Mockito mocks: a slice signs its requests in with {@code user(...)}, never through the login form or a
 * passkey, so none of them is called ({@code accountService} by its name, which the layout asks whether the
 * address is verified: a mock says not). The web module's filters and advice (refusals, error pages) come with the
 * slice as for any {@code @WebMvcTest}; {@link AnonymousPages} is here for the public-page cache filter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(SiteSecurity.Configuration.class)
@MockitoBean(types = { LoginThrottle.class, KnownDevices.class, SignIns.class,
		WebAuthnRelyingPartyOperations.class, UserDetailsService.class })
@MockitoBean(name = "accountService", types = AccountService.class)
public @interface SiteSecurity {

	@TestConfiguration(proxyBeanMethods = false)
	@Import({ SecurityConfiguration.class, SecondFactorRules.class, StepUpRules.class, ClockConfiguration.class,
			AnonymousPages.class, PasswordHashing.class })
	@EnableConfigurationProperties({ SecondFactorProperties.class, PublicUrlProperties.class,
			PublicCacheProperties.class })
	class Configuration {

	}
}
