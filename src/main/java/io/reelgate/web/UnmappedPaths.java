package io.reelgate.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.handler.AbstractHandlerMethodMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Matches requests that no controller answers, whatever their method. Such a request is let through to the
 * dispatcher, which answers 404 for everyone: a stale shared link must not look like a login wall, and a crawler
 * must not be sent to the login page for a URL that does not exist. Anything a controller maps (for any method) is
 * left to the rules that protect it, and so are static resources, which are public anyway.
 */
final class UnmappedPaths implements RequestMatcher {

	private final AbstractHandlerMethodMapping<?> controllers;

	UnmappedPaths(AbstractHandlerMethodMapping<?> controllers) {
		this.controllers = controllers;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		Object parsed = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
		if (parsed == null) {
			ServletRequestPathUtils.parseAndCache(request);
		}
		try {
			return controllers.getHandler(request) == null;
		}
		catch (Exception mappedForAnotherMethodOrType) {
			// 405, 406 and 415 are decided by a controller's mapping: the path exists, so it stays protected.
			return false;
		}
		finally {
			if (parsed == null) {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			}
		}
	}
}
