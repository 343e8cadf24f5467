package io.reelgate.api.web;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any other path under {@code /api/}: a problem 404 rather than the site's HTML error page. More specific mappings
 * win, so this only answers what no endpoint matches.
 */
@RestController
@Hidden
class ApiFallbackController {

	@RequestMapping("/api/**")
	ProblemDetail unknown() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such endpoint.");
	}
}
