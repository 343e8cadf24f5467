package io.reelgate.library;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.CatalogService;
import io.reelgate.checkout.Refunds;
import io.reelgate.notifications.SentMails;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.OrderId;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gifts end to end, with the claim and receipt mails read from the shared context's {@link SentMails} and the claim
 * link followed.
 */
@IntegrationTest
class GiftTests {

	private static final byte[] FILM = "the gifted film".getBytes();

	@Autowired
	SentMails mails;

	@Autowired
	PublicUrlProperties publicUrl;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Library library;

	@Autowired
	Refunds refunds;

	@Autowired
	CatalogService catalogService;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBuyerGivesABundleThatTheRecipientClaimsWithAnotherAccountAndDownloads() throws Exception {
		AccountPrincipal creator = fixtures.creator("Gia Giver");
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Gift film"), FILM, "12.00", "USD");
		AccountPrincipal buyer = fixtures.viewer();
		String recipientEmail = Fixtures.unique("friend") + "@example.test";

		mvc.perform(get("/bundles/{id}", bundle).with(user(buyer)))
			.andExpect(content().string(containsString("Buy as a gift")));
		mvc.perform(get("/bundles/{id}", bundle)).andExpect(content().string(not(containsString("Buy as a gift"))));
		OrderId order = buyGift(buyer, bundle, recipientEmail, "Happy birthday <b>Sam</b>!");

		// The buyer paid the server's price and owns nothing themselves.
		assertThat(jdbc.sql("select amount_minor || ' ' || gift_email || ' ' || status from orders where id = ?")
			.param(order.value()).query(String.class).single()).isEqualTo("1200 " + recipientEmail + " PAID");
		assertThat(library.owns(buyer.accountId(), bundle)).isFalse();
		mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf()))
			.andExpect(redirectedUrlPattern("/checkout/simulated/*"));
		String claim = linkMailedTo(recipientEmail);
		SentMails.Received mail = mails.to(recipientEmail).get(0);
		assertThat(mail.text()).contains("Happy birthday <b>Sam</b>!").contains("30 days");
		await().atMost(Duration.ofSeconds(20)).until(() -> mails.to(buyer.email()).stream()
			.anyMatch(m -> m.subject().startsWith("Your gift of")));
		// Only the token's hash is stored; the raw token is nowhere in the database, events included.
		String token = claim.substring("/gifts/".length());
		assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?")
			.param("%" + token + "%").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from gifts where token_sha256 = ?").param(token)
			.query(Long.class).single()).isZero();
		mvc.perform(get("/library").with(user(buyer)))
			.andExpect(content().string(containsString("Gifts you sent")))
			.andExpect(content().string(containsString(recipientEmail)))
			.andExpect(content().string(containsString("Link sent, not claimed yet")));

		// Anonymous: the page (a mail scanner too) changes nothing and offers a login that returns to the link.
		mvc.perform(get(claim)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Log in to claim")))
			.andExpect(content().string(containsString("Happy birthday &lt;b&gt;Sam&lt;/b&gt;!")));
		mvc.perform(get(claim + "/login")).andExpect(redirectedUrl("/login"));
		AccountPrincipal recipient = fixtures.viewer();
		mvc.perform(get(claim + "/login").with(user(recipient))).andExpect(redirectedUrl(claim));
		mvc.perform(post(claim)).andExpect(status().isForbidden());
		mvc.perform(post(claim).with(user(recipient))).andExpect(status().isForbidden());
		assertThat(library.owns(recipient.accountId(), bundle)).isFalse();

		mvc.perform(get(claim).with(user(recipient)))
			.andExpect(content().string(containsString("Claim it into my library")));
		mvc.perform(post(claim).with(user(recipient)).with(csrf()))
			.andExpect(redirectedUrl("/library#bundle-" + bundle))
			.andExpect(flash().attribute("success", "gift.claimed"));
		assertThat(library.owns(recipient.accountId(), bundle)).isTrue();
		assertThat(library.owns(buyer.accountId(), bundle)).isFalse();
		assertThat(jdbc.sql("select source from entitlements where order_id = ?").param(order.value())
			.query(String.class).single()).isEqualTo("GIFT");
		String page = mvc.perform(get("/library").with(user(recipient))).andReturn().getResponse()
			.getContentAsString();
		Matcher download = Pattern.compile("href=\"(/dl/[^\"]+)\"").matcher(page);
		assertThat(download.find()).isTrue();
		mvc.perform(get(download.group(1))).andExpect(status().isOk()).andExpect(content().bytes(FILM));
		mvc.perform(get("/library").with(user(buyer)))
			.andExpect(content().string(containsString("Claimed")))
			.andExpect(content().string(not(containsString("Send again"))));

		// The link is spent: the recipient again, or a third account that got hold of it, is refused.
		mvc.perform(post(claim).with(user(recipient)).with(csrf())).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This gift has been claimed already.")));
		AccountPrincipal attacker = fixtures.viewer();
		mvc.perform(get(claim).with(user(attacker))).andExpect(status().isBadRequest())
			.andExpect(content().string(not(containsString("Claim it into my library"))));
		mvc.perform(post(claim).with(user(attacker)).with(csrf())).andExpect(status().isBadRequest());
		assertThat(library.owns(attacker.accountId(), bundle)).isFalse();
		// Nor can anyone else resend the buyer's gift, or the buyer resend a claimed one.
		mvc.perform(post("/library/gifts/{order}/resend", order).with(user(attacker)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/library/gifts/{order}/resend", order).with(user(buyer)).with(csrf()))
			.andExpect(flash().attribute("error", "gift.resend.claimed"));

		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				select count(*) from analytics_events
				where kind = 'UNLOCK' and unlock_kind = 'GIFT' and bundle_id = ? and gross_minor = 1200""")
			.param(bundle.value()).query(Long.class).single() == 1);
	}

	@Test
	void aPayWhatYouWantGiftIsChargedTheChosenAmountAndBadRecipientsAreRefused() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("PWYW gift"), FILM);
		fixtures.as(creator, () -> {
			catalogService.payWhatYouWant(creator.accountId(), bundle, "5.00", "10.00", "USD");
			return null;
		});
		fixtures.publish(creator, bundle);
		AccountPrincipal buyer = fixtures.viewer();

		mvc.perform(post("/checkout/{id}/gift", bundle).with(user(buyer)).with(csrf()).param("recipient", "nobody")
			.param("amount", "7.00"))
			.andExpect(redirectedUrl("/bundles/" + bundle))
			.andExpect(flash().attribute("giftError", "checkout.gift.email.invalid"));
		mvc.perform(post("/checkout/{id}/gift", bundle).with(user(buyer)).with(csrf())
			.param("recipient", "friend@example.test").param("message", "x".repeat(301)).param("amount", "7.00"))
			.andExpect(flash().attribute("giftError", "checkout.gift.message.tooLong"));
		mvc.perform(post("/checkout/{id}/gift", bundle).with(user(buyer)).with(csrf())
			.param("recipient", "friend@example.test").param("amount", "1.00"))
			.andExpect(flash().attribute("giftError", "checkout.amount.belowMinimum"));
		BundleId free = fixtures.published(creator, Fixtures.unique("Free"), FILM);
		mvc.perform(post("/checkout/{id}/gift", free).with(user(buyer)).with(csrf())
			.param("recipient", "friend@example.test"))
			.andExpect(flash().attribute("giftError", "checkout.gift.notForSale"));
		assertThat(jdbc.sql("select count(*) from orders where buyer_id = ?").param(buyer.accountId().value())
			.query(Long.class).single()).isZero();

		String recipientEmail = Fixtures.unique("pwyw") + "@example.test";
		String payPage = mvc.perform(post("/checkout/{id}/gift", bundle).with(user(buyer)).with(csrf())
			.param("recipient", recipientEmail.toUpperCase()).param("amount", "7.50"))
			.andExpect(redirectedUrlPattern("/checkout/simulated/*"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(payPage + "/pay").with(user(buyer)).with(csrf()));
		assertThat(jdbc.sql("select amount_minor || ' ' || gift_email from orders where buyer_id = ? and status = 'PAID'")
			.param(buyer.accountId().value()).query(String.class).single()).isEqualTo("750 " + recipientEmail);
		assertThat(linkMailedTo(recipientEmail)).startsWith("/gifts/");
		assertThat(library.owns(buyer.accountId(), bundle)).isFalse();
	}

	@Test
	void forgedExpiredAndOwnGiftLinksAreRefusedAndAnOwnerLeavesTheGiftUnclaimed() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Gift"), FILM, "5.00", "USD");
		AccountPrincipal buyer = fixtures.viewer();
		String email = Fixtures.unique("to") + "@example.test";
		OrderId order = buyGift(buyer, bundle, email, null);
		String claim = linkMailedTo(email);

		String forged = "/gifts/" + "A".repeat(43);
		mvc.perform(get(forged)).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This gift link is not valid.")));
		mvc.perform(post(forged).with(user(fixtures.viewer())).with(csrf())).andExpect(status().isBadRequest());

		mvc.perform(post(claim).with(user(buyer)).with(csrf())).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("You bought this gift")));

		// Someone who owns the bundle already is told so; the gift stays unclaimed for someone else.
		AccountPrincipal owner = fixtures.viewer();
		String payPage = mvc.perform(post("/checkout/{id}", bundle).with(user(owner)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(payPage + "/pay").with(user(owner)).with(csrf()));
		mvc.perform(post(claim).with(user(owner)).with(csrf())).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("You already have this bundle")));
		// Owning it does not stop them giving it.
		mvc.perform(post("/checkout/{id}/gift", bundle).with(user(owner)).with(csrf())
			.param("recipient", Fixtures.unique("pal") + "@example.test"))
			.andExpect(redirectedUrlPattern("/checkout/simulated/*"));
		assertThat(jdbc.sql("select count(*) from gifts where order_id = ? and claimed_at is null")
			.param(order.value()).query(Long.class).single()).isEqualTo(1);

		jdbc.sql("""
				update gifts set sent_at = now() - interval '30 days', token_expires_at = now() - interval '1 minute'
				where order_id = ?""")
			.param(order.value()).update();
		AccountPrincipal late = fixtures.viewer();
		mvc.perform(get(claim)).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This gift link has expired.")));
		mvc.perform(post(claim).with(user(late)).with(csrf())).andExpect(status().isBadRequest());
		assertThat(library.owns(late.accountId(), bundle)).isFalse();
		mvc.perform(get("/library").with(user(buyer)))
			.andExpect(content().string(containsString("Link expired, not claimed")));

		// A resend mails a fresh link, with a full lifetime, and kills the old one; not again right away.
		mvc.perform(post("/library/gifts/{order}/resend", order).with(user(buyer)).with(csrf()))
			.andExpect(flash().attribute("success", "gift.resent"));
		await().atMost(Duration.ofSeconds(20)).until(() -> mails.to(email).size() == 2);
		String fresh = linkMailedTo(email);
		assertThat(fresh).isNotEqualTo(claim);
		mvc.perform(post("/library/gifts/{order}/resend", order).with(user(buyer)).with(csrf()))
			.andExpect(flash().attribute("error", "gift.resend.tooSoon"));
		mvc.perform(post(claim).with(user(late)).with(csrf())).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This gift link is not valid.")));
		mvc.perform(post(fresh).with(user(late)).with(csrf())).andExpect(redirectedUrl("/library#bundle-" + bundle));
		assertThat(library.owns(late.accountId(), bundle)).isTrue();
	}

	@Test
	void refundingAGiftRevokesTheClaimedCopyAndVoidsAnUnclaimedLink() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Refunded gift"), FILM, "9.00", "USD");
		AccountPrincipal buyer = fixtures.viewer();
		String claimedEmail = Fixtures.unique("claims") + "@example.test";
		String unclaimedEmail = Fixtures.unique("waits") + "@example.test";
		OrderId claimedOrder = buyGift(buyer, bundle, claimedEmail, null);
		OrderId unclaimedOrder = buyGift(buyer, bundle, unclaimedEmail, null);
		AccountPrincipal recipient = fixtures.viewer();
		mvc.perform(post(linkMailedTo(claimedEmail)).with(user(recipient)).with(csrf()));
		assertThat(library.owns(recipient.accountId(), bundle)).isTrue();
		String unclaimed = linkMailedTo(unclaimedEmail);

		fixtures.as(creator, () -> refunds.refund(creator, claimedOrder));
		fixtures.as(creator, () -> refunds.refund(creator, unclaimedOrder));

		assertThat(library.owns(recipient.accountId(), bundle)).isFalse();
		mvc.perform(get("/library").with(user(recipient)))
			.andExpect(content().string(not(containsString("href=\"/dl/"))));
		AccountPrincipal late = fixtures.viewer();
		mvc.perform(post(unclaimed).with(user(late)).with(csrf())).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This gift is no longer available")));
		assertThat(library.owns(late.accountId(), bundle)).isFalse();
		assertThat(library.owns(buyer.accountId(), bundle)).isFalse();
		assertThat(jdbc.sql("select count(*) from entitlements where account_id = ?")
			.param(buyer.accountId().value()).query(Long.class).single()).isZero();
		mvc.perform(get("/library").with(user(buyer))).andExpect(content().string(containsString("Refunded")));
	}

	private OrderId buyGift(AccountPrincipal buyer, BundleId bundle, String recipient, String message)
			throws Exception {
		var request = post("/checkout/{id}/gift", bundle).with(user(buyer)).with(csrf()).param("recipient", recipient);
		if (message != null) {
			request.param("message", message);
		}
		String payPage = mvc.perform(request).andExpect(redirectedUrlPattern("/checkout/simulated/*"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(payPage + "/pay").with(user(buyer)).with(csrf())).andExpect(redirectedUrl("/library"));
		return OrderId.of(payPage.substring("/checkout/simulated/".length()));
	}

	private String linkMailedTo(String email) {
		await().atMost(Duration.ofSeconds(20)).until(() -> !mails.to(email).isEmpty());
		List<SentMails.Received> received = mails.to(email);
		SentMails.Received mail = received.get(received.size() - 1);
		assertThat(mail.subject()).contains("sent you \u201c");
		Matcher link = Pattern.compile(Pattern.quote(publicUrl.link("")) + "(/gifts/[A-Za-z0-9_-]{43})")
			.matcher(mail.text());
		assertThat(link.find()).isTrue();
		return link.group(1);
	}
}
