package io.reelgate.web;

import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

/**
 * Keeps the creators' visit counts right while {@link AnonymousPages} answers public pages from memory: a controller
 * that counts a visit (a bundle page's view, an embedded card's showing) hands the same count here, and it runs again
 * for every anonymous visitor the kept copy is given to, with that visitor's request, so the analytics filters
 * (robots, prefetches, one count per visitor and day) judge each visitor as if the page had been rendered for them.
 * A public page that counts its visits and does not say so here would lose the visits answered from memory.
 */
public final class CountedVisits {

	private static final String ATTRIBUTE = CountedVisits.class.getName();

	private CountedVisits() {
	}

	/** Counts this request's visit with {@code count}, and every later visit answered with the same page. */
	public static void count(HttpServletRequest request, Consumer<HttpServletRequest> count) {
		count.accept(request);
		request.setAttribute(ATTRIBUTE, count);
	}

	@SuppressWarnings("unchecked")
	static @Nullable Consumer<HttpServletRequest> of(HttpServletRequest request) {
		return (Consumer<HttpServletRequest>) request.getAttribute(ATTRIBUTE);
	}
}
