package io.reelgate.shared;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTableTests {

	@Test
	void quotesEveryCellSoASemicolonSplittingSpreadsheetSeesNoFormula() {
		// Split on ';' unquoted, "safeX;=1+2;" would give a cell "=1+2"; quoted, it stays one text cell.
		assertThat(new CsvTable().row(List.of("safeX;=1+2;", "plain")).toString())
			.isEqualTo("\"safeX;=1+2;\",\"plain\"\r\n");
	}

	@Test
	void quotesSeparatorsQuotesAndLineBreaksAndDoublesQuotes() {
		assertThat(new CsvTable().row(List.of("a,b", "say \"hi\"", "two\nlines", "tab\tin")).toString())
			.isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"tab\tin\"\r\n");
	}

	@Test
	void defusesTextThatASpreadsheetWouldRunAsAFormula() {
		assertThat(new CsvTable()
			.row(List.of("=HYPERLINK(\"http://evil\")", "+1", "-2", "@SUM(A1)", "\tx", "\r=1", ";=1"))
			.toString())
			.isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\",\"'+1\",\"'-2\",\"'@SUM(A1)\",\"'\tx\",\"'\r=1\","
					+ "\";=1\"\r\n");
	}

	@Test
	void writesNumbersAsTheyAreNegativeOnesIncludedAndNullAsEmpty() {
		assertThat(new CsvTable().row(Arrays.asList(new BigDecimal("-9.00"), 3L, null)).toString())
			.isEqualTo("\"-9.00\",\"3\",\"\"\r\n");
	}

	@Test
	void endsEveryRowWithCrLf() {
		assertThat(new CsvTable().row(List.of("a")).row(List.of("b")).toString()).isEqualTo("\"a\"\r\n\"b\"\r\n");
	}
}
