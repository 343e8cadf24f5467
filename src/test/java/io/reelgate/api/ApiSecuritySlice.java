package io.reelgate.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.reelgate.ratelimit.RateLimiter;
import io.reelgate.web.SiteSecurity;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The creator API's own security chain in a {@code @WebMvcTest} slice, beside the site's ({@link SiteSecurity}):
 * {@link ApiSecurity} with its bearer token filter and {@link ProblemResponses}. {@link ApiTokenService} is a mock
 * (a test says which bearer is which caller with which scopes) and so is the {@link RateLimiter}, which lets every
 * request through.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SiteSecurity
@Import(ApiSecuritySlice.Configuration.class)
@MockitoBean(types = { ApiTokenService.class, RateLimiter.class })
public @interface ApiSecuritySlice {

	@TestConfiguration(proxyBeanMethods = false)
	@Import({ ApiSecurity.class, ProblemResponses.class })
	@EnableConfigurationProperties(ApiRateLimitProperties.class)
	class Configuration {

	}
}
