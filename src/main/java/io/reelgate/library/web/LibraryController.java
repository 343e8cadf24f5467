package io.reelgate.library.web;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.library.Library;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LibraryController {

	static final String VIEW = "library/library";

	private final Library library;

	LibraryController(Library library) {
		this.library = library;
	}

	@GetMapping("/library")
	String show(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("items", library.itemsOf(me.accountId()));
		return VIEW;
	}
}
