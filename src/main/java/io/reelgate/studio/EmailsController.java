package io.reelgate.studio;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.library.EmailGate;
import io.reelgate.library.EmailGate.CollectedEmail;
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
		Writer out = response.getWriter();
		out.write("email,bundle_id,bundle_title,consent_at,confirmed_at\r\n");
		for (CollectedEmail e : emails) {
			out.write(String.join(",", cell(e.email()), cell(e.bundle().toString()), cell(e.bundleTitle()),
					cell(e.consentAt().toString()), cell(e.confirmedAt().toString())) + "\r\n");
		}
		out.flush();
	}

	/**
	 * One RFC 4180 field. A value a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a
	 * leading apostrophe, since titles and addresses are typed by other people.
	 */
	static String cell(String value) {
		String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}
}
