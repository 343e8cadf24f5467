package io.reelgate.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.Role;
import io.reelgate.catalog.BundleMedia;
import io.reelgate.catalog.BundleText;
import io.reelgate.catalog.CatalogService;
import io.reelgate.shared.BundleId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Fills an empty installation with demo accounts and published bundles, so the storefront is not empty on a first
 * look. Only with {@code reelgate.demo=true}, and only once: it does nothing if the demo creator exists.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("reelgate.demo")
class DemoData implements ApplicationRunner {

	static final String CREATOR_EMAIL = "creator@demo.reelgate.test";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final AccountService accounts;

	private final UserDetailsService users;

	private final CatalogService catalog;

	private final BundleMedia media;

	DemoData(AccountService accounts, UserDetailsService users, CatalogService catalog, BundleMedia media) {
		this.accounts = accounts;
		this.users = users;
		this.catalog = catalog;
		this.media = media;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (accounts.findByEmail(CREATOR_EMAIL).isPresent()) {
			log.info("Demo data is present already");
			return;
		}
		accounts.register(CREATOR_EMAIL, "Lumen Pictures", "demo-creator-pass", Role.CREATOR);
		accounts.register("viewer@demo.reelgate.test", "Demo Viewer", "demo-viewer-pass", Role.VIEWER);
		accounts.register("admin@demo.reelgate.test", "Demo Admin", "demo-admin-pass", Role.ADMIN);
		AccountPrincipal creator = (AccountPrincipal) users.loadUserByUsername(CREATOR_EMAIL);
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(creator, null, creator.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			DemoFilms.ALL.forEach(film -> publish(creator, film));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		log.info("Seeded demo data: {} bundles; demo accounts are listed in README.md", DemoFilms.ALL.size());
	}

	private void publish(AccountPrincipal creator, DemoFilm film) {
		BundleId id = catalog.create(creator.accountId(), new BundleText(film.title(), film.summary(), film.description()));
		if (film.price() != null) {
			catalog.charge(creator.accountId(), id, film.price(), "USD");
		}
		media.changeCover(creator.accountId(), id, new ByteArrayInputStream(Covers.poster(film.title(), film.hue())));
		for (String file : film.files()) {
			byte[] content = ("Demo file \"" + file + "\" of " + film.title() + ".\n").repeat(200)
				.getBytes(StandardCharsets.UTF_8);
			media.addFile(creator.accountId(), id, file, new ByteArrayInputStream(content));
		}
		catalog.publish(creator.accountId(), id);
	}

	/** A demo bundle; {@code price} in US dollars, or null for free. */
	record DemoFilm(String title, String summary, String description, String price, float hue, List<String> files) {
	}
}
