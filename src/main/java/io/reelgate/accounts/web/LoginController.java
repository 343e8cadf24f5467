package io.reelgate.accounts.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form; Spring Security processes the POST. */
@Controller
class LoginController {

	@GetMapping("/login")
	String showForm() {
		return "accounts/login";
	}
}
