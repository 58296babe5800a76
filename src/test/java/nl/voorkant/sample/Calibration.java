package nl.voorkant.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.voorkant.core.SeedFigures;
import nl.voorkant.core.Table;
import nl.voorkant.flow.FlowMetrics;
import nl.voorkant.sample.Catalogue.Group;
import nl.voorkant.sample.Catalogue.Product;
import nl.voorkant.testing.Ingested;

/**
 * The seed figures beside what the pipeline's own flow tables give for a sample, each held to the
 * distance the generator's steering leaves (CellSimulator, CellClaims, Targets): a sample meets the
 * seeds when every check holds.
 */
public final class Calibration {
    private Calibration() {}

    /** Unique children: CellSimulator starts exactly the target less the children carried into the year. */
    static final double UNIQUE_CHILDREN = 0;
    /** Average monthly clients: CellSimulator bisects the duration scale on whole client-months, one of twelve a client. */
    static final double AVG_MONTHLY_CLIENTS = 1.0 / 12;
    /** Half a cent per claimed day: a day-priced line's tariff is the scaled tariff rounded to the cent. */
    static final double DAY_PRICED_CENTS_PER_DAY = 0.5;
    /** The local team is a ninth of the market's client-months (Targets.local), bisected to one client-month per municipality. */
    static final double LOCAL_CLIENT_MONTHS_PER_MUNICIPALITY = 1;
    /** The tables round a figure to two decimals (averages, costs) or four (shares): it may be half a unit off. */
    static final double TWO_DECIMALS = 0.005, FOUR_DECIMALS = 0.00005;

