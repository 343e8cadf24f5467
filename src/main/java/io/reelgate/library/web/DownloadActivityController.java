package io.reelgate.library.web;

import java.time.Duration;

import io.reelgate.library.DownloadActivity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** For admins: signed links fetched from unusually many addresses, which suggests a buyer shared theirs. */
@Controller
class DownloadActivityController {

	static final String VIEW = "library/shared-links";

	private final DownloadActivity activity;

	DownloadActivityController(DownloadActivity activity) {
		this.activity = activity;
	}

	@GetMapping("/admin/downloads")
	String show(@RequestParam(defaultValue = "3") int minAddresses, @RequestParam(defaultValue = "7") int days,
			Model model) {
		int min = Math.max(2, Math.min(minAddresses, 1000));
		int window = Math.max(1, Math.min(days, 90));
		model.addAttribute("minAddresses", min);
		model.addAttribute("days", window);
		model.addAttribute("links", activity.linksFromManyAddresses(min, Duration.ofDays(window)));
		return VIEW;
	}
}
