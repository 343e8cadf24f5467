package io.reelgate.notifications;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.TestSmtp;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

/**
 * Receipts delivered over real SMTP to an in-process GreenMail server. The only test class with SMTP configured:
 * its properties make a Spring context (and embedded PostgreSQL) of its own, closed after the class rather than
 * cached, since no other class can share it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(Fixtures.class)
@DirtiesContext
class ReceiptMailTests {

	private static final byte[] FILM = "film".getBytes();

	@RegisterExtension
	static final GreenMailExtension smtp = TestSmtp.server();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		TestSmtp.configure(registry, smtp, "Reelgate Tests <receipts@reelgate.test>");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Mailer mailer;

	@Autowired
	JdbcClient jdbc;

	@Test
	void withAnSmtpHostMailGoesThroughSmtp() {
		assertThat(mailer).isInstanceOf(SmtpMailer.class);
	}

	@Test
	void aPaidOrderMailsTheBuyerOneReceiptWithTheAmountAndALinkToTheLibrary() throws Exception {
		AccountPrincipal buyer = fixtures.viewer();
		String title = Fixtures.unique("Receipted");
		BundleId bundle = fixtures.published(fixtures.creator("Ada Director"), title, FILM, "19.99", "USD");

		String payPage = mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf()))
			.andExpect(redirectedUrlPattern("/checkout/simulated/*"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(payPage + "/pay").with(user(buyer)).with(csrf())).andExpect(redirectedUrl("/library"));

		MimeMessage receipt = theOnlyReceiptOf(buyer);
		assertThat(receipt.getSubject()).isEqualTo("Your receipt for \u201c" + title + "\u201d");
		assertThat(receipt.getFrom()).containsExactly(new InternetAddress("Reelgate Tests <receipts@reelgate.test>"));
		assertThat(receipt.getContent()).asString()
			.contains("Hi " + buyer.displayName() + ",")
			.contains("\u201c" + title + "\u201d by Ada Director")
			.contains("Amount paid: $19.99")
			.contains("https://films.example.com/library")
			.contains("Order reference: " + payPage.substring("/checkout/simulated/".length()));
	}

	@Test
	void aFreeClaimMailsAReceiptThatSaysAddedToYourLibraryAndNoAmount() throws Exception {
		AccountPrincipal buyer = fixtures.viewer();
		String title = Fixtures.unique("Free receipt");
		BundleId bundle = fixtures.published(fixtures.creator(), title, FILM);

		mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf())).andExpect(redirectedUrl("/library"));

		MimeMessage receipt = theOnlyReceiptOf(buyer);
		assertThat(receipt.getSubject()).isEqualTo("\u201c" + title + "\u201d is in your library");
		assertThat(receipt.getContent()).asString()
			.contains("\u201c" + title + "\u201d by")
			.contains("has been added to your library")
			.contains("https://films.example.com/library")
			.doesNotContain("Amount")
			.doesNotContain("$");
	}

	/**
	 * Waits until the registry has the buyer's receipt publication completed, so no second mail can still be on
	 * its way, then returns the one mail delivered to the buyer.
	 */
	private MimeMessage theOnlyReceiptOf(AccountPrincipal buyer) {
		await().atMost(Duration.ofSeconds(20)).until(() -> receiptCompleted(buyer));
		List<MimeMessage> received = Arrays.stream(smtp.getReceivedMessages())
			.filter(message -> isAddressedTo(message, buyer.email()))
			.toList();
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

	private static boolean isAddressedTo(MimeMessage message, String email) {
		try {
			Address[] recipients = message.getAllRecipients();
			return recipients != null && Arrays.stream(recipients)
				.anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(email));
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
