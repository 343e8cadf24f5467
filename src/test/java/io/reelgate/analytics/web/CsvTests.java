package io.reelgate.analytics.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTests {

	@Test
	void quotesFieldsWithSeparatorsQuotesAndLineBreaks() {
		assertThat(new Csv().row(List.of("a,b", "say \"hi\"", "two\nlines", "plain")).toString())
			.isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",plain\r\n");
	}

	@Test
	void defusesTextThatASpreadsheetWouldRunAsAFormula() {
		assertThat(new Csv().row(List.of("=HYPERLINK(\"http://evil\")", "+1", "-2", "@SUM(A1)", "\tx")).toString())
			.isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\",'+1,'-2,'@SUM(A1),'\tx\r\n");
	}

	@Test
	void writesNumbersAsTheyAreNegativeOnesIncluded() {
		assertThat(new Csv().row(Arrays.asList(new BigDecimal("-9.00"), 3L, null)).toString())
			.isEqualTo("-9.00,3,\r\n");
	}
}
