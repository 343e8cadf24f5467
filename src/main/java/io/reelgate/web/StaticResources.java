package io.reelgate.web;

import java.time.Duration;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static files under their own paths only: {@code /css/**}, {@code /js/**}, {@code /img/**} and the WebJars.
 * Spring Boot's default maps {@code /**} to the static folders, and then the resource URL filter looks every link of
 * every page up on the classpath (each bundle card's links, each time, as misses are not cached): two thirds of a
 * storefront page's CPU. With these handlers (and {@code spring.web.resources.add-mappings: false}) other links are
 * left alone.
 * <p>
 * Pages link each file with a hash of its content in the URL ({@code /css/reelgate-<md5>.css}, rewritten by the
 * {@link ResourceUrlEncodingFilter}), so browsers and CDNs may keep it for a year: a changed file gets a new URL.
 * Version-less WebJar links are rewritten to the versioned path first.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	private static final CacheControl A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(A_YEAR)
			.resourceChain(true)
			.addResolver(contentHashed())
			.addResolver(new LiteWebJarsResourceResolver());
		for (String folder : new String[] { "css", "js", "img" }) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(A_YEAR)
				.resourceChain(true)
				.addResolver(contentHashed());
		}
	}

	/** Rewrites the links of every page to the content-hashed URLs the handlers above answer. */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		return new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
	}

	private static VersionResourceResolver contentHashed() {
		return new VersionResourceResolver().addContentVersionStrategy("/**");
	}
}
