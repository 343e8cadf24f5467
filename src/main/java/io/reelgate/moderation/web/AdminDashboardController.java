package io.reelgate.moderation.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountService;
import io.reelgate.catalog.Catalog;
import io.reelgate.checkout.Earnings;
import io.reelgate.moderation.AuditAction;
import io.reelgate.moderation.ModerationService;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin's start page: how many accounts, bundles and sales there are, and the latest admin actions. */
@Controller
class AdminDashboardController {

	static final String VIEW = "moderation/dashboard";

	private static final int RECENT_ACTIONS = 10;

	/** Actions the dashboard offers as one-click audit log filters. */
	private static final List<AuditAction> QUICK_FILTERS = List.of(AuditAction.REMOVE_BUNDLE, AuditAction.HIDE_BUNDLE,
			AuditAction.SUSPEND_ACCOUNT, AuditAction.BAN_ACCOUNT, AuditAction.REFUND_ORDER);

	private final AccountService accounts;

	private final Catalog catalog;

	private final Earnings earnings;

	private final ModerationService moderation;

	private final Clock clock;

	AdminDashboardController(AccountService accounts, Catalog catalog, Earnings earnings, ModerationService moderation,
			Clock clock) {
		this.accounts = accounts;
		this.catalog = catalog;
		this.earnings = earnings;
		this.moderation = moderation;
		this.clock = clock;
	}

	@GetMapping("/admin")
	String dashboard(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		Instant now = clock.instant();
		Instant startOfToday = now.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
		model.addAttribute("accounts", accounts.counts());
		model.addAttribute("bundles", catalog.counts());
		model.addAttribute("salesToday", earnings.platformSince(startOfToday));
		model.addAttribute("sales30Days", earnings.platformSince(now.minus(Duration.ofDays(30))));
		model.addAttribute("recent", moderation.recentActions(0).getContent().stream().limit(RECENT_ACTIONS).toList());
		model.addAttribute("today", now.atZone(ZoneOffset.UTC).toLocalDate());
		model.addAttribute("me", me.displayName());
		model.addAttribute("quickActions", QUICK_FILTERS);
		return VIEW;
	}
}
