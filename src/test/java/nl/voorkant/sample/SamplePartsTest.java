package nl.voorkant.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SamplePartsTest {
    @Test
    void apportionAddsUpByLargestRemainder() {
        // 83 dagbesteding children over youths 4612, 4401, 6486, 5548 (sum 21047): exact shares
        // 18.19, 17.36, 25.58, 21.88; floors give 81, the two largest remainders get the rest.
        assertArrayEquals(new int[] {18, 17, 26, 22}, Targets.apportion(83, new int[] {4612, 4401, 6486, 5548}));
        assertArrayEquals(new int[] {4, 3, 3}, Targets.apportion(10, new int[] {1, 1, 1}));
    }

    @Test
    void activeMonthsSkipTheGap() {
        Trajectory t = new Trajectory();
        t.start = 10;
        t.end = 15;
        t.gap = 12;
        assertEquals(4, t.activeMonths(11, 20)); // 11, 13, 14, 15
        assertEquals(5, t.activeMonths(0, 100));
        assertEquals(0, t.activeMonths(16, 20));
    }

    @Test
    void writerFormatsWithoutStringFormat() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ClaimWriter w = new ClaimWriter(out)) {
            w.number(2018, 4).number(42, 9).comma().cents(5).comma().cents(123_456).comma()
                    .date(Months.firstDay(Months.index(2018, 2)));
            w.newline();
        }
        String[] lines = out.toString(StandardCharsets.US_ASCII).split("\n");
        assertEquals("2018000000042,0.05,1234.56,2018-02-01", lines[1]);
    }

    @Test
    void pricingHitsTheYearCostExactly() {
        Trajectory hours = new Trajectory();
        hours.product = Catalogue.PRODUCTS.get(0); // H300, hours at 60.50 in 2018
        hours.intensity = 1;
        Trajectory days = new Trajectory();
        days.product = Catalogue.PRODUCTS.stream().filter(p -> p.code().equals("VGD01")).findFirst().orElseThrow();
        int jan = Months.index(2018, 1);
        List<CellClaims.Line> lines = List.of(
                new CellClaims.Line(hours, jan, Months.firstDay(jan), Months.lastDay(jan), 0, false),
                new CellClaims.Line(hours, jan + 1, Months.firstDay(jan + 1), Months.lastDay(jan + 1), 0, false),
                new CellClaims.Line(days, jan, Months.firstDay(jan), Months.lastDay(jan), 0, false));
        CellClaims.price(lines, Map.of(2018, 500_000L));
        assertEquals(31, lines.get(2).volume); // a day product claims its days
        long total = lines.stream().mapToLong(CellClaims.Line::amountCents).sum();
        // Within half the hour tariff: rounding to whole hours is all that is left.
        assertEquals(500_000, total, 6_050 / 2.0);
        assertEquals(6_050, lines.get(0).tariffCents);
    }
}
