package io.reelgate.support;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Awaitility's defaults for the whole run, set once when JUnit starts (registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}). Without them every
 * {@code await()} first sleeps a poll interval (100 ms) before it looks, even when what it waits for is already
 * true, and then looks only every 100 ms (73 places in the suite wait this way, some once per test). A wait now
 * looks at once and then every 25 ms, which costs a query or a request per look and no test's meaning.
 */
public class AwaitDefaults implements LauncherSessionListener {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(25);

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		Awaitility.setDefaultPollDelay(Duration.ZERO);
		Awaitility.setDefaultPollInterval(POLL_INTERVAL);
	}
}
