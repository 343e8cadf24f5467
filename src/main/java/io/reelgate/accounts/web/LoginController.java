package io.reelgate.accounts.web;

import io.reelgate.accounts.LoginTargets;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login form; Spring Security processes the POST. A page on this site that sent the visitor here
 * ({@code ?next=}) is carried in the form, so that logging in (or signing up from here) goes back to it.
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String showForm(@RequestParam(name = LoginTargets.PARAMETER, required = false) @Nullable String next, Model model) {
		model.addAttribute("next", LoginTargets.local(next));
		return "accounts/login";
	}
}
