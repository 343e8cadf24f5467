package io.reelgate.moderation.web;

import java.time.LocalDate;

import io.reelgate.moderation.AuditAction;
import io.reelgate.moderation.AuditFilter;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit log's filter form, sent as query parameters so a filtered page can be bookmarked and paged. */
record AuditFilterForm(@Size(max = 200, message = "{audit.filter.size}") @Nullable String actor,
		@Nullable AuditAction action, @Size(max = 200, message = "{audit.filter.size}") @Nullable String target,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {

	boolean datesInOrder() {
		return from == null || to == null || !from.isAfter(to);
	}

	AuditFilter filter() {
		return new AuditFilter(actor, action, target, from, to);
	}

	/** This page's address with the filter, for the pager to add {@code page} to. */
	String url() {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/admin/audit");
		add(url, "actor", actor);
		add(url, "action", action);
		add(url, "target", target);
		add(url, "from", from);
		add(url, "to", to);
		return url.build().toUriString();
	}

	private static void add(UriComponentsBuilder url, String name, @Nullable Object value) {
		if (value != null && !value.toString().isBlank()) {
			url.queryParam(name, value);
		}
	}
}
