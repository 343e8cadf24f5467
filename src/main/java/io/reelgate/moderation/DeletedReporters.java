package io.reelgate.moderation;

import io.reelgate.accounts.AccountDeleted;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reports made by a deleted account stay (the bundle's history needs them) but no longer say who made them. The
 * audit log keeps its rows as they are: it records what admins did, under their name at the time, for accountability.
 */
@Component
class DeletedReporters {

	private final Reports reports;

	DeletedReporters(Reports reports) {
		this.reports = reports;
	}

	@ApplicationModuleListener
	void on(AccountDeleted event) {
		reports.forgetReporter(event.account().value());
	}
}
