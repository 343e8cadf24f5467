package io.reelgate.shared;

import org.springframework.data.domain.PageRequest;

/**
 * The one way a list's page number from a request becomes a {@link PageRequest}. JPA takes the offset as an
 * {@code int}, so {@code ?page=99999999} of 50 overflowed into a negative offset and a 500; a negative page is the
 * first. A page past the end of any list answers, as any page past the end does, with no items.
 */
public final class Pages {

	private Pages() {
	}

	public static PageRequest of(int page, int size) {
		int last = Integer.MAX_VALUE / size - 1;
		return PageRequest.of(Math.max(0, Math.min(page, last)), size);
	}
}
