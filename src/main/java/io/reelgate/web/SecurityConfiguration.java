package io.reelgate.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may reach which URL. Services check roles again with method security and the domain checks ownership, so a
 * gap here is not a hole.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String WEBHOOKS = "/stripe/webhook";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/studio/**").hasRole("CREATOR")
			.requestMatchers("/admin/**").hasRole("ADMIN")
			.requestMatchers(HttpMethod.GET, "/", "/bundles/**", "/creators/**").permitAll()
			.requestMatchers(HttpMethod.HEAD, "/", "/bundles/**", "/creators/**").permitAll()
			// Signed download links carry their own authorization (library's DownloadLinks), for download managers.
			.requestMatchers(HttpMethod.GET, "/dl/**").permitAll()
			.requestMatchers(HttpMethod.HEAD, "/dl/**").permitAll()
			.requestMatchers("/signup", "/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
					"/actuator/health/**")
			.permitAll()
			// Payment provider callbacks authenticate by signature, not by session.
			.requestMatchers(HttpMethod.POST, WEBHOOKS).permitAll()
			.anyRequest().authenticated())
			.csrf(csrf -> csrf.ignoringRequestMatchers(WEBHOOKS))
			.formLogin(form -> form.loginPage("/login").permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/?loggedOut"));
		return http.build();
	}

	/** Hashes with bcrypt today and still verifies older hashes after the default changes ({id} prefix). */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}
}
