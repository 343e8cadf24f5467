package io.reelgate.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Static files under their own paths only: {@code /css/**}, {@code /js/**} and the WebJars. Spring Boot's default
 * maps {@code /**} to the static folders, and then the resource URL filter looks every link of every page up on the
 * classpath (each bundle card's links, each time, as misses are not cached): two thirds of a storefront page's CPU.
 * With these handlers (and {@code spring.web.resources.add-mappings: false}) other links are left alone, and
 * version-less WebJar links are still rewritten to the versioned path.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
		registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
		registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
	}
}
