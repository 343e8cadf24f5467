package io.reelgate.accounts;

import java.util.List;

import io.reelgate.shared.AccountId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's passkeys (WebAuthn credentials, made and checked by Spring Security's ceremonies): listed on the
 * account page, removed one at a time by their owner. A passkey is bound to a WebAuthn user entity whose name is the
 * account's email (Spring Security finds the signed-in person's entity by {@code Authentication#getName()}), so the
 * entity follows a change of address and goes with a deleted account.
 */
@Service
@Transactional
public class Passkeys {

	private final JdbcClient jdbc;

	private final PasskeyCredentials credentials;

	Passkeys(JdbcClient jdbc, PasskeyCredentials credentials) {
		this.jdbc = jdbc;
		this.credentials = credentials;
	}

	/** The account's passkeys, newest first. */
	@Transactional(readOnly = true)
	public List<Passkey> list(AccountId account) {
		return jdbc.sql("""
				select c.credential_id, c.label, c.created, c.last_used from user_credentials c
				join user_entities u on u.id = c.user_entity_user_id join accounts a on a.email = u.name
				where a.id = ? order by c.created desc, c.credential_id""")
			.param(account.value())
			.query((rs, row) -> new Passkey(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	@Transactional(readOnly = true)
	public int count(AccountId account) {
		return jdbc.sql("""
				select count(*) from user_credentials c join user_entities u on u.id = c.user_entity_user_id
				join accounts a on a.email = u.name where a.id = ?""")
			.param(account.value()).query(Integer.class).single();
	}

	/**
	 * Removes one of the account's passkeys (recorded and mailed as a security change).
	 * @return false if the account has no passkey with that id (someone else's, removed already, or made up)
	 */
	public boolean remove(AccountId account, String credentialId) {
		if (list(account).stream().noneMatch(passkey -> passkey.id().equals(credentialId))) {
			return false;
		}
		credentials.delete(Bytes.fromBase64(credentialId));
		return true;
	}

	/** Keeps the account's user entity named by its address, for a changed email. */
	void emailChanged(String previous, String current) {
		jdbc.sql("update user_entities set name = ?, display_name = ? where name = ?")
			.params(current, current, previous).update();
	}

	/** Drops the account's user entity and with it every passkey, for a deleted account. */
	void forget(AccountId account) {
		jdbc.sql("delete from user_entities where name = (select email from accounts where id = ?)")
			.param(account.value()).update();
	}

	@Configuration(proxyBeanMethods = false)
	static class Storage {

		/** Spring Security's own table of WebAuthn user entities; {@code http.webAuthn(...)} picks the bean up. */
		@Bean
		PublicKeyCredentialUserEntityRepository passkeyUserEntities(JdbcTemplate jdbc) {
			return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
		}
	}
}
