package io.reelgate.library;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.FileView;
import io.reelgate.moderation.ModerationService;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class DownloadTests {

	private static final byte[] CONTENT = "0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ModerationService moderation;

	private AccountPrincipal creator;

	private AccountPrincipal buyer;

	private BundleId bundle;

	private FileView file;

	@BeforeEach
	void aBuyerOwnsABundle() throws Exception {
		creator = fixtures.creator();
		buyer = fixtures.viewer();
		bundle = fixtures.draft(creator, Fixtures.unique("Downloadable"), "poster".getBytes());
		file = fixtures.addFile(creator, bundle, "Amélie \"cut\".txt", CONTENT);
		fixtures.publish(creator, bundle);
		mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf())).andExpect(redirectedUrl("/library"));
	}

	@Test
	void theWholeFileWithEveryHeaderADownloadManagerNeeds() throws Exception {
		MockHttpServletResponse response = download(buyer, null, null);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsByteArray()).isEqualTo(CONTENT);
		assertThat(response.getHeader(HttpHeaders.CONTENT_LENGTH)).isEqualTo(String.valueOf(CONTENT.length));
		assertThat(response.getHeader(HttpHeaders.ACCEPT_RANGES)).isEqualTo("bytes");
		assertThat(response.getHeader(HttpHeaders.ETAG)).isEqualTo("\"" + file.sha256() + "\"");
		assertThat(response.getHeader(HttpHeaders.LAST_MODIFIED)).isNotBlank();
		assertThat(response.getContentType()).startsWith("text/plain");
		assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"Am_lie _cut_.txt\"; filename*=UTF-8''Am%C3%A9lie%20%22cut%22.txt");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).contains("private");
	}

	@Test
	void aRangeResumesWith206AndContentRange() throws Exception {
		MockHttpServletResponse response = download(buyer, "bytes=10-19", null);
		assertThat(response.getStatus()).isEqualTo(206);
		assertThat(response.getHeader(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes 10-19/36");
		assertThat(response.getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(CONTENT, 10, 20));

		assertThat(download(buyer, "bytes=30-", null).getContentAsString()).isEqualTo("uvwxyz");
		assertThat(download(buyer, "bytes=-3", null).getContentAsString()).isEqualTo("xyz");
	}

	@Test
	void aRangeBeyondTheEndIs416WithTheSize() throws Exception {
		MockHttpServletResponse response = download(buyer, "bytes=36-", null);
		assertThat(response.getStatus()).isEqualTo(416);
		assertThat(response.getHeader(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes */36");
		assertThat(response.getContentAsByteArray()).isEmpty();
	}

	@Test
	void ifRangeServesThePartOnlyWhileTheFileIsUnchanged() throws Exception {
		MockHttpServletResponse matching = download(buyer, "bytes=0-3", "\"" + file.sha256() + "\"");
		assertThat(matching.getStatus()).isEqualTo(206);
		assertThat(matching.getContentAsString()).isEqualTo("0123");

		MockHttpServletResponse stale = download(buyer, "bytes=0-3", "\"0000\"");
		assertThat(stale.getStatus()).isEqualTo(200);
		assertThat(stale.getContentAsByteArray()).isEqualTo(CONTENT);

		MockHttpServletResponse weak = download(buyer, "bytes=0-3", "W/\"" + file.sha256() + "\"");
		assertThat(weak.getStatus()).isEqualTo(200);

		String lastModified = download(buyer, null, null).getHeader(HttpHeaders.LAST_MODIFIED);
		assertThat(download(buyer, "bytes=0-3", lastModified).getStatus()).isEqualTo(206);
		assertThat(download(buyer, "bytes=0-3", "Tue, 01 Jan 2030 00:00:00 GMT").getStatus()).isEqualTo(200);
	}

	@Test
	void severalRangesComeAsOneMultipartByterangesResponse() throws Exception {
		MockHttpServletResponse response = download(buyer, "bytes=30-, 0-3", "\"" + file.sha256() + "\"");
		assertThat(response.getStatus()).isEqualTo(206);
		assertThat(response.getContentType()).startsWith("multipart/byteranges; boundary=");
		String boundary = response.getContentType().substring(response.getContentType().indexOf("boundary=") + 9);
		String expected = "--" + boundary + "\r\nContent-Type: " + file.contentType() + "\r\nContent-Range: bytes 0-3/36"
				+ "\r\n\r\n0123\r\n--" + boundary + "\r\nContent-Type: " + file.contentType()
				+ "\r\nContent-Range: bytes 30-35/36\r\n\r\nuvwxyz\r\n--" + boundary + "--\r\n";
		assertThat(response.getContentAsString()).isEqualTo(expected);
		assertThat(response.getHeader(HttpHeaders.CONTENT_LENGTH)).isEqualTo(String.valueOf(expected.length()));
		assertThat(response.getHeader(HttpHeaders.CONTENT_RANGE)).isNull();
	}

	@Test
	void overlappingRangesAreCoalescedAndTooManyAreIgnored() throws Exception {
		MockHttpServletResponse overlapping = download(buyer, "bytes=0-,0-,0-,5-9,-36", null);
		assertThat(overlapping.getStatus()).isEqualTo(206);
		assertThat(overlapping.getHeader(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes 0-35/36");
		assertThat(overlapping.getContentAsByteArray()).isEqualTo(CONTENT);

		MockHttpServletResponse tooMany = download(buyer, "bytes=" + "0-0,".repeat(16) + "1-1", null);
		assertThat(tooMany.getStatus()).isEqualTo(200);
		assertThat(tooMany.getContentAsByteArray()).isEqualTo(CONTENT);
	}

	@Test
	void malformedRangesAreIgnoredAndUnsatisfiableOnesAre416() throws Exception {
		for (String malformed : new String[] { "bytes=5-1", "bytes=a-b", "bytes=0-1,,2-3", "lines=0-1" }) {
			MockHttpServletResponse response = download(buyer, malformed, null);
			assertThat(response.getStatus()).as(malformed).isEqualTo(200);
			assertThat(response.getContentAsByteArray()).isEqualTo(CONTENT);
		}
		MockHttpServletResponse none = download(buyer, "bytes=40-50,100-", null);
		assertThat(none.getStatus()).isEqualTo(416);
		assertThat(none.getHeader(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes */36");
	}

	@Test
	void aStaleIfRangeTurnsSeveralRangesIntoTheWholeFile() throws Exception {
		MockHttpServletResponse response = download(buyer, "bytes=0-1,4-5", "\"stale\"");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsByteArray()).isEqualTo(CONTENT);
	}

	@Test
	void headOfSeveralRangesAnnouncesTheMultipartLengthWithoutABody() throws Exception {
		MockHttpServletResponse get = download(buyer, "bytes=0-1,4-5", null);
		MockHttpServletResponse response = mvc.perform(head("/downloads/{id}", file.id()).with(user(buyer))
			.header(HttpHeaders.RANGE, "bytes=0-1,4-5")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(206);
		assertThat(response.getHeader(HttpHeaders.CONTENT_LENGTH)).isEqualTo(get.getHeader(HttpHeaders.CONTENT_LENGTH));
		assertThat(response.getContentAsByteArray()).isEmpty();
	}

	@Test
	void headAnswersHeadersWithoutTheBody() throws Exception {
		MockHttpServletResponse response = mvc.perform(head("/downloads/{id}", file.id()).with(user(buyer)))
			.andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader(HttpHeaders.CONTENT_LENGTH)).isEqualTo("36");
		assertThat(response.getContentAsByteArray()).isEmpty();
	}

	@Test
	void nobodyElseGetsTheBytes() throws Exception {
		assertThat(download(fixtures.viewer(), null, null).getStatus()).isEqualTo(404);
		assertThat(download(fixtures.creator(), null, null).getStatus()).isEqualTo(404);
		mvc.perform(get("/downloads/{id}", file.id())).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/downloads/{id}", "not-a-uuid").with(user(buyer))).andExpect(status().isNotFound());
	}

	@Test
	void theCreatorAndAdminsMayDownload() throws Exception {
		assertThat(download(creator, null, null).getContentAsByteArray()).isEqualTo(CONTENT);
		assertThat(download(fixtures.admin(), null, null).getContentAsByteArray()).isEqualTo(CONTENT);
	}

	@Test
	void buyersKeepTheirDownloadsWhenABundleIsHidden() throws Exception {
		AccountPrincipal admin = fixtures.admin();
		fixtures.as(admin, () -> {
			moderation.hide(admin, bundle, "Under review");
			return null;
		});
		assertThat(download(buyer, null, null).getContentAsByteArray()).isEqualTo(CONTENT);
		assertThat(download(fixtures.viewer(), null, null).getStatus()).isEqualTo(404);
	}

	private MockHttpServletResponse download(AccountPrincipal who, String range, String ifRange) throws Exception {
		var request = get("/downloads/{id}", file.id()).with(user(who));
		if (range != null) {
			request.header(HttpHeaders.RANGE, range);
		}
		if (ifRange != null) {
			request.header(HttpHeaders.IF_RANGE, ifRange);
		}
		return mvc.perform(request).andReturn().getResponse();
	}
}
