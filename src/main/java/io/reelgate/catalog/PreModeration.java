package io.reelgate.catalog;

import org.springframework.stereotype.Component;

/**
 * The pre-moderation rule in force: {@code reelgate.moderation.pre-moderation} from start. A bean rather than the
 * properties record itself so the suite's one shared test context can switch it on for the tests of review and
 * back, instead of starting a context (and database) of its own for them.
 */
@Component
class PreModeration {

	private volatile PreModerationProperties rule;

	PreModeration(PreModerationProperties rule) {
		this.rule = rule;
	}

	PreModerationProperties rule() {
		return rule;
	}

	/** Puts {@code next} in force and returns the rule it replaces, to be put back. */
	PreModerationProperties switchTo(PreModerationProperties next) {
		PreModerationProperties previous = rule;
		rule = next;
		return previous;
	}
}
