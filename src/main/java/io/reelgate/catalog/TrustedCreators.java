package io.reelgate.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.reelgate.shared.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Creators whose bundles skip pre-moderation. Trusting twice or distrusting an untrusted creator changes nothing. */
@Repository
class TrustedCreators {

	private final JdbcClient jdbc;

	TrustedCreators(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean isTrusted(AccountId creator) {
		return jdbc.sql("select exists (select 1 from trusted_creators where creator_id = ?)")
			.param(creator.value())
			.query(Boolean.class)
			.single();
	}

	Set<AccountId> trustedAmong(Collection<AccountId> creators) {
		if (creators.isEmpty()) {
			return Set.of();
		}
		return jdbc.sql("select creator_id from trusted_creators where creator_id in (:ids)")
			.param("ids", creators.stream().map(AccountId::value).toList())
			.query((rs, i) -> new AccountId(rs.getObject(1, UUID.class)))
			.stream()
			.collect(Collectors.toSet());
	}

	void trust(AccountId creator, Instant now) {
		jdbc.sql("insert into trusted_creators (creator_id, trusted_at) values (?, ?) on conflict do nothing")
			.params(creator.value(), Timestamp.from(now))
			.update();
	}

	void distrust(AccountId creator) {
		jdbc.sql("delete from trusted_creators where creator_id = ?").param(creator.value()).update();
	}
}
