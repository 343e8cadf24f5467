package io.reelgate.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import io.reelgate.support.StoredFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class StudioTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Catalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	private StudioDefaultsSwitch defaults;

	@BeforeEach
	void switchable() {
		defaults = new StudioDefaultsSwitch(context);
	}

	@AfterEach
	void configuredDefaults() {
		defaults.restore();
	}

	@Test
	void aCreatorCreatesADraftFromTheForm() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		mvc.perform(post("/studio/bundles").with(user(creator)).with(csrf())
			.param("title", "Night Train")
			.param("summary", "A short film about a long journey.")
			.param("description", "Shot on 16mm."))
			.andExpect(redirectedUrlPattern("/studio/bundles/*"));

		assertThat(catalog.bundlesOf(creator.accountId())).singleElement().satisfies(b -> {
			assertThat(b.title()).isEqualTo("Night Train");
			assertThat(b.status()).isEqualTo(BundleStatus.DRAFT);
			assertThat(b.creatorName()).isEqualTo(creator.displayName());
		});
	}

	@Test
	void aNewDraftStartsWithTheOperatorsDefaultGatePriceAndCurrency() throws Exception {
		AccountPrincipal creator = fixtures.creator();

		defaults.to(Gate.PAID, "eur", "4.99");
		assertThat(createdFromTheForm(creator, "Priced by default")).satisfies(b -> {
			assertThat(b.gate()).isEqualTo(Gate.PAID);
			assertThat(b.price()).isEqualTo(Money.of(499, "EUR"));
		});

		defaults.to(Gate.PWYW, "GBP", "2.00");
		assertThat(createdFromTheForm(creator, "Choose by default")).satisfies(b -> {
			assertThat(b.gate()).isEqualTo(Gate.PWYW);
			assertThat(b.price()).isEqualTo(Money.of(200, "GBP"));
			assertThat(b.suggestedPrice()).isEqualTo(Money.of(200, "GBP"));
		});

		defaults.to(Gate.EMAIL, null, "4.99");
		assertThat(createdFromTheForm(creator, "Mailed by default").gate()).isEqualTo(Gate.EMAIL);

		// A price the currency's range refuses leaves the draft free rather than refusing to create it.
		defaults.to(Gate.PAID, "USD", "0.10");
		assertThat(createdFromTheForm(creator, "Too cheap by default")).satisfies(b -> {
			assertThat(b.gate()).isEqualTo(Gate.FREE);
			assertThat(b.price()).isNull();
		});
	}

	@Test
	void missingTitleAndSummaryAreFormErrorsAndNothingIsCreated() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		mvc.perform(post("/studio/bundles").with(user(creator)).with(csrf()).param("title", " ").param("summary", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Give the bundle a title.")))
			.andExpect(content().string(containsString("Write a short description.")));
		assertThat(catalog.bundlesOf(creator.accountId())).isEmpty();
	}

	@Test
	void anUploadIsStreamedToStorageWithItsSizeAndSha256Recorded() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId id = fixtures.draft(creator, "Upload test", bytes("first"));
		byte[] content = new byte[1_500_000];
		new Random(7).nextBytes(content);

		mvc.perform(multipart("/studio/bundles/{id}/files", id)
			.file(new MockMultipartFile("file", "../Trailer (final).mov", "text/html", content))
			.with(user(creator)).with(csrf()))
			.andExpect(redirectedUrl("/studio/bundles/" + id))
			.andExpect(flash().attribute("success", "upload.done"));

		FileView stored = catalog.editable(creator.accountId(), id).files().get(1);
		assertThat(stored.name()).isEqualTo("Trailer (final).mov");
		assertThat(stored.contentType()).isEqualTo("video/quicktime");
		assertThat(stored.size()).isEqualTo(content.length);
		assertThat(stored.sha256()).isEqualTo(sha256(content));
	}

	@Test
	void anEmptyFileIsRefusedAndLeavesNoRowAndNoBlob() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId id = fixtures.draft(creator, "Empty upload", bytes("x"));
		long blobs = StoredFiles.count();

		mvc.perform(multipart("/studio/bundles/{id}/files", id)
			.file(new MockMultipartFile("file", "empty.txt", "text/plain", new byte[0]))
			.with(user(creator)).with(csrf()))
			.andExpect(redirectedUrl("/studio/bundles/" + id))
			.andExpect(flash().attribute("error", "upload.empty"));

		assertThat(catalog.editable(creator.accountId(), id).files()).hasSize(1);
		assertThat(StoredFiles.count()).isEqualTo(blobs);
	}

	@Test
	void aFileOverTheLimitIsRefusedAndLeavesNoRowAndNoBlob() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId id = fixtures.draft(creator, "Too large", bytes("x"));
		long blobs = StoredFiles.count();

		mvc.perform(multipart("/studio/bundles/{id}/files", id)
			.file(new MockMultipartFile("file", "big.mp4", "video/mp4", new byte[5 * 1024 * 1024 + 1]))
			.with(user(creator)).with(csrf()))
			.andExpect(flash().attribute("error", "upload.tooLarge"));

		assertThat(catalog.editable(creator.accountId(), id).files()).hasSize(1);
		assertThat(StoredFiles.count()).isEqualTo(blobs);
	}

	@Test
	void aCoverMustReallyBeAnImage() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId id = fixtures.draft(creator, "Cover test", bytes("x"));
		long blobs = StoredFiles.count();

		mvc.perform(multipart("/studio/bundles/{id}/cover", id)
			.file(new MockMultipartFile("cover", "cover.png", "image/png", bytes("<svg onload=alert(1)></svg>")))
			.with(user(creator)).with(csrf()))
			.andExpect(flash().attribute("error", "cover.notAnImage"));
		assertThat(StoredFiles.count()).isEqualTo(blobs);

		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };
		mvc.perform(multipart("/studio/bundles/{id}/cover", id)
			.file(new MockMultipartFile("cover", "cover.svg", "image/svg+xml", png))
			.with(user(creator)).with(csrf()))
			.andExpect(flash().attribute("success", "cover.saved"));
		assertThat(catalog.cover(id, new Catalog.Viewer(creator.accountId(), false)).contentType()).isEqualTo("image/png");
	}

	@Test
	void aPriceIsParsedAgainstTheCurrencyAndItsLimits() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId id = fixtures.draft(creator, "Priced", bytes("x"));

		gate(creator, id, "PAID", "abc", "USD").andExpect(flash().attribute("error", "gate.price.invalid"));
		gate(creator, id, "PAID", "9.999", "USD").andExpect(flash().attribute("error", "gate.price.invalid"));
		gate(creator, id, "PAID", "5", "XYZ").andExpect(flash().attribute("error", "gate.currency.unknown"));
		gate(creator, id, "PAID", "0.50", "USD").andExpect(flash().attribute("error", "gate.price.outOfRange"));
		gate(creator, id, "PAID", "1000.01", "USD").andExpect(flash().attribute("error", "gate.price.outOfRange"));
		assertThat(catalog.editable(creator.accountId(), id).summary().gate()).isEqualTo(Gate.FREE);

		gate(creator, id, "PAID", "12.50", "eur").andExpect(flash().attribute("success", "gate.saved"));
		assertThat(catalog.editable(creator.accountId(), id).summary().price())
			.isEqualTo(Money.of(1250, "EUR"));
	}

	@Test
	void publishingNeedsAFile() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		mvc.perform(post("/studio/bundles").with(user(creator)).with(csrf()).param("title", "Empty").param("summary", "s"));
		BundleId id = catalog.bundlesOf(creator.accountId()).get(0).id();

		mvc.perform(post("/studio/bundles/{id}/publish", id).with(user(creator)).with(csrf()))
			.andExpect(flash().attribute("error", "bundle.publish.noFiles"));
		assertThat(catalog.editable(creator.accountId(), id).summary().isPublished()).isFalse();
	}

	@Test
	void anotherCreatorCannotSeeOrChangeABundleByItsId() throws Exception {
		AccountPrincipal owner = fixtures.creator();
		AccountPrincipal intruder = fixtures.creator();
		BundleId id = fixtures.draft(owner, "Mine", bytes("x"));
		long blobs = StoredFiles.count();

		mvc.perform(get("/studio/bundles/{id}", id).with(user(intruder))).andExpect(status().isNotFound());
		mvc.perform(post("/studio/bundles/{id}", id).with(user(intruder)).with(csrf())
			.param("title", "Stolen").param("summary", "s")).andExpect(status().isNotFound());
		gate(intruder, id, "PAID", "1.00", "USD").andExpect(status().isNotFound());
		mvc.perform(post("/studio/bundles/{id}/publish", id).with(user(intruder)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(multipart("/studio/bundles/{id}/files", id)
			.file(new MockMultipartFile("file", "x.txt", "text/plain", bytes("intruder")))
			.with(user(intruder)).with(csrf())).andExpect(status().isNotFound());

		BundleSummary after = catalog.editable(owner.accountId(), id).summary();
		assertThat(after.title()).isEqualTo("Mine");
		assertThat(after.isPublished()).isFalse();
		assertThat(after.gate()).isEqualTo(Gate.FREE);
		assertThat(StoredFiles.count()).isEqualTo(blobs);
	}

	@Test
	void viewersAndAnonymousPeopleCannotUseTheStudio() throws Exception {
		mvc.perform(get("/studio").with(user(fixtures.viewer()))).andExpect(status().isForbidden());
		mvc.perform(post("/studio/bundles").with(user(fixtures.viewer())).with(csrf()).param("title", "t"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/studio")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void theDashboardListsTheCreatorsBundlesOnly() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		fixtures.draft(creator, "Dashboard film", bytes("x"), "4.00", "USD");
		fixtures.draft(fixtures.creator(), "Somebody else's film", bytes("x"));

		mvc.perform(get("/studio").with(user(creator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Dashboard film")))
			.andExpect(content().string(containsString("$4.00")))
			.andExpect(content().string(not(containsString("Somebody else"))));
	}

	private ResultActions gate(AccountPrincipal who, BundleId id, String gate,
			String amount, String currency) throws Exception {
		return mvc.perform(post("/studio/bundles/{id}/gate", id).with(user(who)).with(csrf())
			.param("gate", gate).param("amount", amount).param("currency", currency));
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

	private BundleSummary createdFromTheForm(AccountPrincipal creator, String title) throws Exception {
		mvc.perform(post("/studio/bundles").with(user(creator)).with(csrf())
			.param("title", title)
			.param("summary", "Made with the editor defaults."))
			.andExpect(redirectedUrlPattern("/studio/bundles/*"));
		return catalog.bundlesOf(creator.accountId())
			.stream()
			.filter(b -> b.title().equals(title))
			.findFirst()
			.orElseThrow();
	}
}
