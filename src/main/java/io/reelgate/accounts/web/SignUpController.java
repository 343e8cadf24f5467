package io.reelgate.accounts.web;

import java.util.ArrayList;
import java.util.List;

import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.EmailAlreadyUsedException;
import io.reelgate.accounts.LoginTargets;
import io.reelgate.accounts.web.SignUpForm.AccountType;
import io.reelgate.ratelimit.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
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

	private final UserDetailsService users;

	private final RateLimiter limiter;

	private final SignUpRateLimitProperties limits;

	/** The same repositories Spring Security's filters read the login back from. */
	private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	SignUpController(AccountService accountService, UserDetailsService users, RateLimiter limiter,
			SignUpRateLimitProperties limits) {
		this.accountService = accountService;
		this.users = users;
		this.limiter = limiter;
		this.limits = limits;
	}

	@GetMapping("/signup")
	String showForm(@RequestParam(name = "as", defaultValue = "viewer") String as,
			@RequestParam(name = LoginTargets.PARAMETER, required = false) @Nullable String next, Model model) {
		AccountType type = "creator".equalsIgnoreCase(as) ? AccountType.CREATOR : AccountType.VIEWER;
		model.addAttribute("form", SignUpForm.empty(type));
		model.addAttribute("next", LoginTargets.local(next));
		return VIEW;
	}

	@PostMapping("/signup")
	String signUp(@Valid @ModelAttribute("form") SignUpForm form, BindingResult result,
			@RequestParam(name = LoginTargets.PARAMETER, required = false) @Nullable String next, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		@Nullable String target = LoginTargets.local(next);
		model.addAttribute("next", target);
		if (result.hasErrors()) {
			return VIEW;
		}
		// Only complete forms count: a person correcting a typo is not held back.
		limiter.consume("signup:ip:" + request.getRemoteAddr(), limits.perIp());
		try {
			accountService.signUp(form.toSignUp());
		}
		catch (EmailAlreadyUsedException ex) {
			result.rejectValue("email", "signup.email.taken");
			return VIEW;
		}
		logIn(form.email(), request, response);
		redirect.addFlashAttribute("success", "signup.welcome");
		if (target != null) {
			return "redirect:" + target;
		}
		return form.accountType() == AccountType.CREATOR ? "redirect:/studio" : "redirect:/";
	}

	/** Logs the new account in, in a fresh session id so a planted session cannot be hijacked (fixation). */
	private void logIn(String email, HttpServletRequest request, HttpServletResponse response) {
		UserDetails principal = users.loadUserByUsername(email);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		// The password was just typed: stamped like a login's, so step-up rules see a fresh factor.
		List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
		authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).build());
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
		SecurityContextHolder.setContext(context);
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		contexts.saveContext(context, request, response);
	}
}
