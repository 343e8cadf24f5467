package io.reelgate.shared;

import java.util.List;

/**
 * The one CSV writer of every export. Each cell is quoted (RFC 4180: quotes doubled, lines end with CRLF), so a
 * spreadsheet that splits on {@code ;} or tab rather than {@code ,} still sees one cell; text that a spreadsheet
 * would run as a formula (starting with {@code = + - @}, tab or carriage return) gets a leading apostrophe, as
 * OWASP's CSV-injection guidance says. Numbers are written as they are (quoted), so a negative amount stays a
 * number. Titles, referrers and addresses are typed by other people, hence both defences on every cell.
 */
public final class CsvTable {

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private final StringBuilder out = new StringBuilder();

	/** Appends one row; {@code null} cells are empty, {@link Number}s are not defused, anything else is text. */
	public CsvTable row(List<?> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			Object cell = cells.get(i);
			out.append(cell instanceof Number number ? quoted(number.toString())
					: field(cell == null ? "" : cell.toString()));
		}
		out.append("\r\n");
		return this;
	}

	@Override
	public String toString() {
		return out.toString();
	}

	/** One text cell, defused and quoted. */
	public static String field(String text) {
		return quoted(!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text);
	}

	private static String quoted(String text) {
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}
}
