package nl.voorkant.nowcast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import nl.voorkant.core.Table;
import nl.voorkant.flow.tables.FlowMonth;
import nl.voorkant.ingest.InputError;
import nl.voorkant.testing.SharedSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class NowcastTest {
    private static int day(String d) {
        return (int) LocalDate.parse(d).toEpochDay();
    }

    private static Row line(long client, String from, String to, long cents, String dc, String declared) {
        return RowFactory.create("g", client, day(from), day(to), cents, dc, declared == null ? null : day(declared));
    }

    /**
     * Extract of 2020-06-15: delays count in months ending on the 15th. April care claimed on 10 May has
     * delay 1, its credit of 20 May delay 2; a line of 16 April – 15 May claimed on 1 June is spread
     * 15/15 days, delay 2 for April and 1 for May; a claim of 20 June is not in the extract, nor is a
     * line without a declaration date.
     */
    private static Dataset<Row> claims() {
        StructType s = new StructType().add("product_group", DataTypes.StringType).add("client_key", DataTypes.LongType)
                .add("start_day", DataTypes.IntegerType).add("end_day", DataTypes.IntegerType)
                .add("amount_cents", DataTypes.LongType).add("debit_credit", DataTypes.StringType)
                .add("declaration_day", DataTypes.IntegerType);
        return SharedSpark.session().createDataFrame(List.of(
                line(1, "2020-04-01", "2020-04-30", 1000, "D", "2020-05-10"),
                line(1, "2020-04-01", "2020-04-30", 500, "C", "2020-05-20"),
                line(2, "2020-04-16", "2020-05-15", 3000, "D", "2020-06-01"),
                line(3, "2020-06-01", "2020-06-10", 100, "D", "2020-06-20"),
                line(2, "2020-04-01", "2020-04-30", 700, "D", null)), s);
    }

    @Test
    void theTriangleCountsDelaysInMonthsEndingOnTheExtractsDay() {
        DelayTriangle.Triangles t;
        nl.voorkant.ingest.ClaimIngest.DeclarationDates d;
        try (DelayTriangle.Read read = DelayTriangle.Read.of(claims(), null)) {
            d = read.dates();
            t = read.triangles(LocalDate.of(2020, 6, 15));
        }
        assertEquals(YearMonth.of(2020, 4), t.firstMonth(), "the first care month with a dated claim");
        assertEquals(3, t.origins(), "April, May, June");
        DelayTriangle.Group g = t.groups().get("g");
        assertArrayEquals(new long[] {0, 1000, 1000}, java.util.Arrays.copyOf(g.cents()[0], 3),
                "April: 1000 at delay 1; −500 + 1500 at delay 2");
        assertArrayEquals(new long[] {0, 1500, 0}, java.util.Arrays.copyOf(g.cents()[1], 3), "May: its half at delay 1");
        assertArrayEquals(new long[] {0, 1, 1}, java.util.Arrays.copyOf(g.clients()[0], 3),
                "April's clients at the delay of their first claim");
        assertEquals(0, java.util.Arrays.stream(g.cents()[2]).sum(), "June: the claim of 20 June is not in the extract");
        assertEquals(LocalDate.of(2020, 6, 20), d.latest(), "the latest declaration date");
        assertEquals(1, d.undated(), "one line without a date");
        assertEquals(4, d.dated(), "four with one, the claim of 20 June among them");
    }

    @Test
    void anExtractDateBeforeTheLatestDeclarationOrNotADateIsAnInputError() {
        Table.Builder m = FlowMonth.SCHEMA.builder();
        m.row("R", "region", "g", "2020-04", 2L, null, null, new BigDecimal("12.00"));
        Map<String, Table> flow = Map.of("flow_month", m.build());
        InputError e = assertThrows(InputError.class, () -> Nowcast.complete(claims(), null, LocalDate.of(2020, 6, 15), flow, null));
        assertEquals("analyse: --extract-date is before the latest declaration date in the claims", e.getMessage(),
                "one line, no date echoed");
        assertThrows(InputError.class, () -> Nowcast.extractDate("15-06-2020"), "a date is yyyy-MM-dd");
        assertEquals("2020-06-20", Nowcast.complete(claims(), null, null, flow, null).summary().get("extract_date"),
                "by default the latest declaration date");
    }
}
