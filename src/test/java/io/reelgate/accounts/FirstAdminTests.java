package io.reelgate.accounts;

import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class FirstAdminTests {

	@Autowired
	AccountService accounts;

	@Autowired
	FirstAdminInitializer initializer;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theConfiguredAdminExistsWithTheAdminRoleAndAHashedPassword() {
		AccountView admin = accounts.findByEmail(Fixtures.ADMIN_EMAIL).orElseThrow();
		assertThat(admin.role()).isEqualTo(Role.ADMIN);
		assertThat(admin.displayName()).isEqualTo("Test Admin");
		assertThat(jdbc.sql("select password_hash from accounts where email = ?").param(Fixtures.ADMIN_EMAIL)
			.query(String.class).single()).startsWith("{argon2@SpringSecurity_v5_8}");
	}

	@Test
	void startingAgainCreatesNoSecondAdmin() {
		long admins = jdbc.sql("select count(*) from accounts where role = 'ADMIN'").query(Long.class).single();
		initializer.run(new DefaultApplicationArguments());
		assertThat(jdbc.sql("select count(*) from accounts where role = 'ADMIN'").query(Long.class).single())
			.isEqualTo(admins);
		assertThat(jdbc.sql("select count(*) from accounts where email = ?").param(Fixtures.ADMIN_EMAIL)
			.query(Long.class).single()).isEqualTo(1);
	}
}
