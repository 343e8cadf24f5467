package io.reelgate.studio;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.library.EmailGate;
import io.reelgate.library.EmailGate.CollectedEmail;
import io.reelgate.shared.CsvTable;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The addresses a creator's email gates collected, with consent time, on a page and as CSV. */
@Controller
class EmailsController {

	static final String VIEW = "studio/emails";

	private final EmailGate gate;

	EmailsController(EmailGate gate) {
		this.gate = gate;
	}

	@GetMapping("/studio/emails")
	String show(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("emails", gate.collectedBy(me.accountId()));
		return VIEW;
	}

	@GetMapping("/studio/emails.csv")
	void export(@AuthenticationPrincipal AccountPrincipal me, HttpServletResponse response) throws IOException {
		List<CollectedEmail> emails = gate.collectedBy(me.accountId());
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"emails.csv\"");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		CsvTable csv = new CsvTable().row(List.of("email", "bundle_id", "bundle_title", "consent_at", "confirmed_at"));
		for (CollectedEmail e : emails) {
			csv.row(List.of(e.email(), e.bundle().toString(), e.bundleTitle(), e.consentAt().toString(),
					e.confirmedAt().toString()));
		}
		Writer out = response.getWriter();
		out.write(csv.toString());
		out.flush();
	}
}
