package io.reelgate.api.web;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.api.ApiTokenService;
import io.reelgate.api.NewToken;
import io.reelgate.api.Scope;
import io.reelgate.api.TokenNotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The studio page for personal access tokens. A new token is shown in the answer to the form's POST itself, not
 * after a redirect, so that the secret never passes through the session store.
 */
@Controller
@RequestMapping("/studio/tokens")
class TokensController {

	static final String VIEW = "api/tokens";

	/** The lifetimes a creator can choose, in days; none means until revoked. */
	static final List<Integer> LIFETIMES = List.of(7, 30, 90, 365);

	private final ApiTokenService tokens;

	TokensController(ApiTokenService tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	String show(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("form", TokenForm.empty());
		return view(me, model);
	}

	@PostMapping
	String create(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("form") TokenForm form,
			BindingResult result, Model model) {
		// Without a target a field did not convert (a scope or lifetime no form offers): already an error.
		if (result.getTarget() != null && form.validForDays() != null && !LIFETIMES.contains(form.validForDays())) {
			result.rejectValue("validForDays", "tokens.expiry.invalid");
		}
		if (result.hasErrors()) {
			return view(me, model);
		}
		Optional<Duration> validFor = Optional.ofNullable(form.validForDays()).map(Duration::ofDays);
		NewToken created = tokens.create(me.accountId(), form.name(), form.scopes(), validFor);
		model.addAttribute("created", created);
		model.addAttribute("form", TokenForm.empty());
		return view(me, model);
	}

	@PostMapping("/{id}/revoke")
	String revoke(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID id, RedirectAttributes redirect) {
		tokens.revoke(me.accountId(), id);
		redirect.addFlashAttribute("success", "tokens.revoked");
		return "redirect:/studio/tokens";
	}

	/** Someone else's token, or none: the site's 404 page, as for bundles. */
	@ExceptionHandler(TokenNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(Model model) {
		model.addAttribute("status", HttpStatus.NOT_FOUND.value());
		return "error/404";
	}

	private String view(AccountPrincipal me, Model model) {
		model.addAttribute("tokens", tokens.tokensOf(me.accountId()));
		model.addAttribute("allScopes", Scope.values());
		model.addAttribute("lifetimes", LIFETIMES);
		return VIEW;
	}

	record TokenForm(@NotBlank(message = "{tokens.name.required}") @Size(max = 100,
			message = "{tokens.name.size}") String name,
			@NotEmpty(message = "{tokens.scopes.required}") Set<Scope> scopes, Integer validForDays) {

		static TokenForm empty() {
			return new TokenForm("", EnumSet.noneOf(Scope.class), 90);
		}
	}
}
