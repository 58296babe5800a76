package nl.voorkant.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nl.voorkant.core.Table;
import nl.voorkant.testing.ClaimsBuilder;
import nl.voorkant.testing.TableRows;
import nl.voorkant.testing.TestReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * km_survival and durations from claims, worked out by hand. The data run 2019-01 .. 2019-12 (Z, in
 * another group), max_gap 1: starts in 2019-01/02 are left-censored, ends in 2019-11/12 right-censored.
 * Begeleiding in GM0482, one client per trajectory:
 * <pre>
 * a 2019-03            1 month, ends       b 2019-03 .. 04   2, ends      c 2019-04 .. 05   2, ends
 * d 2019-05 .. 07      3, ends             e 2019-09 .. 11   3, censored  f 2019-06 .. 12   7, censored
 * g 2019-01 .. 04      start unknown: in neither table's curve (but in the monthly clients)
 * </pre>
 * The curve (duration: at risk, events, censored → survival):
 * 1: 6, 1, 0 → 5/6;  2: 5, 2, 0 → 5/6·3/5 = 1/2;  3: 3, 1, 1 → 1/2·2/3 = 1/3;  7: 1, 0, 1 → 1/3.
 */
class DurationsFromClaimsTest {
    static Map<String, Table> tables;

    @BeforeAll
    static void compute() {
        ClaimsBuilder c = new ClaimsBuilder()
                .month(9, "GM0505", "JH-2A", "2019-01", 10000, "02").month(9, "GM0505", "JH-2A", "2019-12", 10000, "02");
        months(c, 1, "2019-03", "2019-03");
        months(c, 2, "2019-03", "2019-04");
        months(c, 3, "2019-04", "2019-05");
        months(c, 4, "2019-05", "2019-07");
        months(c, 5, "2019-09", "2019-11");
        months(c, 6, "2019-06", "2019-12");
        months(c, 7, "2019-01", "2019-04");
        tables = FlowMetrics.compute(c.build(), TestReference.small(), 1).tables();
    }

    /** One whole-month H300 debit in GM0482 for each month from {@code first} to {@code last}. */
    static void months(ClaimsBuilder c, long client, String first, String last) {
        for (var m = java.time.YearMonth.parse(first); !m.isAfter(java.time.YearMonth.parse(last)); m = m.plusMonths(1)) {
            c.month(client, "GM0482", "H300", m.toString(), 10000, "01");
        }
    }

    static TableRows.KeyedRow step(int duration) {
        return TableRows.one(tables, "km_survival", "area", "GM0482", "product_group", "begeleiding",
                "duration_months", duration);
    }

    @Test
    void theKaplanMeierCurveStepsAtEachObservedDuration() {
        assertEquals(4, tables.get("km_survival").where("area", "GM0482").where("product_group", "begeleiding").size(),
                "one step per distinct duration: 1, 2, 3 and 7");
        assertEquals(List.of(6L, 1L, 0L, 0.8333), values(step(1)), "1 month: a ends of 6 at risk");
        assertEquals(List.of(5L, 2L, 0L, 0.5), values(step(2)), "2 months: b and c end of 5");
        assertEquals(List.of(3L, 1L, 1L, 0.3333), values(step(3)), "3 months: d ends, e is censored, of 3");
        assertEquals(List.of(1L, 0L, 1L, 0.3333), values(step(7)), "7 months: f is censored, survival stays");
        for (int d : List.of(1, 2, 3, 7)) {
            TableRows.KeyedRow s = step(d);
            double survival = (Double) s.get("survival");
            assertTrue((Double) s.get("lower95") <= survival && survival <= (Double) s.get("upper95"),
                    "the band holds the curve at " + d);
        }
    }

    static List<Object> values(TableRows.KeyedRow r) {
        return List.of(r.get("at_risk"), r.get("events"), r.get("censored"), r.get("survival"));
    }

    @Test
    void durationsSummariseTheCurveBesideTheNaiveMeanAndLittlesLaw() {
        TableRows.KeyedRow d = TableRows.one(tables, "durations", "area", "GM0482", "product_group", "begeleiding");
        assertEquals(6L, d.get("trajectories"), "a .. f: g's start is unknown");
        assertEquals(4L, d.get("closed"), "a, b, c, d");
        assertEquals(2, d.get("km_median_months"), "the first duration at which survival is 0.5 or below");
        assertEquals(3.67, d.get("km_restricted_mean_months"),
                "area under the curve to 7 months: 1·1 + 5/6·1 + 1/2·1 + 1/3·4 = 11/3");
        assertEquals(7, d.get("restricted_to_months"), "the longest observed duration");
        assertEquals(2.0, d.get("naive_mean_closed_months"), "(1 + 2 + 2 + 3) / 4, blind to e and f");
        assertEquals(1.83, d.get("avg_monthly_clients"), "22 client-months (g's 4 too) over the 12 data months");
        assertEquals(0.6, d.get("monthly_inflow"), "6 starts over the 10 months whose inflow is known");
        assertEquals(0.833, d.get("little_ratio"), "clients / (inflow × restricted mean) = (22/12) / (0.6 · 11/3)");
    }

    @Test
    void theYearlyMedianAndMeanUseTheSameTrajectories() {
        TableRows.KeyedRow y = TableRows.one(tables, "flow_year", "area", "GM0482", "product_group", "begeleiding",
                "year", 2019);
        assertEquals(2, y.get("km_median_duration_months"), "the curve of the trajectories starting in 2019");
        assertEquals(2.0, y.get("mean_duration_months"), "ended in 2019 with a known start: a, b, c, d");
    }
}
