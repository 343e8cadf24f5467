package io.reelgate.analytics;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.context.ApplicationContext;

/** Lets tests outside this package run the rollup now instead of waiting for the scheduled job. */
public final class AnalyticsTestSupport {

	private AnalyticsTestSupport() {
	}

	public static void rollUpToday(ApplicationContext context) {
		context.getBean(Rollups.class).rollUp(List.of(LocalDate.now(ZoneOffset.UTC)));
	}
}
