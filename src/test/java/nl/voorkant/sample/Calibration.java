package nl.voorkant.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nl.voorkant.core.SeedFigures;

/** The seed figures beside what {@link ClaimsMetrics} measures on a sample, as rows to assert or print. */
final class Calibration {
    private Calibration() {}

    record Row(String what, double target, double measured) {
        double deviation() {
            return measured / target - 1;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, target < 1 ? "%-52s %12.4f %12.4f %+6.1f%%" : "%-52s %12.1f %12.1f %+6.1f%%",
                    what, target, measured, 100 * deviation());
        }
    }

    static List<Row> rows(ClaimsMetrics m) {
        List<Row> rows = new ArrayList<>();
        int y = SeedFigures.MEMO_YEAR;
        for (SeedFigures.MemoCell c : SeedFigures.MEMO_2018) {
            ClaimsMetrics.YearFigures f = m.get(c.municipalityCode(), c.productGroup(), y);
            rows.add(new Row(c.municipalityCode() + " " + c.productGroup() + " " + y + " unique", c.uniqueChildren(),
                    f.clients.size()));
            rows.add(new Row(c.municipalityCode() + " " + c.productGroup() + " " + y + " cost", c.costEur(), f.cost));
        }
        for (SeedFigures.MemoCell c : SeedFigures.MEMO_2018_TOTALS) {
            addSubregion(rows, m, c.productGroup(), c.uniqueChildren(), c.costEur());
        }
        for (var e : Targets.SUBREGION_2018.entrySet()) {
            addSubregion(rows, m, e.getKey(), e.getValue().uniqueChildren(), e.getValue().costEur());
        }
        for (SeedFigures.PlanBaseline b : SeedFigures.ALBLASSERDAM_2019) {
            ClaimsMetrics.YearFigures f = m.get(b.municipalityCode(), b.productGroup(), b.year());
            String p = b.municipalityCode() + " " + b.productGroup() + " " + b.year();
            rows.add(new Row(p + " avg monthly clients", b.avgMonthlyClients(), f.avgMonthlyClients()));
            rows.add(new Row(p + " monthly cost", b.monthlyCostEur(), f.cost / 12));
            rows.add(new Row(p + " local referral share", b.localReferralShare(), f.localReferralShare()));
            rows.add(new Row(p + (b.inflowIsLocalOnly() ? " monthly inflow via 01" : " monthly inflow"),
                    b.monthlyInflow(), (b.inflowIsLocalOnly() ? f.localInflow : f.inflow) / 12.0));
        }
        long[] lt = m.localAndTotalClientMonths.get(y);
        rows.add(new Row("local share of client-months " + y, 0.10, (double) lt[0] / lt[1]));
        return rows;
    }

    private static void addSubregion(List<Row> rows, ClaimsMetrics m, String group, double unique, double cost) {
        ClaimsMetrics.YearFigures f = m.get(SeedFigures.SUBREGION, group, SeedFigures.MEMO_YEAR);
        rows.add(new Row(SeedFigures.SUBREGION + " " + group + " unique", unique, f.clients.size()));
        rows.add(new Row(SeedFigures.SUBREGION + " " + group + " cost", cost, f.cost));
    }

    /** Prints the table for a generated folder: {@code Calibration OUT} reads OUT/claims and OUT/reference. */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "data");
        ClaimsMetrics m = ClaimsMetrics.of(out.resolve("claims"), out.resolve("reference"));
        System.out.println("rows read " + m.rowsRead + ", rejected " + m.rejects);
        rows(m).forEach(System.out::println);
    }
}
