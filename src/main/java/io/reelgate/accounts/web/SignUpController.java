package io.reelgate.accounts.web;

import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.EmailAlreadyUsedException;
import io.reelgate.accounts.web.SignUpForm.AccountType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class SignUpController {

	static final String VIEW = "accounts/signup";

	private final AccountService accountService;

	SignUpController(AccountService accountService) {
		this.accountService = accountService;
	}

	@GetMapping("/signup")
	String showForm(@RequestParam(name = "as", defaultValue = "viewer") String as, Model model) {
		AccountType type = "creator".equalsIgnoreCase(as) ? AccountType.CREATOR : AccountType.VIEWER;
		model.addAttribute("form", SignUpForm.empty(type));
		return VIEW;
	}

	@PostMapping("/signup")
	String signUp(@Valid @ModelAttribute("form") SignUpForm form, BindingResult result, HttpServletRequest request,
			RedirectAttributes redirect) throws ServletException {
		if (result.hasErrors()) {
			return VIEW;
		}
		try {
			accountService.signUp(form.toSignUp());
		}
		catch (EmailAlreadyUsedException ex) {
			result.rejectValue("email", "signup.email.taken");
			return VIEW;
		}
		// Logs the new account in through Spring Security's servlet integration (session id is rotated).
		request.login(form.email(), form.password());
		redirect.addFlashAttribute("success", "signup.welcome");
		return form.accountType() == AccountType.CREATOR ? "redirect:/studio" : "redirect:/";
	}
}
