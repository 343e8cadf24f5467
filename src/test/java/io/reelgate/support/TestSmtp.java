package io.reelgate.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) for tests that check the mails themselves. Such a test class starts a context of
 * its own (the shared one writes mail to the log): register {@link #server()} as a static extension and point the
 * application at it with {@link #configure} from a {@code @DynamicPropertySource}.
 */
public final class TestSmtp {

	/** The public address links in mails start with. */
	public static final String PUBLIC_URL = "https://films.example.com/";

	private TestSmtp() {
	}

	/** One server for the whole test class, on a free port, accepting mail without authentication. */
	public static GreenMailExtension server() {
		return new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
			.withPerMethodLifecycle(false);
	}

	public static void configure(DynamicPropertyRegistry registry, GreenMailExtension smtp, String from) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		registry.add("reelgate.mail.from", () -> from);
		registry.add("reelgate.public-url", () -> PUBLIC_URL);
	}
}
