package nl.voorkant.report;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.Locale;
import nl.voorkant.core.Table;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.schema.Type;
import org.junit.jupiter.api.Test;

class FormatsTest {
    private static final Formats NL = new Formats(Locale.forLanguageTag("nl-NL"));

    @Test
    void aCellIsShownByTheTypeItsColumnDeclares() {
        assertEquals("€ 1.234,50", NL.cell(Type.EUROS, new BigDecimal("1234.50")), "euros to the cent");
        assertEquals("€ 12,30", NL.cell(Type.EURO_FIGURE, 12.3), "a figure in euros");
        assertEquals("12,5%", NL.cell(Type.SHARE, 0.125), "a share as a percentage");
        assertEquals("2019", NL.cell(Type.YEAR, 2019), "a year without a thousands mark");
        assertEquals("1.234", NL.cell(Type.LONG, 1234L), "a count with one");
        assertEquals("true", NL.cell(Type.BOOLEAN, true));
        assertEquals(Formats.EMPTY, NL.cell(Type.EUROS, null), "a suppressed cell");
    }

    @Test
    void theTypeNotTheNameDecides() {
        // p50 holds euros though its name does not say so; a column ending in _eur that declares a plain figure is one.
        Schema s = Schema.of("t", Column.modelled("p50", Type.EUROS), Column.modelled("ratio_eur", Type.DOUBLE));
        Table t = s.builder().basedRow(java.util.List.of(), new BigDecimal("10.00"), 0.5).build();
        assertEquals("€ 10,00", NL.cell(Formats.type(t, 0), t.value(0, "p50")));
        assertEquals("0,5", NL.cell(Formats.type(t, 1), t.value(0, "ratio_eur")));
    }

    @Test
    void aTableWithoutItsSchemaIsShownByThePublishedSchemaOfItsName() {
        Table excerpt = Table.builder("local_share_year", "year", "local_share", "unknown").row(2019, 0.1, 5L).build();
        assertEquals(Type.YEAR, Formats.type(excerpt, 0));
        assertEquals(Type.SHARE, Formats.type(excerpt, 1));
        assertNull(Formats.type(excerpt, 2), "a column no schema declares is shown plainly");
        assertNull(Formats.type(Table.builder("no_such_table", "year").row(2019).build(), 0));
    }
}
