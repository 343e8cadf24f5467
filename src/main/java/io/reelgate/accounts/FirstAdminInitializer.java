package io.reelgate.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the first admin from configuration, so no password is ever hard-coded or printed. */
@Component
@Order(0)
class FirstAdminInitializer implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdminInitializer.class);

	private final AccountService accountService;

	private final AdminProperties properties;

	FirstAdminInitializer(AccountService accountService, AdminProperties properties) {
		this.accountService = accountService;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.configured()) {
			log.info("No reelgate.admin.email/password configured; no admin account is created automatically");
			return;
		}
		try {
			if (accountService.createAdminIfNone(properties.email(), properties.displayName(), properties.password())) {
				log.info("Created the first admin account {}", properties.email());
			}
		}
		catch (EmailAlreadyUsedException ex) {
			log.warn("An account with reelgate.admin.email {} exists already; no admin was created", properties.email());
		}
	}
}
