package io.reelgate.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.test.system.CapturedOutput;

import static org.awaitility.Awaitility.await;

/**
 * Finds links in mails written to the log (the shared test context has no SMTP server), as a person would find
 * them in their inbox. Each mail is one log entry, so the first link after the recipient's line is theirs.
 */
public final class MailedLinks {

	private MailedLinks() {
	}

	/**
	 * Waits for the latest mail to {@code to} with a link to {@code path} and returns the link's path and query,
	 * e.g. {@code /email/verify?token=...}, to be opened on the test server's port.
	 */
	public static String latest(CapturedOutput output, String to, String path) {
		await().atMost(Duration.ofSeconds(20)).until(() -> !all(output, to, path).isEmpty());
		List<String> links = all(output, to, path);
		return links.get(links.size() - 1);
	}

	/** Every link to {@code path} mailed to {@code to} so far, oldest first; does not wait. */
	public static List<String> all(CapturedOutput output, String to, String path) {
		Pattern link = Pattern.compile("To: " + Pattern.quote(to) + "\n(?:(?!\nTo: ).)*?https?://[^/\\s]+("
				+ Pattern.quote(path) + "\\?token=[A-Za-z0-9_-]{43})", Pattern.DOTALL);
		Matcher matcher = link.matcher(output.getOut());
		List<String> links = new ArrayList<>();
		while (matcher.find()) {
			links.add(matcher.group(1));
		}
		return links;
	}
}
