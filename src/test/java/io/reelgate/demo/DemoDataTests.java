package io.reelgate.demo;

import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.Role;
import io.reelgate.catalog.BundleMedia;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.CatalogService;
import io.reelgate.catalog.BundleSummary;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DemoDataTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	CatalogService catalogService;

	@Autowired
	BundleMedia media;

	@Autowired
	Catalog catalog;

	@Test
	void seedsDemoAccountsAndPublishedBundlesOnceAndOnlyWhenAskedTo() {
		assertThat(context.getBeanProvider(DemoData.class).getIfAvailable()).isNull();

		DemoData demo = new DemoData(accounts, users, catalogService, media);
		demo.run(new DefaultApplicationArguments());
		demo.run(new DefaultApplicationArguments());

		var creator = accounts.findByEmail(DemoData.CREATOR_EMAIL).orElseThrow();
		assertThat(accounts.findByEmail("viewer@demo.reelgate.test").orElseThrow().role()).isEqualTo(Role.VIEWER);
		assertThat(accounts.findByEmail("admin@demo.reelgate.test").orElseThrow().role()).isEqualTo(Role.ADMIN);
		assertThat(catalog.bundlesOf(creator.id()))
			.hasSize(DemoFilms.ALL.size())
			.allSatisfy(b -> assertThat(b.isPublic() && b.hasCover()).isTrue())
			.extracting(BundleSummary::title)
			.contains("The Last Reel", "Orchard");
	}
}
