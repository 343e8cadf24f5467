package io.reelgate.analytics.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.analytics.AnalyticsReport;
import io.reelgate.analytics.AnalyticsReports;
import io.reelgate.analytics.DateRange;
import io.reelgate.analytics.DateRange.InvalidDateRangeException;
import io.reelgate.catalog.Catalog;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.CsvTable;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The studio's analytics: all of a creator's bundles, or one of them, over a range of days. The page shows tables
 * (and, through static/js/analytics.js, charts of the same figures fetched as JSON); every table downloads as CSV.
 */
@Controller
class AnalyticsController {

	static final String VIEW = "analytics/dashboard";

	private static final int[] PRESETS = { 7, 30, 90, 365 };

	private final AnalyticsReports reports;

	private final Catalog catalog;

	private final MessageSource messages;

	private final Clock clock;

	AnalyticsController(AnalyticsReports reports, Catalog catalog, MessageSource messages, Clock clock) {
		this.reports = reports;
		this.catalog = catalog;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/studio/analytics")
	String overall(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, Model model) {
		model.addAttribute("bundles", catalog.bundlesOf(me.accountId()));
		return page(me, null, from, to, model);
	}

	@GetMapping("/studio/analytics/bundles/{id}")
	String bundle(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to, Model model) {
		return page(me, id, from, to, model);
	}

	@GetMapping(path = "/studio/analytics/data.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ChartData overallData(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to) {
		return ChartData.of(reports.report(me.accountId(), null, DateRange.parse(from, to, today())));
	}

	@GetMapping(path = "/studio/analytics/bundles/{id}/data.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ChartData bundleData(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to) {
		return ChartData.of(reports.report(me.accountId(), id, DateRange.parse(from, to, today())));
	}

	@GetMapping("/studio/analytics/{table}.csv")
	ResponseEntity<String> overallCsv(@AuthenticationPrincipal AccountPrincipal me, @PathVariable String table,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to, Locale locale) {
		return csv(reports.report(me.accountId(), null, DateRange.parse(from, to, today())), table, locale);
	}

	@GetMapping("/studio/analytics/bundles/{id}/{table}.csv")
	ResponseEntity<String> bundleCsv(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@PathVariable String table, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, Locale locale) {
		return csv(reports.report(me.accountId(), id, DateRange.parse(from, to, today())), table, locale);
	}

	/** A range that is not one, asked for by a script: RFC 9457 problem details (the page shows a message). */
	@ExceptionHandler(InvalidDateRangeException.class)
	ResponseEntity<ProblemDetail> invalidRange(InvalidDateRangeException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				messages.getMessage(ex.code(), null, locale));
		problem.setTitle(messages.getMessage("analytics.range.problem", null, locale));
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private String page(AccountPrincipal me, @Nullable BundleId bundle, String from, String to, Model model) {
		LocalDate today = today();
		DateRange range;
		try {
			range = DateRange.parse(from, to, today);
		}
		catch (InvalidDateRangeException ex) {
			model.addAttribute("rangeError", ex.code());
			range = DateRange.lastDays(30, today);
		}
		AnalyticsReport report = reports.report(me.accountId(), bundle, range);
		String base = bundle == null ? "/studio/analytics" : "/studio/analytics/bundles/" + bundle;
		String query = "?from=" + range.from() + "&to=" + range.to();
		List<Preset> presets = new ArrayList<>();
		for (int days : PRESETS) {
			DateRange preset = DateRange.lastDays(days, today);
			presets.add(new Preset(days, base + "?from=" + preset.from() + "&to=" + preset.to(), preset.equals(range)));
		}
		model.addAttribute("report", report);
		model.addAttribute("bundleId", bundle);
		model.addAttribute("base", base);
		model.addAttribute("query", query);
		model.addAttribute("presets", presets);
		model.addAttribute("fromValue", from.isBlank() || model.containsAttribute("rangeError") ? range.from() : from);
		model.addAttribute("toValue", to.isBlank() || model.containsAttribute("rangeError") ? range.to() : to);
		return VIEW;
	}

	private ResponseEntity<String> csv(AnalyticsReport report, String table, Locale locale) {
		String scope = report.title() != null ? report.title() : messages.getMessage("analytics.all", null, locale);
		CsvTable csv = AnalyticsCsv.table(table, report, scope)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String name = "analytics-" + table + "-" + report.range().from() + "-" + report.range().to() + ".csv";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(csv.toString());
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	/** A link to one of the usual ranges. */
	record Preset(int days, String url, boolean current) {
	}
}
