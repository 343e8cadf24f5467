package io.reelgate.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountStatus;
import io.reelgate.api.ApiTokenService;
import io.reelgate.api.Scope;
import io.reelgate.catalog.CatalogService;
import io.reelgate.checkout.Discount;
import io.reelgate.checkout.DiscountService;
import io.reelgate.checkout.DiscountService.NewDiscountCode;
import io.reelgate.library.Screeners;
import io.reelgate.library.Screeners.NewScreeners;
import io.reelgate.moderation.ModerationService;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Confirmation;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import io.reelgate.support.Sounds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every sensitive URL against every kind of visitor, a suspended creator included. {@code LOGIN} means a redirect to the login form; 404 is the
 * answer for someone else's bundle or order (it does not confirm that it exists); 403 for a role that never may.
 * State-changing requests are sent with a valid CSRF token and checked only for the visitors who must be refused
 * ({@code SKIP} marks the owners, whose successful changes the feature tests cover); separately, every one of them
 * is refused without a token or with a forged one, even for a visitor who could otherwise make it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlMatrixTests {

	private static final int LOGIN = 302;

	private static final int SKIP = 0;

	/** A suspended creator may reach exactly what any other creator may: the rows' OTHER_CREATOR column. */
	enum Visitor {
		ANONYMOUS, VIEWER, OTHER_VIEWER, CREATOR, OTHER_CREATOR, ADMIN, SUSPENDED_CREATOR
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ModerationService moderation;

	@Autowired
	ApiTokenService apiTokens;

	@Autowired
	CatalogService catalogService;

	@Autowired
	DiscountService discounts;

	@Autowired
	Screeners screeners;

	private final Map<Visitor, AccountPrincipal> accounts = new EnumMap<>(Visitor.class);

	private BundleId published;

	private BundleId draft;

	private String draftFile;

	private String publishedFile;

	private BundleId free;

	private String unlockedFile;

	private String mediaFile;

	private String unlockedMediaFile;

	private String unlockedDraftFile;

	private String discountCode;

	private String order;

	private String apiToken;

	private String giftOrder;

	private String screenerCode;
	@Autowired
	PublicKeyCredentialUserEntityRepository passkeyUsers;

	@Autowired
	UserCredentialRepository passkeyCredentials;

	/** A passkey of the viewer's, which nobody else may remove. */
	private String viewerPasskey;

	@BeforeAll
	void visitorsAndTheirThings() throws Exception {
		accounts.put(Visitor.VIEWER, fixtures.viewer());
		accounts.put(Visitor.OTHER_VIEWER, fixtures.viewer());
		AccountPrincipal creator = fixtures.creator();
		accounts.put(Visitor.CREATOR, creator);
		accounts.put(Visitor.OTHER_CREATOR, fixtures.creator());
		accounts.put(Visitor.ADMIN, fixtures.admin());
		fixtures.payoutsReady(creator);
		AccountPrincipal suspended = fixtures.creator();
		fixtures.as(fixtures.admin(), () -> {
			moderation.changeAccountStatus(fixtures.admin(), suspended.accountId(), AccountStatus.SUSPENDED, "Spam");
			return null;
		});
		accounts.put(Visitor.SUSPENDED_CREATOR, suspended);

		draft = fixtures.draft(creator, Fixtures.unique("Draft"), "draft".getBytes());
		draftFile = fixtures.addFile(creator, draft, "notes.txt", "notes".getBytes()).id().toString();
		free = fixtures.draft(creator, Fixtures.unique("Free"), "free".getBytes());
		publishedFile = fixtures.addFile(creator, free, "extras.txt", "extras".getBytes()).id().toString();
		unlockedFile = unlocked(creator, free, "poster.txt");
		mediaFile = fixtures.addFile(creator, free, "score.wav", Sounds.wav(1)).id().toString();
		BundleFileId trailer = fixtures.addFile(creator, free, "trailer.wav", Sounds.wav(1)).id();
		fixtures.as(creator, () -> {
			catalogService.unlockFile(creator.accountId(), free, trailer, true);
			return null;
		});
		unlockedMediaFile = trailer.toString();
		unlockedDraftFile = unlocked(creator, draft, "press.txt");
		fixtures.publish(creator, free);
		published = fixtures.published(creator, Fixtures.unique("Paid"), "paid".getBytes(), "5.00", "USD");

		apiToken = fixtures.as(creator, () -> apiTokens.create(creator.accountId(), "CI",
				java.util.Set.of(Scope.BUNDLES_READ), java.util.Optional.empty())).token().id().toString();
		discountCode = fixtures.as(creator, () -> discounts.create(creator.accountId(),
				new NewDiscountCode(Fixtures.unique("MATRIX").toUpperCase(), published, new Discount.Percent(10), null,
						null)))
			.toString();

		AccountPrincipal viewer = accounts.get(Visitor.VIEWER);
		mvc.perform(post("/checkout/{id}", free).with(user(viewer)).with(csrf()));
		String payAt = mvc.perform(post("/checkout/{id}", published).with(user(viewer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(payAt).startsWith("/checkout/simulated/");
		order = payAt.substring("/checkout/simulated/".length());
		String giftPayAt = mvc.perform(post("/checkout/{id}/gift", published).with(user(viewer)).with(csrf())
			.param("recipient", Fixtures.unique("friend") + "@example.test"))
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(giftPayAt).startsWith("/checkout/simulated/");
		mvc.perform(post(giftPayAt + "/pay").with(user(viewer)).with(csrf()));
		giftOrder = giftPayAt.substring("/checkout/simulated/".length());
		screenerCode = fixtures.as(creator, () -> {
			screeners.generate(creator.accountId(), published, new NewScreeners(1, "Jury", null, false));
			return screeners.codesOf(creator.accountId(), published).get(0).id().toString();
		});
		viewerPasskey = passkeyOf(viewer);
	}

	private String passkeyOf(AccountPrincipal account) {
		Bytes user = Bytes.random();
		passkeyUsers.save(ImmutablePublicKeyCredentialUserEntity.builder().id(user).name(account.email())
			.displayName(account.email()).build());
		Bytes credential = Bytes.random();
		passkeyCredentials.save(ImmutableCredentialRecord.builder().credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.credentialId(credential).userEntityUserId(user).publicKey(new ImmutablePublicKeyCose(new byte[] { 1 }))
			.signatureCount(0).uvInitialized(true).backupEligible(false).backupState(false).label("Matrix key").build());
		return credential.toBase64UrlString();
	}

	private String unlocked(AccountPrincipal creator, BundleId bundle, String name) {
		BundleFileId file = fixtures.addFile(creator, bundle, name, name.getBytes()).id();
		fixtures.as(creator, () -> {
			catalogService.unlockFile(creator.accountId(), bundle, file, true);
			return null;
		});
		return file.toString();
	}

	@TestFactory
	Stream<DynamicTest> everySensitiveUrlAnswersEachKindOfVisitorAsExpected() {
		return rules().stream().flatMap(Rule::tests);
	}

	private List<Rule> rules() {
		rules.clear();
		//                          anonymous viewer other-viewer creator other-creator admin
		page("/", 200, 200, 200, 200, 200, 200);
		page("/bundles/" + published, 200, 200, 200, 200, 200, 200);
		// Its creator and admins may preview a draft; to everyone else it does not exist.
		page("/bundles/" + draft, 404, 404, 404, 200, 404, 200);
		// The embedded buy card is the anonymous one for everybody: a draft's does not exist, not even for its creator.
		page("/embed/bundles/" + published, 200, 200, 200, 200, 200, 200);
		page("/embed/bundles/" + draft, 404, 404, 404, 404, 404, 404);
		page("/creators/" + accounts.get(Visitor.CREATOR).accountId(), 200, 200, 200, 200, 200, 200);
		// For crawlers, the same to everyone; a URL nothing answers is a 404, not a login page.
		page("/robots.txt", 200, 200, 200, 200, 200, 200);
		page("/sitemap.xml", 200, 200, 200, 200, 200, 200);
		page("/sitemaps/bundles-1.xml", 200, 200, 200, 200, 200, 200);
		page("/sitemaps/creators-1.xml", 200, 200, 200, 200, 200, 200);
		page("/sitemaps/tags-1.xml", 200, 200, 200, 200, 200, 200);
		page("/tags/drama?sort=price", 200, 200, 200, 200, 200, 200);
		// A creator without a banner has none to serve, whoever asks.
		page("/creators/" + accounts.get(Visitor.CREATOR).accountId() + "/banner/0000000000000000/480.jpg", 404, 404,
				404, 404, 404, 404);
		// One's own creator page, always the signed-in creator's: there is no id to point at someone else's.
		page("/studio/profile", LOGIN, 403, 403, 200, 200, 403);
		page("/no-such-page", 404, 404, 404, 404, 404, 404);
		page("/library", LOGIN, 200, 200, 200, 200, 200);
		page("/account", LOGIN, 200, 200, 200, 200, 200);
		page("/account/export", LOGIN, 200, 200, 200, 200, 200);
		page("/downloads/" + publishedFile, LOGIN, 200, 404, 200, 404, 200);
		page("/downloads/" + draftFile, LOGIN, 404, 404, 200, 404, 200);
		page("/checkout/simulated/" + order, LOGIN, 200, 404, 404, 404, 404);
		page("/orders/" + order, LOGIN, 200, 404, 404, 404, 404);
		// The order summary before the gateway's page, and its Pay and Cancel: the order's buyer only.
		page("/checkout/orders/" + order, LOGIN, 200, 404, 404, 404, 404);
		change("/checkout/orders/" + order + "/pay", LOGIN, SKIP, 404, 404, 404, 404);
		change("/checkout/orders/" + order + "/cancel", LOGIN, SKIP, 404, 404, 404, 404);
		page("/studio/bundles/" + draft + "/screeners", LOGIN, 403, 403, 200, 404, 403);
		page("/studio/bundles/" + draft + "/collaborators", LOGIN, 403, 403, 200, 404, 403);
		// A collaborator's payout set-up: only with an accepted share and a gateway that pays out (none here).
		page("/collaborations/payouts/refresh", LOGIN, 404, 404, 404, 404, 404);
		page("/collaborations/payouts/return", LOGIN, 404, 404, 404, 404, 404);
		page("/account/two-factor/setup", LOGIN, 200, 200, 200, 200, 200);
		// Going on with a passkey made while setting up a second factor: signed in, none was made, so it sends to the
		// account page, which this matrix cannot tell from the login page (PasskeyCeremonyTests checks where it goes).
		page("/account/two-factor/setup/passkey", LOGIN, SKIP, SKIP, SKIP, SKIP, SKIP);
		// The player's stream: media only, to whoever may have the file (or rents it, see RentalTests).
		page("/stream/" + mediaFile, LOGIN, 200, 404, 200, 404, 200);
		page("/stream/" + publishedFile, LOGIN, 404, 404, 404, 404, 404);
		// The player page: for whoever may stream the file, and for anyone when it is unlocked (a trailer).
		page("/watch/" + mediaFile, 404, 200, 404, 200, 404, 200);
		page("/watch/" + unlockedMediaFile, 200, 200, 200, 200, 200, 200);
		page("/watch/" + publishedFile, 404, 404, 404, 404, 404, 404);
		page("/watch/" + draftFile, 404, 404, 404, 404, 404, 404);
		// HLS paths carry their own signature (DownloadLinks): a made-up one opens nothing for anyone.
		page("/hls/a/" + mediaFile + "/" + accounts.get(Visitor.VIEWER).accountId() + "/4102444800/" + "A".repeat(43)
				+ "/master.m3u8", 403, 403, 403, 403, 403, 403);
		page("/hls/p/" + unlockedMediaFile + "/" + free + "/4102444800/" + "A".repeat(43) + "/a.m4s", 403, 403, 403,
				403, 403, 403);
		page("/studio", LOGIN, 403, 403, 200, 200, 403);
		page("/studio/sales", LOGIN, 403, 403, 200, 200, 403);
		page("/studio/discounts", LOGIN, 403, 403, 200, 200, 403);
		page("/studio/emails", LOGIN, 403, 403, 200, 200, 403);
		page("/studio/emails.csv", LOGIN, 403, 403, 200, 200, 403);
		page("/studio/sales.csv", LOGIN, 403, 403, 200, 200, 403);
		// Email-gate links work without an account, so a made-up token or a forged file link fails for everyone.
		page("/email-unlocks/made-up-token", 400, 400, 400, 400, 400, 400);
		page("/email-unlocks/" + UUID.randomUUID() + "/files/" + publishedFile + "/4102444800/"
				+ "A".repeat(43) + "/extras.txt", 403, 403, 403, 403, 403, 403);
		page("/studio/bundles/new", LOGIN, 403, 403, 200, 200, 403);
		page("/studio/bundles/" + draft, LOGIN, 403, 403, 200, 404, 403);
		// Analytics: a creator's own figures; another creator's bundle does not exist for them.
		page("/studio/analytics", LOGIN, 403, 403, 200, 200, 403);
		page("/studio/analytics/data.json", LOGIN, 403, 403, 200, 200, 403);
		page("/studio/analytics/days.csv", LOGIN, 403, 403, 200, 200, 403);
		// The tus endpoint answers in problems, never with the login form: 401 signed out, 403 for other roles; a
		// creator reaches the protocol (405 for GET, 412 for a POST without Tus-Resumable).
		page("/studio/uploads", 401, 403, 403, 405, 405, 403);
		change("/studio/uploads", 401, 403, 403, SKIP, 412, 403);
		page("/studio/analytics/bundles/" + published, LOGIN, 403, 403, 200, 404, 403);
		page("/studio/analytics/bundles/" + published + "/data.json", LOGIN, 403, 403, 200, 404, 403);
		page("/studio/analytics/bundles/" + published + "/days.csv", LOGIN, 403, 403, 200, 404, 403);
		page("/studio/analytics/bundles/" + published + "/money.csv", LOGIN, 403, 403, 200, 404, 403);
		page("/studio/analytics/bundles/" + published + "/referrers.csv", LOGIN, 403, 403, 200, 404, 403);
		page("/studio/analytics/bundles/" + published + "/watch.csv", LOGIN, 403, 403, 200, 404, 403);
		page("/studio/analytics/watch.csv", LOGIN, 403, 403, 200, 200, 403);
		page("/studio/tokens", LOGIN, 403, 403, 200, 200, 403);
		// The creator API's description and Swagger UI are public; the API itself takes only tokens (see io.reelgate.api).
		page("/v3/api-docs", 200, 200, 200, 200, 200, 200);
		page("/swagger-ui/index.html", 200, 200, 200, 200, 200, 200);
		page("/admin", LOGIN, 403, 403, 403, 403, 200);
		page("/admin/bundles", LOGIN, 403, 403, 403, 403, 200);
		page("/admin/audit", LOGIN, 403, 403, 403, 403, 200);
		page("/admin/payments", LOGIN, 403, 403, 403, 403, 200);
		page("/admin/accounts", LOGIN, 403, 403, 403, 403, 200);
		page("/admin/reports", LOGIN, 403, 403, 403, 403, 200);
		page("/admin/reviews", LOGIN, 403, 403, 403, 403, 200);
		page("/bundles/" + published + "/report", 200, 200, 200, 200, 200, 200);
		page("/creators/" + accounts.get(Visitor.CREATOR).accountId() + "/report", 200, 200, 200, 200, 200, 200);
		page("/creators/" + accounts.get(Visitor.VIEWER).accountId() + "/report", 404, 404, 404, 404, 404, 404);
		// Only files the creator unlocked stream or download from the bundle page; the rest stay behind the gate.
		page("/bundles/" + published + "/previews/" + publishedFile, 404, 404, 404, 404, 404, 404);
		page("/bundles/" + free + "/unlocked/" + publishedFile, 404, 404, 404, 404, 404, 404);
		page("/bundles/" + free + "/unlocked/" + unlockedFile, 200, 200, 200, 200, 200, 200);
		page("/bundles/" + draft + "/unlocked/" + unlockedDraftFile, 404, 404, 404, 200, 404, 200);
		page("/bundles/" + draft + "/report", 404, 404, 404, 404, 404, 404);
		// Mailed links carry their own token: the pages open for anyone; without a valid token nothing happens.
		page("/email/verify", 200, 200, 200, 200, 200, 200);
		page("/password/forgot", 200, 200, 200, 200, 200, 200);
		page("/password/reset", 400, 400, 400, 400, 400, 400);
		// BitTorrent: a buyer's own .torrent (200, or 503 while piece hashes are computed: see the torrents tests);
		// admins are not buyers. The tracker and web seed authorize by passkey and token alone, never by session.
		page("/library/bundles/" + published + "/torrent", LOGIN, 404, 404, SKIP, 404, 404);
		page("/library/bundles/" + free + "/torrent", LOGIN, SKIP, 404, SKIP, 404, 404);
		page("/library/bundles/" + draft + "/torrent", LOGIN, 404, 404, SKIP, 404, 404);
		page("/tracker/" + accounts.get(Visitor.VIEWER).accountId() + "." + "A".repeat(43) + "/announce", 200, 200,
				200, 200, 200, 200);
		page("/ws/" + UUID.randomUUID() + "." + UUID.randomUUID() + "." + "A".repeat(43) + "/name/file.mp4", 403, 403,
				403, 403, 403, 403);

		change("/checkout/" + published, LOGIN, SKIP, SKIP, SKIP, SKIP, SKIP);
		change("/checkout/" + published + "/rental", LOGIN, SKIP, SKIP, SKIP, SKIP, SKIP);
		change("/account/password", LOGIN, SKIP, SKIP, SKIP, SKIP, SKIP);
		change("/account/sessions/others/logout", LOGIN, SKIP, SKIP, SKIP, SKIP, SKIP);
		change("/account/email", LOGIN, SKIP, SKIP, SKIP, SKIP, SKIP);
		change("/account/email/verification", LOGIN, SKIP, SKIP, SKIP, SKIP, SKIP);
		change("/account/delete", LOGIN, SKIP, SKIP, SKIP, SKIP, SKIP);
		// Passkeys: only their owner removes one; to anyone else it does not exist. The ceremonies' JSON endpoints
		// (Spring Security's filters) answer 400 or 401 to what is no ceremony, never a page or a 500.
		change("/account/passkeys/" + viewerPasskey + "/remove", LOGIN, SKIP, 404, 404, 404, 404);
		change("/account/passkeys/" + "A".repeat(22) + "/remove", LOGIN, 404, 404, 404, 404, 404);
		change("/webauthn/register/options", 400, SKIP, SKIP, SKIP, SKIP, SKIP);
		change("/webauthn/register", LOGIN, 400, 400, 400, 400, 400);
		change("/webauthn/authenticate/options", 200, 200, 200, 200, 200, 200);
		// One refused assertion only: every one counts against 127.0.0.1's passkey failures (PasskeyCeremonyTests).
		change("/login/webauthn", 401, SKIP, SKIP, SKIP, SKIP, SKIP);
		// A handle names one of the signed-in account's own sessions; anyone else's is "gone" (EmailChangeTests).
		change("/account/sessions/" + "0".repeat(32) + "/logout", LOGIN, SKIP, SKIP, SKIP, SKIP, SKIP);
		change("/email/verify", SKIP, SKIP, SKIP, SKIP, SKIP, SKIP);
		change("/password/forgot", SKIP, SKIP, SKIP, SKIP, SKIP, SKIP);
		change("/password/reset", SKIP, SKIP, SKIP, SKIP, SKIP, SKIP);
		// The player's resume position: only for whoever may stream the whole file; nobody else's is written.
		change("/watch/" + mediaFile + "/position?seconds=1", LOGIN, SKIP, 404, SKIP, 404, SKIP);
		// With a play named (for watch time): the same, and nothing counted for anyone else.
		change("/watch/" + mediaFile + "/position?seconds=1&play=" + UUID.randomUUID() + "&n=1", LOGIN, SKIP, 404,
				SKIP, 404, SKIP);
		change("/checkout/simulated/" + order + "/pay", LOGIN, SKIP, 404, 404, 404, 404);
		change("/checkout/simulated/" + order + "/cancel", LOGIN, SKIP, 404, 404, 404, 404);
		change("/studio/bundles", LOGIN, 403, 403, SKIP, SKIP, 403);
		change("/studio/bundles/" + draft, LOGIN, 403, 403, SKIP, 404, 403);
		change("/studio/bundles/" + draft + "/gate", LOGIN, 403, 403, SKIP, 404, 403);
		change("/studio/bundles/" + draft + "/tags", LOGIN, 403, 403, SKIP, 404, 403);
		change("/studio/profile", LOGIN, 403, 403, SKIP, SKIP, 403);
		change("/studio/profile/banner", LOGIN, 403, 403, SKIP, SKIP, 403);
		change("/studio/profile/banner/delete", LOGIN, 403, 403, SKIP, SKIP, 403);
		change("/studio/bundles/" + draft + "/rental", LOGIN, 403, 403, SKIP, 404, 403);
		change("/studio/bundles/" + draft + "/prices/EUR", LOGIN, 403, 403, SKIP, 404, 403);
		change("/studio/bundles/" + draft + "/prices/EUR/delete", LOGIN, 403, 403, SKIP, 404, 403);
		change("/studio/bundles/" + draft + "/screeners", LOGIN, 403, 403, SKIP, 404, 403);
		change("/studio/bundles/" + draft + "/files", LOGIN, 403, 403, SKIP, 404, 403);
		change("/studio/bundles/" + draft + "/cover", LOGIN, 403, 403, SKIP, 404, 403);
		change("/studio/bundles/" + draft + "/files/" + draftFile + "/delete", LOGIN, 403, 403, SKIP, 404, 403);
		change("/studio/bundles/" + draft + "/files/" + draftFile + "/unlocked", LOGIN, 403, 403, SKIP, 404, 403);
		change("/studio/bundles/" + draft + "/files/" + draftFile + "/poster", LOGIN, 403, 403, SKIP, 404, 403);
		change("/studio/bundles/" + free + "/files/" + mediaFile + "/ladder", LOGIN, 403, 403, SKIP, 404, 403);
		change("/studio/bundles/" + free + "/files/" + mediaFile + "/captions/" + UUID.randomUUID() + "/delete", LOGIN,
				403, 403, SKIP, 404, 403);
		change("/studio/bundles/" + draft + "/publish", LOGIN, 403, 403, SKIP, 404, 403);
		change("/studio/bundles/" + draft + "/release", LOGIN, 403, 403, SKIP, 404, 403);
		change("/studio/bundles/" + draft + "/release/now", LOGIN, 403, 403, SKIP, 404, 403);
		change("/studio/bundles/" + published + "/unpublish", LOGIN, 403, 403, SKIP, 404, 403);
		change("/studio/sales/" + order + "/refund", LOGIN, 403, 403, SKIP, 404, 403);
		change("/studio/tokens", LOGIN, 403, 403, SKIP, SKIP, 403);
		change("/studio/tokens/" + apiToken + "/revoke", LOGIN, 403, 403, SKIP, 404, 403);
		change("/studio/payouts/connect", LOGIN, 403, 403, SKIP, SKIP, 403);
		change("/collaborations/payouts/connect", LOGIN, 404, 404, 404, 404, 404);
		change("/studio/discounts", LOGIN, 403, 403, SKIP, SKIP, 403);
		change("/studio/discounts/" + discountCode + "/disable", LOGIN, 403, 403, SKIP, 404, 403);
		// The embed's chain only reads: nothing may be posted there, by anyone.
		change("/embed/bundles/" + published, 403, 403, 403, 403, 403, 403);
		change("/admin/bundles/" + published + "/hide", LOGIN, 403, 403, 403, 403, SKIP);
		change("/admin/bundles/" + published + "/restore", LOGIN, 403, 403, 403, 403, SKIP);
		change("/admin/bundles/" + published + "/feature", LOGIN, 403, 403, 403, 403, SKIP);
		change("/admin/bundles/" + published + "/unfeature", LOGIN, 403, 403, 403, 403, SKIP);
		page("/admin/bundles/" + published + "/remove", LOGIN, 403, 403, 403, 403, 200);
		page("/admin/reports/bundles/" + published + "/remove", LOGIN, 403, 403, 403, 403, 200);
		change("/admin/bundles/" + published + "/remove", LOGIN, 403, 403, 403, 403, SKIP);
		change("/admin/payments/" + order + "/refund", LOGIN, 403, 403, 403, 403, SKIP);
		String creator = accounts.get(Visitor.CREATOR).accountId().toString();
		change("/admin/accounts/" + creator + "/suspend", LOGIN, 403, 403, 403, 403, SKIP);
		change("/admin/accounts/" + creator + "/ban", LOGIN, 403, 403, 403, 403, SKIP);
		change("/admin/accounts/" + creator + "/restore", LOGIN, 403, 403, 403, 403, SKIP);
		change("/admin/accounts/" + creator + "/trust", LOGIN, 403, 403, 403, 403, SKIP);
		change("/admin/accounts/" + creator + "/distrust", LOGIN, 403, 403, 403, 403, SKIP);
		change("/admin/reviews/" + draft + "/approve", LOGIN, 403, 403, 403, 403, SKIP);
		change("/admin/reviews/" + draft + "/reject", LOGIN, 403, 403, 403, 403, SKIP);
		change("/bundles/" + published + "/report", SKIP, SKIP, SKIP, SKIP, SKIP, SKIP);
		change("/creators/" + creator + "/report", SKIP, SKIP, SKIP, SKIP, SKIP, SKIP);
		change("/admin/reports/creators/" + creator + "/dismiss", LOGIN, 403, 403, 403, 403, SKIP);
		change("/admin/reports/creators/" + creator + "/suspend", LOGIN, 403, 403, 403, 403, SKIP);
		change("/admin/reports/creators/" + creator + "/ban", LOGIN, 403, 403, 403, 403, SKIP);
		change("/bundles/" + published + "/email-unlock", SKIP, SKIP, SKIP, SKIP, SKIP, SKIP);
		change("/email-unlocks/made-up-token", SKIP, SKIP, SKIP, SKIP, SKIP, SKIP);
		// Gifts: buying one is a checkout; a claim link is its own proof but claiming needs an account; only the
		// buyer may have the link mailed again.
		page("/gifts/made-up-token", 400, 400, 400, 400, 400, 400);
		change("/checkout/" + published + "/gift", LOGIN, SKIP, SKIP, SKIP, SKIP, SKIP);
		change("/gifts/made-up-token", LOGIN, 400, 400, 400, 400, 400);
		change("/library/gifts/" + giftOrder + "/resend", LOGIN, SKIP, 404, 404, 404, 404);
		change("/admin/reports/bundles/" + published + "/dismiss", LOGIN, 403, 403, 403, 403, SKIP);
		change("/admin/reports/bundles/" + published + "/hide", LOGIN, 403, 403, 403, 403, SKIP);
		change("/admin/reports/bundles/" + published + "/suspend", LOGIN, 403, 403, 403, 403, SKIP);
		change("/admin/reports/bundles/" + published + "/remove", LOGIN, 403, 403, 403, 403, SKIP);
		// Every action that cannot be undone has a confirmation page naming its consequence, for whoever may act only.
		page("/admin/accounts/" + creator + "/suspend", LOGIN, 403, 403, 403, 403, 200);
		page("/admin/accounts/" + creator + "/ban", LOGIN, 403, 403, 403, 403, 200);
		page("/admin/reports/creators/" + creator + "/suspend", LOGIN, 403, 403, 403, 403, 200);
		page("/admin/reports/creators/" + creator + "/ban", LOGIN, 403, 403, 403, 403, 200);
		page("/admin/reports/bundles/" + published + "/suspend", LOGIN, 403, 403, 403, 403, 200);
		page("/admin/payments/" + giftOrder + "/refund", LOGIN, 403, 403, 403, 403, 200);
		page("/studio/sales/" + giftOrder + "/refund", LOGIN, 403, 403, 200, 404, 403);
		page("/studio/bundles/" + draft + "/files/" + draftFile + "/delete", LOGIN, 403, 403, 200, 404, 403);
		page("/studio/screeners/" + screenerCode + "/revoke", LOGIN, 403, 403, 200, 404, 403);
		change("/studio/screeners/" + screenerCode + "/revoke", LOGIN, 403, 403, SKIP, 404, 403);
		// Captions go only onto the creator's own video.
		change("/studio/bundles/" + free + "/files/" + mediaFile + "/captions", LOGIN, 403, 403, SKIP, 404, 403);
		// BitTorrent's admin page and its retry of a hash failure.
		page("/admin/torrents", LOGIN, 403, 403, 403, 403, 200);
		change("/admin/torrents/failures/" + UUID.randomUUID() + "/retry", LOGIN, 403, 403, 403, 403, SKIP);
		// Screener redemption and collaboration invitations need an account; a made-up code or token is a message
		// on the page (ScreenerTests, CollaboratorTests), never a grant.
		page("/screeners", LOGIN, 200, 200, 200, 200, 200);
		change("/screeners", LOGIN, SKIP, SKIP, SKIP, SKIP, SKIP);
		page("/collaborations", LOGIN, 200, 200, 200, 200, 200);
		page("/collaborations/made-up-token", LOGIN, 200, 200, 200, 200, 200);
		change("/collaborations/made-up-token", LOGIN, SKIP, SKIP, SKIP, SKIP, SKIP);
		// The step-up pages: for a signed-in account only; a wrong code or password is the same page with a message.
		page("/login/second-factor", LOGIN, SKIP, SKIP, SKIP, SKIP, SKIP);
		change("/login/second-factor", LOGIN, 200, 200, 200, 200, 200);
		page("/login/confirm-password", LOGIN, 200, 200, 200, 200, 200);
		change("/login/confirm-password", LOGIN, 200, 200, 200, 200, 200);
		String action = java.util.UUID.randomUUID().toString();
		change("/studio/appeals/" + action, LOGIN, 403, 403, SKIP, SKIP, 403);
		change("/admin/reports/appeals/" + action + "/uphold", LOGIN, 403, 403, 403, 403, SKIP);
		change("/admin/reports/appeals/" + action + "/reject", LOGIN, 403, 403, 403, 403, SKIP);
		String viewer = accounts.get(Visitor.OTHER_VIEWER).accountId().toString();
		change("/admin/accounts/" + viewer + "/grant-admin", LOGIN, 403, 403, 403, 403, SKIP);
		change("/admin/accounts/" + viewer + "/revoke-admin", LOGIN, 403, 403, 403, 403, SKIP);
		return List.copyOf(rules);
	}

	@TestFactory
	Stream<DynamicTest> everyStateChangingRequestIsRefusedWithoutAValidCsrfToken() {
		List<Rule> changes = new ArrayList<>(rules().stream().filter(r -> r.method == HttpMethod.POST).toList());
		changes.add(new Rule(HttpMethod.POST, "/logout", Map.of(Visitor.VIEWER, SKIP)));
		changes.add(new Rule(HttpMethod.POST, "/login", Map.of(Visitor.ANONYMOUS, SKIP)));
		changes.add(new Rule(HttpMethod.POST, "/signup", Map.of(Visitor.ANONYMOUS, SKIP)));
		return changes.stream().flatMap(rule -> Stream.of(true, false).map(forged -> {
			Visitor allowed = rule.allowedVisitor();
			return dynamicTest("POST " + rule.path + " as " + allowed + (forged ? " with a forged token" : " without a token"),
					() -> {
						AbstractMockHttpServletRequestBuilder<?> request = request(rule.method, rule.path).with(as(allowed));
						if (forged) {
							request.with(csrf().useInvalidToken());
						}
						assertThat(mvc.perform(request).andReturn().getResponse().getStatus()).isEqualTo(403);
					});
		}));
	}

	private final List<Rule> rules = new ArrayList<>();

	private void page(String path, int... statuses) {
		rules.add(new Rule(HttpMethod.GET, path, expectations(statuses)));
	}

	private void change(String path, int... statuses) {
		rules.add(new Rule(HttpMethod.POST, path, expectations(statuses)));
	}

	private static Map<Visitor, Integer> expectations(int... statuses) {
		Map<Visitor, Integer> expected = new EnumMap<>(Visitor.class);
		for (Visitor visitor : Visitor.values()) {
			expected.put(visitor, visitor == Visitor.SUSPENDED_CREATOR ? statuses[Visitor.OTHER_CREATOR.ordinal()]
					: statuses[visitor.ordinal()]);
		}
		return expected;
	}

	private RequestPostProcessor as(Visitor visitor) {
		AccountPrincipal account = accounts.get(visitor);
		return account == null ? request -> request : user(account);
	}

	private static AbstractMockHttpServletRequestBuilder<?> request(HttpMethod method, String path) {
		if (method == HttpMethod.GET) {
			return get(path);
		}
		if (path.endsWith("/files") || path.endsWith("/cover")) {
			return multipart(path).file(new MockMultipartFile(path.endsWith("/files") ? "file" : "cover", "x.png",
					"image/png", new byte[] { 1 }));
		}
		if (path.endsWith("/captions")) {
			return multipart(path)
				.file(new MockMultipartFile("captions", "x.vtt", "text/vtt", "WEBVTT\n".getBytes()))
				.param("language", "en")
				.param("label", "English");
		}
		if (path.startsWith("/screeners") || path.startsWith("/login/")) {
			// Wrong codes and passwords count against the client address: not the suite's shared 127.0.0.1.
			return post(path).with(request -> {
				request.setRemoteAddr("10.15.0.15");
				return request;
			});
		}
		return post(path);
	}

	private final class Rule {

		private final HttpMethod method;

		private final String path;

		private final Map<Visitor, Integer> expected;

		Rule(HttpMethod method, String path, Map<Visitor, Integer> expected) {
			this.method = method;
			this.path = path;
			this.expected = expected;
		}

		Stream<DynamicTest> tests() {
			return expected.entrySet().stream().filter(e -> e.getValue() != SKIP).map(e -> {
				Visitor visitor = e.getKey();
				int status = e.getValue();
				return dynamicTest(method + " " + path + " as " + visitor + " → " + (status == LOGIN ? "login" : status),
						() -> {
							AbstractMockHttpServletRequestBuilder<?> request = request(method, path).with(as(visitor));
							if (method == HttpMethod.POST) {
								// As a forged form would: past any confirmation page, straight at the action.
								request.with(csrf()).param(Confirmation.PARAMETER, "true");
							}
							MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
							assertThat(response.getStatus()).isEqualTo(status);
							if (status == LOGIN) {
								assertThat(response.getRedirectedUrl()).endsWith("/login");
							}
						});
			});
		}

		/** Someone who would pass every check but the CSRF one. */
		Visitor allowedVisitor() {
			return expected.entrySet().stream().filter(e -> e.getValue() == SKIP).map(Map.Entry::getKey)
				.findFirst().orElse(Visitor.ADMIN);
		}
	}
}
