package io.reelgate.support;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Every log event of the application while open, as logback delivered it (level, formatted message, exception), so a
 * test can assert that something was logged once, at which level, and that no stack trace was.
 */
public final class CapturedLogs implements AutoCloseable {

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private CapturedLogs() {
		appender.start();
		root.addAppender(appender);
	}

	public static CapturedLogs start() {
		return new CapturedLogs();
	}

	/** The events so far, oldest first. */
	public List<ILoggingEvent> events() {
		synchronized (appender) {
			return List.copyOf(appender.list);
		}
	}

	/** Events that carry an exception (so a stack trace in the log) or are at ERROR. */
	public List<String> errorsOrStackTraces() {
		return events().stream()
			.filter(e -> e.getThrowableProxy() != null || e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR))
			.map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()
					+ (e.getThrowableProxy() == null ? "" : " / " + e.getThrowableProxy().getClassName()))
			.toList();
	}

	/** The formatted messages at {@code level} containing every one of {@code parts}. */
	public List<String> lines(ch.qos.logback.classic.Level level, String... parts) {
		return events().stream()
			.filter(e -> e.getLevel().equals(level))
			.map(ILoggingEvent::getFormattedMessage)
			.filter(m -> List.of(parts).stream().allMatch(m::contains))
			.toList();
	}

	@Override
	public void close() {
		root.detachAppender(appender);
		appender.stop();
	}
}
