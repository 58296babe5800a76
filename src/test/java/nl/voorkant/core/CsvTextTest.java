package nl.voorkant.core;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text cells that a spreadsheet would run as a formula are written inert; numbers stay numbers. */
class CsvTextTest {
    static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";

    @Test
    void textThatStartsAFormulaGetsALeadingQuote() {
        for (String formula : List.of(HYPERLINK, "+cmd|' /C calc'!A0", "-cmd", "-1+1", "@SUM(A1)", "\t=1+1",
                "\r=1+1", "\t12", "  =1+1", "\n-2+3", "-", "+")) {
            assertEquals("'" + formula, CsvText.inert(formula), "made inert: " + formula.replace("\t", "\\t"));
        }
    }

    @Test
    void plainNumbersAndOrdinaryTextStayAsTheyAre() {
        for (String text : List.of("-12.50", "-12,50", "+31", "-5", "12", " -7 ", "Drechtsteden-Noord", "GM0482",
                "a=b", "", " ", "2016-11-01 > 2016-10-28", "'=already quoted", "−5")) {
            assertEquals(text, CsvText.inert(text), "left alone: " + text);
        }
    }

    @Test
    void aTablesCsvQuotesTheInertTextAndWritesNegativeNumbersAsNumbers() throws IOException {
        Table t = Table.builder("t", "area", "product_group", "cost_eur", "change", "clients", "months", "note")
                .row(HYPERLINK, "@SUM(1+1)", new BigDecimal("-12.50"), -0.5, -3L, -1, "-1+1")
                .row("Drechtsteden-Noord", "begeleiding", BigDecimal.ZERO, 0.25, 4L, 2, null)
                .build();
        StringWriter w = new StringWriter();
        t.writeCsv(w);
        assertEquals("""
                area,product_group,cost_eur,change,clients,months,note
                "'=HYPERLINK(""http://x"",""y"")",'@SUM(1+1),-12.50,-0.5,-3,-1,'-1+1
                Drechtsteden-Noord,begeleiding,0,0.25,4,2,
                """, w.toString());
    }
}
