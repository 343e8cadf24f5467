package io.reelgate.moderation;

import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the audit log through an {@link AuditFilter}, newest first. Only the filter's parts that are set become
 * conditions, each a bound parameter; the user's text is matched literally (LIKE wildcards escaped).
 */
@Repository
class AuditSearch {

	private final JdbcClient jdbc;

	AuditSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Page<AuditRecord> find(AuditFilter filter, Pageable pageable) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(filter, params);
		long total = jdbc.sql("select count(*) from audit_log" + where).params(params).query(Long.class).single();
		List<AuditRecord> rows = jdbc.sql("""
				select actor_name, action, target_type, target_id, target_name, reason, occurred_at from audit_log
				""" + where + " order by occurred_at desc, id desc limit :limit offset :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, i) -> new AuditRecord(rs.getString("actor_name"), rs.getString("action"),
					rs.getString("target_type"), rs.getObject("target_id", UUID.class), rs.getString("target_name"),
					rs.getString("reason"), rs.getTimestamp("occurred_at").toInstant()))
			.list();
		return new PageImpl<>(rows, pageable, total);
	}

	/** The filter as a where clause (empty without any condition), its values put into {@code params}. */
	private static String where(AuditFilter filter, Map<String, Object> params) {
		List<String> conditions = new ArrayList<>();
		if (filter.actor() != null) {
			conditions.add("lower(actor_name) like :actor escape '\\'");
			params.put("actor", contains(filter.actor()));
		}
		if (filter.action() != null) {
			conditions.add("action = :action");
			params.put("action", filter.action().name());
		}
		if (filter.target() != null) {
			UUID id = uuid(filter.target());
			if (id != null) {
				conditions.add("target_id = :targetId");
				params.put("targetId", id);
			}
			else {
				conditions.add("lower(target_name) like :target escape '\\'");
				params.put("target", contains(filter.target()));
			}
		}
		if (filter.from() != null) {
			conditions.add("occurred_at >= :from");
			params.put("from", Timestamp.from(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
		if (filter.to() != null) {
			conditions.add("occurred_at < :until");
			params.put("until", Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	private static String contains(String text) {
		String literal = text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + literal + "%";
	}

	private static UUID uuid(String text) {
		try {
			return text.length() == 36 ? UUID.fromString(text) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