    /** One seed figure: what the seeds say, what the tables give (null: no such cell), and how close the generator steers it. */
    public record Check(String what, double target, Double measured, double tolerance) {
        public boolean holds() {
            return measured != null && Math.abs(measured - target) <= tolerance + 1e-9;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-58s target %14.4f measured %14s tolerance %10.4f%s", what, target,
                    measured == null ? "none" : String.format(Locale.ROOT, "%.4f", measured), tolerance,
                    holds() ? "" : "  MISSED");
        }
    }

    /** Every seed figure of the memo and the plan, from the flow tables (as FlowMetrics or analyse's tables/ give them). */
    public static List<Check> checks(Map<String, Table> tables) {
        Table flowYear = tables.get("flow_year");
        int y = SeedFigures.MEMO_YEAR;
        List<Check> out = new ArrayList<>();
        for (SeedFigures.MemoCell c : SeedFigures.MEMO_2018) {
            uniqueAndCost(out, flowYear, c.municipalityCode(), c.productGroup(), c.uniqueChildren(), c.costEur(), 1);
        }
        int municipalities = Municipalities.DRECHTSTEDEN_NOORD.size();
        for (SeedFigures.MemoCell c : SeedFigures.MEMO_2018_TOTALS) {
            uniqueAndCost(out, flowYear, SeedFigures.SUBREGION, c.productGroup(), c.uniqueChildren(), c.costEur(),
                    municipalities);
        }
        Targets.SUBREGION_2018.forEach((group, f) -> uniqueAndCost(out, flowYear, SeedFigures.SUBREGION, group,
                f.uniqueChildren(), f.costEur(), municipalities));
        for (SeedFigures.PlanBaseline b : SeedFigures.ALBLASSERDAM_2019) {
            String p = b.municipalityCode() + " " + b.productGroup() + " " + b.year();
            Table row = cell(flowYear, b.municipalityCode(), b.productGroup(), b.year());
            out.add(new Check(p + " avg monthly clients", b.avgMonthlyClients(), number(row, "avg_monthly_clients"),
                    AVG_MONTHLY_CLIENTS + TWO_DECIMALS));
            Double cost = number(row, "cost_eur");
            out.add(new Check(p + " monthly cost (eur)", b.monthlyCostEur(), cost == null ? null : cost / 12,
                    costToleranceCents(b.productGroup(), b.year(), 0) / 100 / 12));
            // Targets.market asks for round(12 × monthly / share) starts, of which CellSimulator refers
            // round(share × starts) via the local team: whole starts, so the monthly figure times 12 up to that rounding.
            double starts = Math.round(12 * b.monthlyInflow() / (b.inflowIsLocalOnly() ? b.localReferralShare() : 1));
            double generated = b.inflowIsLocalOnly() ? Math.round(b.localReferralShare() * starts) : starts;
            out.add(new Check(p + (b.inflowIsLocalOnly() ? " inflow via 01 (a year)" : " inflow (a year)"),
                    12 * b.monthlyInflow(), number(row, b.inflowIsLocalOnly() ? "local_referral_inflow" : "inflow"),
                    Math.abs(generated - 12 * b.monthlyInflow())));
            out.add(new Check(p + " local referral share", b.localReferralShare(), number(row, "local_referral_share"),
                    1 / (2 * starts) + FOUR_DECIMALS));
        }
        Table local = tables.get("local_share_year").where("area", SeedFigures.SUBREGION).where("year", inYear(y));
        Double allMonths = number(local, "total_client_months");
        // local = market / 9 ± one client-month per municipality, so the share is 1/10 ± 0.9 of that over all months
        double shareTolerance = allMonths == null ? 0
                : 0.9 * LOCAL_CLIENT_MONTHS_PER_MUNICIPALITY * municipalities / allMonths + FOUR_DECIMALS;
        out.add(new Check(SeedFigures.SUBREGION + " " + y + " local share of client-months",
                1 / (1 + Targets.MARKET_MONTHS_PER_LOCAL_MONTH), number(local, "local_share"), shareTolerance));
        return out;
    }

    private static void uniqueAndCost(List<Check> out, Table flowYear, String area, String group, int unique,
                                      long costEur, int municipalities) {
        int y = SeedFigures.MEMO_YEAR;
        Table row = cell(flowYear, area, group, y);
        String what = area + " " + group + " " + y;
        out.add(new Check(what + " unique children", unique, number(row, "unique_clients"), UNIQUE_CHILDREN));
        // Each municipality's cost is steered on its own, so a subregion's may be off by the sum of theirs.
        double tolerance = groupHasVolumePricing(group) ? municipalities * costToleranceCents(group, y, 0)
                : costToleranceCents(group, y, unique);
        out.add(new Check(what + " cost (eur)", costEur, number(row, "cost_eur"), tolerance / 100 + TWO_DECIMALS));
    }

    /**
     * How far one municipality's yearly cost of a group may be from its target, in cents. CellClaims.price
     * walks the volumes of volume-priced lines one unit at a time while the year's residual exceeds half a
     * unit's tariff; a group priced only by the day has no such walk, and each of its lines keeps the
     * rounding of its scaled tariff: half a cent per day, at most a year's days for each of its children.
     */
    static double costToleranceCents(String group, int year, int uniqueChildren) {
        if (!groupHasVolumePricing(group)) return DAY_PRICED_CENTS_PER_DAY * 366 * uniqueChildren;
        long largest = 0;
        for (Product p : products(group)) {
            if (!p.volumeIsDays()) largest = Math.max(largest, CellClaims.baseTariff(p, year));
        }
        return largest / 2.0;
    }

    private static boolean groupHasVolumePricing(String group) {
        return products(group).stream().anyMatch(p -> !p.volumeIsDays());
    }

    private static List<Product> products(String group) {
        Group g = Catalogue.GROUPS.stream().filter(x -> x.id().equals(group)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no group " + group));
        return Catalogue.productsOf(g);
    }

    private static Table cell(Table flowYear, String area, String group, int year) {
        return flowYear.where("area", area).where("product_group", group).where("year", inYear(year));
    }

    /** A year as FlowMetrics (an Integer) or a table read back from CSV (a Long) gives it. */
    private static java.util.function.Predicate<Object> inYear(int year) {
        return v -> v != null && ((Number) v).intValue() == year;
    }

    /** The one row's value as a number, or null when the row is missing or the cell is empty. */
    private static Double number(Table oneRow, String column) {
        if (oneRow.size() != 1) return null;
        Object v = oneRow.value(0, column);
        return v == null ? null : ((Number) v).doubleValue();
    }

    /** Prints the checks for a generated folder: {@code Calibration OUT} reads OUT/claims and OUT/reference. */
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "data");
        Path work = Files.createTempDirectory("calibration");
        List<Check> checks = Ingested.use(folder, work,
                (reference, r) -> checks(FlowMetrics.compute(r.accepted(), reference, 1).tables()));
        checks.forEach(System.out::println);
        System.exit(0);
    }
}
