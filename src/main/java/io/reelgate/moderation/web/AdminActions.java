package io.reelgate.moderation.web;

import io.reelgate.catalog.CatalogException;

import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How the admin pages carry out an action on a bundle: only with a reason (else a message and nothing done), a
 * flash message either way, and back to the page it came from. A move the bundle refuses shows the catalog's reason.
 */
final class AdminActions {

	private AdminActions() {
	}

	/** An action that needs no reason (a featured pick): done, or refused with the catalog's reason. */
	static String perform(RedirectAttributes redirect, String success, String backTo, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("success", success);
		}
		catch (CatalogException ex) {
			redirect.addFlashAttribute("error", ex.code());
		}
		return "redirect:" + backTo;
	}

	static String perform(BindingResult result, RedirectAttributes redirect, String success, String backTo,
			Runnable action) {
		if (result.hasErrors()) {
			redirect.addFlashAttribute("error", "moderation.reason.required");
			return "redirect:" + backTo;
		}
		return perform(redirect, success, backTo, action);
	}
}
