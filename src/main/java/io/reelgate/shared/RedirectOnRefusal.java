package io.reelgate.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where a form handler sends the person back when a {@link RefusedException} ends its action: a path whose
 * {@code {name}} parts are filled from the request's path variables, e.g. {@code "/bundles/{bundleId}"}. The site's
 * one refusal advice then flashes the reason as {@code error} (with {@code errorArgs}) and redirects there, so
 * handlers do not each catch the refusal; a payment provider's failure goes back there the same way. On a handler
 * method, or on a controller for all its handlers.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RedirectOnRefusal {

	/** The path to go back to, with {@code {name}} for path variables. */
	String value();
}
