package nl.voorkant.ingest;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {
    /** Each record as "first line: fields joined by |", or "first line: unclosed" for an unclosed quote. */
    static List<String> records(CsvRecords r) {
        List<String> out = new ArrayList<>();
        while (r.advance()) {
            out.add(r.firstLine() + ": " + (r.fields() == null ? "unclosed" : String.join("|", r.fields())));
        }
        return out;
    }

    static CsvRecords of(int fields, String... lines) {
        return new CsvRecords(List.of(lines).iterator(), ',', fields);
    }

    @Test
    void aQuotedLineBreakContinuesTheRecordWhichKeepsItsFirstLine() {
        CsvRecords r = of(3, "a,\"two", "lines\",b", "", "c,\"three", "", "lines\",d", "e,f,g");
        assertEquals(List.of("0: a|two\nlines|b", "3: c|three\n\nlines|d", "6: e|f|g"), records(r),
                "a blank line inside quotes belongs to the field; outside it is no row");
        assertEquals(7, r.linesRead());
        assertFalse(r.endedOpen());
    }

    @Test
    void aStrayQuoteCostsOneRowNotTheRowsAfterIt() {
        // Joined up to the next quote, line 0 would close with the wrong number of fields.
        CsvRecords r = of(3, "a,\"stray,b", "c,d,e", "f,\"g\",h");
        assertEquals(List.of("0: unclosed", "1: c|d|e", "2: f|g|h"), records(r));
        assertFalse(r.endedOpen());
    }

    @Test
    void aQuoteStillOpenAtTheEndIsOneUnclosedRowAndSaysSo() {
        CsvRecords r = of(3, "a,b,c", "d,\"open", "e,f,g");
        assertEquals(List.of("0: a|b|c", "1: unclosed", "2: e|f|g"), records(r));
        assertTrue(r.endedOpen(), "the record may go on in the next partition");
        assertEquals(3, r.linesRead());
    }

    @Test
    void noRecordSpansMoreThanItsMostLines() {
        List<String> lines = new ArrayList<>();
        lines.add("a,\"long");
        for (int i = 0; i < CsvRecords.MAX_LINES; i++) lines.add("x");
        lines.add("end\",b");
        CsvRecords r = new CsvRecords(lines.iterator(), ',', 2);
        List<String> got = records(r);
        assertEquals("0: unclosed", got.get(0));
        assertEquals(CsvRecords.MAX_LINES + 2, got.size(), "every line after the opening one is a record of its own");
        assertFalse(r.endedOpen());
    }
}
