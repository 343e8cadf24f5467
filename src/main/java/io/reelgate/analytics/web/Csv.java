package io.reelgate.analytics.web;

import java.util.List;

/**
 * CSV as RFC 4180 writes it: fields with commas, quotes or line breaks are quoted, quotes doubled, lines end with
 * CRLF. Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return: a
 * referrer or a title can be anything) is prefixed with an apostrophe, as OWASP advises; numbers are written as
 * they are.
 */
final class Csv {

	private final StringBuilder out = new StringBuilder();

	Csv row(List<?> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			Object cell = cells.get(i);
			out.append(cell instanceof Number ? cell.toString() : field(cell == null ? "" : cell.toString()));
		}
		out.append("\r\n");
		return this;
	}

	@Override
	public String toString() {
		return out.toString();
	}

	static String field(String text) {
		String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}
}
