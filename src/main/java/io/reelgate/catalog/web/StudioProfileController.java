package io.reelgate.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.CatalogException;
import io.reelgate.catalog.CreatorProfile;
import io.reelgate.catalog.CreatorProfiles;
import io.reelgate.catalog.UploadLimits;
import io.reelgate.shared.RedirectOnRefusal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The creator's own page as they edit it: bio, links and banner. Only ever their own: the account is the session's. */
@Controller
@RequestMapping("/studio/profile")
@RedirectOnRefusal("/studio/profile")
class StudioProfileController {

	static final String VIEW = "studio/profile";

	private static final String BACK = "redirect:/studio/profile";

	private final CreatorProfiles profiles;

	private final UploadLimits limits;

	StudioProfileController(CreatorProfiles profiles, UploadLimits limits) {
		this.profiles = profiles;
		this.limits = limits;
	}

	@GetMapping
	String show(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		CreatorProfile profile = profiles.of(me.accountId());
		List<String> links = new ArrayList<>(profile.links());
		while (links.size() < CreatorProfiles.MAX_LINKS) {
			links.add("");
		}
		model.addAttribute("me", me.accountId());
		model.addAttribute("profile", profile);
		model.addAttribute("links", links);
		model.addAttribute("maxBio", CreatorProfiles.MAX_BIO);
		model.addAttribute("maxBannerBytes", limits.maxCoverSize().toBytes());
		return VIEW;
	}

	@PostMapping
	String describe(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(defaultValue = "") String bio,
			@RequestParam(name = "link", defaultValue = "") List<String> links, RedirectAttributes redirect) {
		profiles.describe(me.accountId(), bio, links);
		redirect.addFlashAttribute("success", "profile.saved");
		return BACK;
	}

	@PostMapping("/banner")
	String banner(@AuthenticationPrincipal AccountPrincipal me, @RequestParam("banner") MultipartFile banner,
			RedirectAttributes redirect) throws IOException {
		if (banner.isEmpty()) {
			throw new CatalogException("upload.empty");
		}
		try (InputStream content = banner.getInputStream()) {
			profiles.changeBanner(me.accountId(), content);
		}
		redirect.addFlashAttribute("success", "profile.banner.saved");
		return BACK;
	}

	@PostMapping("/banner/delete")
	String removeBanner(@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
		profiles.removeBanner(me.accountId());
		redirect.addFlashAttribute("success", "profile.banner.removed");
		return BACK;
	}
}
