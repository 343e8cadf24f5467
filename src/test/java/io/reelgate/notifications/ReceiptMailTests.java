package io.reelgate.notifications;

import java.time.Duration;
import java.util.List;

import io.reelgate.accounts.AccountPrincipal;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

/**
 * Receipts as the buyer receives them, read from the shared context's {@link SentMails}; that they travel over SMTP
 * with the configured sender is {@link SmtpDeliveryTests}' part.
 */
@IntegrationTest
class ReceiptMailTests {

	private static final byte[] FILM = "film".getBytes();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SentMails mails;

	@Autowired
	PublicUrlProperties publicUrl;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPaidOrderMailsTheBuyerOneReceiptWithTheAmountAndALinkToTheLibrary() throws Exception {
		AccountPrincipal buyer = fixtures.viewer();
		String title = Fixtures.unique("Receipted");
		BundleId bundle = fixtures.published(fixtures.creator("Ada Director"), title, FILM, "19.99", "USD");

		String payPage = mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf()))
			.andExpect(redirectedUrlPattern("/checkout/simulated/*"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(payPage + "/pay").with(user(buyer)).with(csrf())).andExpect(redirectedUrl("/library"));

		SentMails.Received receipt = theOnlyReceiptOf(buyer);
		assertThat(receipt.subject()).isEqualTo("Your receipt for \u201c" + title + "\u201d");
		assertThat(receipt.text())
			.contains("Hi " + buyer.displayName() + ",")
			.contains("\u201c" + title + "\u201d by Ada Director")
			.contains("Amount paid: $19.99")
			.contains(publicUrl.link("/library"))
			.contains("Order reference: " + payPage.substring("/checkout/simulated/".length()));
	}

	@Test
	void aFreeClaimMailsAReceiptThatSaysAddedToYourLibraryAndNoAmount() throws Exception {
		AccountPrincipal buyer = fixtures.viewer();
		String title = Fixtures.unique("Free receipt");
		BundleId bundle = fixtures.published(fixtures.creator(), title, FILM);

		mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf())).andExpect(redirectedUrl("/library"));

		SentMails.Received receipt = theOnlyReceiptOf(buyer);
		assertThat(receipt.subject()).isEqualTo("\u201c" + title + "\u201d is in your library");
		assertThat(receipt.text())
			.contains("\u201c" + title + "\u201d by")
			.contains("has been added to your library")
			.contains(publicUrl.link("/library"))
			.doesNotContain("Amount")
			.doesNotContain("$");
	}

	/**
	 * Waits until the registry has the buyer's receipt publication completed, so no second mail can still be on
	 * its way, then returns the one mail to the buyer.
	 */
	private SentMails.Received theOnlyReceiptOf(AccountPrincipal buyer) {
		await().atMost(Duration.ofSeconds(20)).until(() -> receiptCompleted(buyer));
		List<SentMails.Received> received = mails.to(buyer.email());
		assertThat(received).hasSize(1);
		return received.get(0);
	}

	private boolean receiptCompleted(AccountPrincipal buyer) {
		return jdbc.sql("""
				select count(*) from event_publication
				where listener_id like '%ReceiptSender%' and serialized_event like ? and completion_date is not null
				""")
			.param("%" + buyer.accountId().value() + "%")
			.query(Long.class)
			.single() == 1;
	}
}
