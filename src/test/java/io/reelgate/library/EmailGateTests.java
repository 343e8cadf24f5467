package io.reelgate.library;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.CatalogService;
import io.reelgate.notifications.SentMails;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.PublicUrlProperties;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The email gate end to end, with the confirmation mail read from the shared context's {@link SentMails} and its
 * link followed.
 */
@IntegrationTest
class EmailGateTests {

	@Autowired
	SentMails mails;

	@Autowired
	PublicUrlProperties publicUrl;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CatalogService catalogService;

	@Autowired
	Library library;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAnonymousViewerConfirmsByMailAndDownloadsTheLockedPartThroughSignedLinks() throws Exception {
		AccountPrincipal creator = fixtures.creator("Mira Maker");
		BundleId bundle = emailGated(creator);
		UUID film = jdbc.sql("select id from bundle_files where bundle_id = ?").param(bundle.value())
			.query(UUID.class).single();
		String email = Fixtures.unique("fan") + "@example.test";

		mvc.perform(get("/")).andExpect(content().string(containsString("Email address (double opt-in)")));
		mvc.perform(get("/studio").with(user(creator)))
			.andExpect(content().string(containsString("Email address (double opt-in)")));
		mvc.perform(get("/bundles/{id}", bundle))
			.andExpect(content().string(containsString("I agree that Mira Maker receives my email address.")))
			.andExpect(content().string(not(containsString("Log in to buy"))));
		mvc.perform(post("/bundles/{id}/email-unlock", bundle).with(csrf()).param("email", email)
			.param("consent", "true"))
			.andExpect(redirectedUrl("/bundles/" + bundle))
			.andExpect(flash().attribute("success", "emailGate.sent"));
		assertThat(collected(creator)).isZero();

		String confirm = linkMailedTo(email);
		// Opening the link (as a mail scanner would) changes nothing; the button confirms.
		mvc.perform(get(confirm)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Confirm and unlock")));
		String page = mvc.perform(post(confirm).with(csrf()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		Matcher download = Pattern.compile("href=\"(/email-unlocks/[^\"]+/files/" + film + "/[^\"]+)\"")
			.matcher(page);
		assertThat(download.find()).isTrue();
		mvc.perform(get(download.group(1)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(content().string("the locked film"));
		String tampered = download.group(1).replace("/files/" + film, "/files/" + fixtures.as(creator,
				() -> fixtures.addFile(creator, fixtures.draft(creator, Fixtures.unique("Other"), "x".getBytes()),
						"other.txt", "other".getBytes())).id());
		mvc.perform(get(tampered)).andExpect(status().isForbidden());

		// Single use: the same link again is refused and changes nothing.
		mvc.perform(post(confirm).with(csrf())).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This link has been used already.")));
		assertThat(collected(creator)).isEqualTo(1);
		mvc.perform(get("/studio/emails").with(user(creator)))
			.andExpect(content().string(containsString(email)));
		mvc.perform(get("/studio/emails.csv").with(user(creator)))
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andExpect(content().string(containsString("\"" + email + "\",\"" + bundle + "\"")));
		mvc.perform(get("/studio/emails.csv").with(user(fixtures.creator())))
			.andExpect(content().string(not(containsString(email))));
		// The creator's analytics count the unlock once, by its gate.
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				select count(*) from analytics_events
				where kind = 'UNLOCK' and unlock_kind = 'EMAIL' and bundle_id = ? and creator_id = ?""")
			.params(bundle.value(), creator.accountId().value()).query(Long.class).single() == 1);
	}

	@Test
	void aLoggedInViewerWhoConfirmsFindsTheBundleInTheirLibrary() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = emailGated(creator);
		AccountPrincipal viewer = fixtures.viewer();

		mvc.perform(post("/bundles/{id}/email-unlock", bundle).with(user(viewer)).with(csrf())
			.param("email", viewer.email()).param("consent", "true"));
		String confirm = linkMailedTo(viewer.email());
		mvc.perform(post(confirm).with(user(viewer)).with(csrf()))
			.andExpect(redirectedUrl("/library"))
			.andExpect(flash().attribute("success", "emailGate.confirmed.library"));

		assertThat(library.owns(viewer.accountId(), bundle)).isTrue();
		assertThat(jdbc.sql("select source from entitlements where account_id = ? and bundle_id = ?")
			.params(viewer.accountId().value(), bundle.value()).query(String.class).list()).containsExactly("EMAIL");
	}

	@Test
	void withoutConsentOrWithAForgedOrExpiredLinkNothingUnlocks() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = emailGated(creator);
		String email = Fixtures.unique("late") + "@example.test";

		mvc.perform(post("/bundles/{id}/email-unlock", bundle).with(csrf()).param("email", email))
			.andExpect(flash().attribute("error", "emailGate.consent.required"));
		mvc.perform(post("/bundles/{id}/email-unlock", bundle).with(csrf()).param("email", "not-an-address")
			.param("consent", "true"))
			.andExpect(flash().attribute("error", "emailGate.email.invalid"));
		assertThat(mails.to(email)).isEmpty();
		mvc.perform(post("/bundles/{id}/email-unlock", bundle).with(csrf()).param("consent", "true")
			.param("email", email)).andExpect(flash().attribute("success", "emailGate.sent"));
		String confirm = linkMailedTo(email);

		mvc.perform(post("/email-unlocks/{token}", "forged-token").with(csrf())).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This link is not valid.")));
		jdbc.sql("update email_unlocks set token_expires_at = now() - interval '1 second' where email = ?")
			.param(email).update();
		mvc.perform(post(confirm).with(csrf())).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This link has expired.")));
		assertThat(collected(creator)).isZero();
		// Checkout is not a way around the email gate.
		mvc.perform(post("/checkout/{id}", bundle).with(user(fixtures.viewer())).with(csrf()))
			.andExpect(flash().attribute("error", "checkout.emailGate"));
	}

	@Test
	void requestsForOneAddressAreRateLimited() throws Exception {
		BundleId bundle = emailGated(fixtures.creator());
		String email = Fixtures.unique("target") + "@example.test";
		for (int i = 0; i < 3; i++) {
			String address = "10.9.0." + (i + 1);
			mvc.perform(post("/bundles/{id}/email-unlock", bundle).with(csrf()).param("email", email)
				.param("consent", "true")
				.with(r -> {
					r.setRemoteAddr(address);
					return r;
				}))
				.andExpect(flash().attribute("success", "emailGate.sent"));
		}
		mvc.perform(post("/bundles/{id}/email-unlock", bundle).with(csrf()).param("email", email.toUpperCase())
			.param("consent", "true"))
			.andExpect(status().isTooManyRequests());
		assertThat(mails.to(email)).hasSize(3);
	}

	private BundleId emailGated(AccountPrincipal creator) {
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Email gated"), "the locked film".getBytes());
		fixtures.as(creator, () -> {
			catalogService.requireEmail(creator.accountId(), bundle);
			return null;
		});
		fixtures.publish(creator, bundle);
		return bundle;
	}

	private long collected(AccountPrincipal creator) {
		return jdbc.sql("select count(*) from email_unlocks where creator_id = ? and confirmed_at is not null")
			.param(creator.accountId().value()).query(Long.class).single();
	}

	private String linkMailedTo(String email) {
		List<SentMails.Received> received = mails.to(email);
		assertThat(received).isNotEmpty();
		SentMails.Received mail = received.get(received.size() - 1);
		assertThat(mail.subject()).startsWith("Unlock \u201c");
		Matcher link = Pattern.compile(Pattern.quote(publicUrl.link("")) + "(/email-unlocks/[A-Za-z0-9_-]+)")
			.matcher(mail.text());
		assertThat(link.find()).isTrue();
		return link.group(1);
	}
}
