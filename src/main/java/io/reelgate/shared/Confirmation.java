package io.reelgate.shared;

import java.util.List;

/**
 * The one shape of every action that cannot be undone (removing or deleting, refunding, suspending or banning,
 * revoking): a GET shows this page, which names what will happen in figures ("This refunds $14.97 to 3 buyers"),
 * and only its form, which posts {@value #PARAMETER}{@code =true}, carries the action out. A POST without it is sent
 * back to the page and changes nothing, so a stale one-click form or a forged request cannot act blind. It works
 * without JavaScript; where the action needs a reason the page has a reason field of its own.
 *
 * @param heading the question, e.g. "Remove “Night Train” for good?"
 * @param consequences what happens, one sentence each, the first said most strongly
 * @param action the path the form posts to (the action's own route)
 * @param back where Cancel leads
 * @param submit the label of the button that acts
 * @param cancel the label of the Cancel link
 * @param reason the label of the reason field, or {@code null} for an action without one
 */
public record Confirmation(Line heading, List<Line> consequences, String action, String back, Line submit,
		Line cancel, Line reason) {

	/** The template every confirmation renders. */
	public static final String VIEW = "confirm";

	/** The form field that says the person saw the page. */
	public static final String PARAMETER = "confirmed";

	public Confirmation {
		consequences = List.copyOf(consequences);
	}

	/** A confirmation without a reason field. */
	public static Confirmation of(Line heading, List<Line> consequences, String action, String back, Line submit,
			Line cancel) {
		return new Confirmation(heading, consequences, action, back, submit, cancel, null);
	}

	/** The same confirmation, whose form also asks for a reason, labelled {@code label}. */
	public Confirmation withReason(Line label) {
		return new Confirmation(heading, consequences, action, back, submit, cancel, label);
	}

	/** Where a POST that did not come from the page goes: back to the page (the GET of the same path). */
	public static String askFirst(String path) {
		return "redirect:" + path;
	}

	/** One message of the page: a key of messages.properties and its arguments. */
	public record Line(String code, Object... args) {

		public static Line of(String code, Object... args) {
			return new Line(code, args);
		}
	}
}
