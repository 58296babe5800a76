package nl.voorkant.scenario;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.voorkant.core.CellRef;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.Role;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.schema.Type;
import nl.voorkant.flow.tables.FlowYear;
import static nl.voorkant.flow.tables.Dimensions.AREA;
import static nl.voorkant.flow.tables.Dimensions.MONTH;
import static nl.voorkant.flow.tables.Dimensions.PRODUCT_GROUP;
import static nl.voorkant.flow.tables.Dimensions.YEAR;
import nl.voorkant.core.Table;
import nl.voorkant.ingest.Reference;
import static nl.voorkant.core.schema.Column.dimension;
import static nl.voorkant.core.schema.Column.modelled;
import static nl.voorkant.core.schema.Column.observed;
import static nl.voorkant.core.schema.Column.parameter;

/**
 * The scenario stage's one entry point: runs every configured scenario (typed in, or read from the
 * flow tables when they are given), the targets, trends, Monte Carlo and sensitivity, and returns
 * the tables for the CLI to write. What the data cannot support is skipped with a note, never failed.
 */
public final class ScenarioRun {
    private ScenarioRun() {}

    /** The tables by name (scenario_&lt;name&gt;_months, scenario_summary, ...) and notes for the report. */
    public record Result(Map<String, Table> tables, List<String> notes) {}

    /*
     * The scenario tables' columns with how each is disclosed (Schema). Every modelled figure is
     * computed from the cells of the flow tables named by its row's basis (none for typed-in
     * baselines), so a model cannot give back a figure that disclosure control left empty.
     */
    /** The flow_year column a row of a long table of several measures is about. */
    static final Column MEASURE = dimension("measure", Type.TEXT);

    static final Schema MONTHS = Schema.of("scenario_*_months", MONTH, modelled("front_clients", Type.DOUBLE),
            modelled("front_budget_eur", Type.EUROS), modelled("market_clients", Type.DOUBLE), modelled("market_cost_eur", Type.EUROS), modelled("saving_eur", Type.EUROS),
            modelled("fund_draw_eur", Type.EUROS), modelled("cumulative_fund_draw_eur", Type.EUROS));
    static final Schema SUMMARY = Schema.of("scenario_summary", dimension("scenario", Type.TEXT), AREA,
            PRODUCT_GROUP, parameter("mode", Type.TEXT), parameter("start_month", Type.MONTH), parameter("horizon_months", Type.INT),
            modelled("total_fund_draw_eur", Type.EUROS), modelled("steady_state_yearly_saving_eur", Type.EUROS), modelled("payback_month", Type.MONTH),
            parameter("fund_cap_eur", Type.EUROS), modelled("fund_cap_ok", Type.TEXT), modelled("thirteen_percent_ok", Type.TEXT),
            // The note quotes the baseline read from the data (clients, inflow, duration).
            modelled("note", Type.TEXT));

    public static Result run(ScenarioConfig config, Map<String, Table> flowTables, PrintStream out) {
        Map<String, Table> tables = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        Map<String, List<CellRef>> bases = new LinkedHashMap<>();
        List<Scenario> scenarios = resolve(config, flowTables, notes, bases);
        Table.Builder summary = SUMMARY.builder();
        Table.Builder mc = MC.builder();
        Table.Builder mcMonths = MC_MONTHS.builder();
        Table.Builder sensitivity = SENSITIVITY.builder();
        List<Transition> transitions = new ArrayList<>();
        for (Scenario sc : scenarios) {
            List<CellRef> basis = bases.get(sc.name());
            Transition t = TransitionModel.run(sc);
            transitions.add(t);
            Table months = monthsTable(t, basis);
            tables.put(months.name(), months);
            summary.basedRow(basis, summaryRow(t));
            print(t, out);
            if (config.monteCarlo() != null) {
                monteCarloRows(MonteCarlo.run(sc, config.monteCarlo().runs(), config.monteCarlo().seed()), basis, mc, mcMonths);
            }
            if (config.sensitivity() != null) {
                for (Sensitivity.Swing w : Sensitivity.run(sc, config.sensitivity().swing())) {
                    sensitivity.basedRow(basis, sc.name(), w.parameter(), Values.round(w.lowValue(), 4), Values.round(w.highValue(), 4),
                            Values.eur(w.fundDrawLowEur()), Values.eur(w.fundDrawHighEur()), Values.eur(w.savingLowEur()),
                            Values.eur(w.savingHighEur()));
                }
            }
        }
        tables.put("scenario_summary", summary.build());
        tables.put("montecarlo", mc.build());
        tables.put("montecarlo_months", mcMonths.build());
        tables.put("sensitivity", sensitivity.build());
        targets(config, flowTables, tables, notes, out);
        trends(config, flowTables, tables, notes);
        tables.put("scenario_on_baseline", onBaseline(transitions, bases, tables.get("baseline_projection")));
        for (String n : notes) out.println("Let op: " + n);
        return new Result(tables, notes);
    }

    static final Schema ON_BASELINE = Schema.of("scenario_on_baseline", dimension("scenario", Type.TEXT), AREA,
            PRODUCT_GROUP, YEAR, parameter("months_modelled", Type.INT), modelled("baseline_cost_eur", Type.EUROS),
            modelled("front_budget_eur", Type.EUROS), modelled("market_saving_eur", Type.EUROS), modelled("cost_with_shift_eur", Type.EUROS));

    /**
     * Each scenario on top of the projected no-shift cost of its area and group: per modelled year the
     * projected market cost, less the market saving, plus the front-end budget. Scenarios whose area
     * and group have no projection (not among the configured trends) get no rows.
     */
    static Table onBaseline(List<Transition> transitions, Map<String, List<CellRef>> bases, Table projection) {
        Table.Builder out = ON_BASELINE.builder();
        for (Transition t : transitions) {
            Baseline b = t.scenario().baseline();
            List<CellRef> basis = new ArrayList<>(bases.get(t.scenario().name()));
            basis.addAll(trendBasis(b.area(), b.productGroup(), "cost_eur"));
            Table cost = projection.where("area", b.area()).where("product_group", b.productGroup())
                    .where("measure", "cost_eur");
            Map<Integer, double[]> perYear = new java.util.TreeMap<>();
            for (Transition.Month m : t.months()) {
                double[] y = perYear.computeIfAbsent(m.month().getYear(), k -> new double[3]);
                y[0] += m.frontBudgetEur();
                y[1] += m.savingEur();
                y[2]++;
            }
            perYear.forEach((year, y) -> {
                Table row = cost.where("year", year);
                if (row.size() == 0) return;
                double baseline = ((Number) row.value(0, "projected")).doubleValue();
                out.basedRow(basis, t.scenario().name(), b.area(), b.productGroup(), year, (int) y[2], Values.eur(baseline),
                        Values.eur(y[0]), Values.eur(y[1]), Values.eur(baseline - y[1] + y[0]));
            });
        }
        return out.build();
    }

    static final Schema MC = Schema.of("montecarlo", dimension("scenario", Type.TEXT), MEASURE, parameter("runs", Type.INT),
            parameter("seed", Type.LONG), modelled("p10", Type.EUROS), modelled("p50", Type.EUROS), modelled("p90", Type.EUROS));
    static final Schema MC_MONTHS = Schema.of("montecarlo_months", dimension("scenario", Type.TEXT), MONTH,
            MEASURE, modelled("p10", Type.EUROS), modelled("p50", Type.EUROS), modelled("p90", Type.EUROS));
    /** The swung values are the baseline's own (clients, cost, duration) times 1 ± swing. */
    static final Schema SENSITIVITY = Schema.of("sensitivity", dimension("scenario", Type.TEXT), dimension("parameter", Type.TEXT),
            modelled("low_value", Type.DOUBLE), modelled("high_value", Type.DOUBLE), modelled("fund_draw_low_eur", Type.EUROS), modelled("fund_draw_high_eur", Type.EUROS),
            modelled("saving_low_eur", Type.EUROS), modelled("saving_high_eur", Type.EUROS));

    static void monteCarloRows(MonteCarlo.Result r, List<CellRef> basis, Table.Builder totals, Table.Builder months) {
        String name = r.scenario().name();
        totals.basedRow(basis, name, "fund_draw_eur", r.runs(), r.seed(), Values.eur(r.fundDraw()[0]), Values.eur(r.fundDraw()[1]),
                Values.eur(r.fundDraw()[2]));
        totals.basedRow(basis, name, "yearly_saving_eur", r.runs(), r.seed(), Values.eur(r.yearlySaving()[0]),
                Values.eur(r.yearlySaving()[1]), Values.eur(r.yearlySaving()[2]));
        for (int k = 0; k < r.cumulativeDrawByMonth().length; k++) {
            String month = r.scenario().start().plusMonths(k).toString();
            double[] c = r.cumulativeDrawByMonth()[k];
            double[] s = r.savingByMonth()[k];
            months.basedRow(basis, name, month, "cumulative_fund_draw_eur", Values.eur(c[0]), Values.eur(c[1]), Values.eur(c[2]));
            months.basedRow(basis, name, month, "saving_eur", Values.eur(s[0]), Values.eur(s[1]), Values.eur(s[2]));
        }
    }

    static final Schema TARGETS = Schema.of("targets", parameter("target_share", Type.SHARE), parameter("objective", Type.TEXT),
            PRODUCT_GROUP, modelled("fraction_moved", Type.DOUBLE), modelled("moved_client_months_per_year", Type.DOUBLE),
            modelled("yearly_net_saving_eur", Type.EUROS));
    static final Schema TARGETS_SUMMARY = Schema.of("targets_summary", parameter("target_share", Type.SHARE), modelled("feasible", Type.TEXT),
            modelled("achieved_share", Type.SHARE), modelled("binding_constraint", Type.TEXT), modelled("yearly_net_saving_eur", Type.EUROS),
            modelled("fund_draw_eur", Type.EUROS), modelled("months_to_target_gradual", Type.INT), modelled("months_to_target_big_bang", Type.INT),
            modelled("staff_fte", Type.DOUBLE), modelled("paperwork_hours_saved", Type.DOUBLE), modelled("thirteen_percent_ok", Type.TEXT), modelled("fund_cap_ok", Type.TEXT));

    static void targets(ScenarioConfig config, Map<String, Table> flow, Map<String, Table> tables, List<String> notes,
                        PrintStream out) {
        Table.Builder rows = TARGETS.builder();
        Table.Builder summary = TARGETS_SUMMARY.builder();
        List<CellRef> basis = config.targets() == null ? List.of()
                : FlowBaselines.groupsBasis(config.targets().area(), config.targets().baseYear());
        for (TargetPlan p : plans(config, flow, notes)) {
            for (TargetPlan.Move m : p.moves()) {
                rows.basedRow(basis, p.targetShare(), p.objective().label(), m.group(), Values.round(m.fractionMoved(), 4),
                        Values.round(m.movedClientMonthsPerYear(), 1), Values.eur(m.yearlyNetSavingEur()));
            }
            summary.basedRow(basis, p.targetShare(), String.valueOf(p.feasible()),
                    p.achievedShare() == null ? null : Values.round(p.achievedShare(), 4), p.bindingConstraint(),
                    Values.eur(p.yearlyNetSavingEur()), Values.eur(p.fundDrawEur()), p.monthsToTargetGradual(),
                    p.monthsToTargetBigBang(), p.staffFte() == null ? null : Values.round(p.staffFte(), 2),
                    p.paperworkHoursSaved() == null ? null : Values.round(p.paperworkHoursSaved(), 0),
                    Values.bool(p.thirteenPercentOk()), Values.bool(p.fundCapOk()));
            out.printf(Locale.ROOT, "%nDoel lokaal aandeel %.0f%% (nu %.1f%%): %s%s%n", 100 * p.targetShare(),
                    100 * p.currentShare(), p.feasible() ? "haalbaar" : "niet haalbaar: ", p.feasible()
                            ? String.format(Locale.ROOT, ", %d maanden geleidelijk, %d big bang, fonds %,.2f, besparing %,.2f per jaar",
                            p.monthsToTargetGradual(), p.monthsToTargetBigBang(), p.fundDrawEur(), p.yearlyNetSavingEur())
                            : p.bindingConstraint());
        }
        tables.put("targets", rows.build());
        tables.put("targets_summary", summary.build());
    }

    static List<TargetPlan> plans(ScenarioConfig config, Map<String, Table> flow, List<String> notes) {
        ScenarioConfig.Targets t = config.targets();
        List<TargetPlan> plans = new ArrayList<>();
        if (t == null) return plans;
        if (config.reference() == null || !Files.isDirectory(config.reference())) {
            notes.add("doelen overgeslagen: geen productcatalogus (reference) gevonden");
            return plans;
        }
        List<GroupInput> groups = FlowBaselines.groups(flow, Reference.load(config.reference()), t.area(), t.baseYear(), notes);
        if (groups.isEmpty()) {
            notes.add("doelen overgeslagen: geen data voor " + t.area() + " in " + t.baseYear());
            return plans;
        }
        TargetPlanner.Settings settings = new TargetPlanner.Settings(t.objective(), t.frontCostRatio(), t.lagMonths(),
                t.thirteenPercentRule(), t.fundCapEur());
        for (double share : t.shares()) plans.add(TargetPlanner.plan(groups, share, settings));
        return plans;
    }

    static final Schema TRENDS = Schema.of("trends", AREA, PRODUCT_GROUP, MEASURE,
            dimension("years", Type.TEXT), modelled("growth_rate", Type.DOUBLE), modelled("lower95", Type.DOUBLE), modelled("upper95", Type.DOUBLE), modelled("r2", Type.DOUBLE));
    /** A fit through the observed years gives back each of them from the others, so it goes with every one. */
    static final Schema PROJECTION = Schema.of("baseline_projection", AREA, PRODUCT_GROUP,
            MEASURE, YEAR, observed("observed", Type.FIGURE, FlowYear.SCHEMA.name(), MEASURE), modelled("projected", Type.FIGURE),
            modelled("lower95", Type.FIGURE), modelled("upper95", Type.FIGURE));

    /** The flow_year cells a trend of {@code measure} is fitted to: every year of the area and group. */
    static List<CellRef> trendBasis(String area, String group, String measure) {
        return List.of(new CellRef("flow_year", Map.of("area", area, "product_group", group), measure));
    }
    static final String[] TREND_MEASURES = {"unique_clients", "cost_eur"};

    static void trends(ScenarioConfig config, Map<String, Table> flow, Map<String, Table> tables, List<String> notes) {
        Table.Builder fits = TRENDS.builder();
        Table.Builder projection = PROJECTION.builder();
        ScenarioConfig.Trends t = config.trends();
        Table flowYear = flow == null ? null : flow.get("flow_year");
        if (t != null && flowYear == null) notes.add("trends overgeslagen: geen flow-tabellen");
        for (String area : t == null || flowYear == null ? List.<String>of() : t.areas()) {
            Table inArea = flowYear.where("area", area);
            if (inArea.size() == 0) {
                notes.add("trends voor " + area + " overgeslagen: gebied komt niet voor in de data");
                continue;
            }
            List<String> groups = new ArrayList<>(t.productGroups());
            if (groups.isEmpty()) {
                for (int i = 0; i < inArea.size(); i++) {
                    String g = FlowBaselines.asString(inArea.value(i, "product_group"));
                    if (!groups.contains(g)) groups.add(g);
                }
            }
            for (String group : groups) {
                Table rows = inArea.where("product_group", group);
                for (String measure : TREND_MEASURES) {
                    int[] years = new int[rows.size()];
                    double[] values = new double[rows.size()];
                    for (int i = 0; i < rows.size(); i++) {
                        years[i] = FlowBaselines.asInt(rows.value(i, "year"));
                        Double v = FlowBaselines.asDouble(rows.value(i, measure));
                        values[i] = v == null ? Double.NaN : v;
                    }
                    Trends.Fit f = Trends.fit(years, values);
                    if (f == null) {
                        notes.add("trend " + measure + " voor " + group + " in " + area + " overgeslagen: minder dan twee jaren");
                        continue;
                    }
                    List<CellRef> basis = trendBasis(area, group, measure);
                    fits.basedRow(basis, area, group, measure, f.firstYear() + "-" + f.lastYear(), Values.round(f.growthRate(), 4),
                            f.lower95() == null ? null : Values.round(f.lower95(), 4),
                            f.upper95() == null ? null : Values.round(f.upper95(), 4), Values.round(f.r2(), 4));
                    boolean money = measure.equals("cost_eur");
                    for (int year = f.firstYear(); year <= f.lastYear() + t.horizonYears(); year++) {
                        Double observed = null;
                        for (int i = 0; i < years.length; i++) if (years[i] == year && values[i] > 0) observed = values[i];
                        double[] p = f.project(year);
                        projection.basedRow(basis, area, group, measure, year, observed == null ? null : money ? Values.eur(observed)
                                : (Object) Values.round(observed, 2), figure(p[0], money), figure(p[1], money), figure(p[2], money));
                    }
                }
            }
        }
        tables.put("trends", fits.build());
        tables.put("baseline_projection", projection.build());
    }

    private static Object figure(double v, boolean money) {
        return money ? Values.eur(v) : Values.round(v, 2);
    }

    /** The configured scenarios with their baselines; data-driven ones the data cannot support become notes. */
    static List<Scenario> resolve(ScenarioConfig config, Map<String, Table> flow, List<String> notes,
                                  Map<String, List<CellRef>> bases) {
        List<Scenario> out = new ArrayList<>();
        for (ScenarioConfig.ScenarioSpec spec : config.scenarios()) {
            if (!spec.dataDriven()) {
                out.add(spec.scenario(spec.typedBaseline(), null));
                bases.put(spec.name(), List.of());
                continue;
            }
            FlowBaselines.Lookup lookup = FlowBaselines.lookup(flow, spec.area(), spec.productGroup(), spec.baseYear());
            if (!lookup.found()) {
                notes.add("scenario " + spec.name() + " overgeslagen: " + lookup.problem());
                continue;
            }
            out.add(spec.scenario(lookup.baseline(), FlowBaselines.backEndBudget(flow, spec.area(), spec.baseYear())));
            bases.put(spec.name(), FlowBaselines.basis(spec.area(), spec.productGroup(), spec.baseYear()));
        }
        return out;
    }

    static Table monthsTable(Transition t, List<CellRef> basis) {
        Table.Builder b = MONTHS.builder("scenario_" + t.scenario().name() + "_months");
        for (Transition.Month m : t.months()) {
            b.basedRow(basis, m.month().toString(), Values.round(m.frontClients(), 2), Values.eur(m.frontBudgetEur()),
                    Values.round(m.marketClients(), 2), Values.eur(m.marketCostEur()), Values.eur(m.savingEur()),
                    Values.eur(m.fundDrawEur()), Values.eur(m.cumulativeFundDrawEur()));
        }
        return b.build();
    }

    static Object[] summaryRow(Transition t) {
        Scenario sc = t.scenario();
        Baseline b = sc.baseline();
        List<String> note = new ArrayList<>();
        note.add(b.year() == null ? "basis ingevoerd" : String.format(Locale.ROOT,
                "basis %d uit de data: %.1f cliënten, %.2f instroom/mnd, duur %.1f mnd (Kaplan-Meier)",
                b.year(), b.avgMonthlyClients(), sc.divertedMonthlyInflow(), b.meanDurationMonths()));
        if (sc.inducedDemand() > 0) note.add(String.format(Locale.ROOT, "boeggolf %.0f%%", 100 * sc.inducedDemand()));
        if (t.thirteenPercentOk() == null) note.add("13%-toets onbekend: geen budget achterkant");
        return new Object[] {sc.name(), b.area(), b.productGroup(), sc.mode().label(), sc.start().toString(),
                sc.horizonMonths(), Values.eur(t.totalFundDrawEur()), Values.eur(t.steadyStateYearlySavingEur()),
                t.paybackMonth() == null ? null : t.paybackMonth().toString(), Values.eur(sc.fundCapEur()),
                Values.bool(t.fundCapOk()), Values.bool(t.thirteenPercentOk()), String.join("; ", note)};
    }

    static void print(Transition t, PrintStream out) {
        Scenario sc = t.scenario();
        out.printf(Locale.ROOT, "%nScenario %s: %s, %s, %s, start %s%n", sc.name(), sc.baseline().area(),
                sc.baseline().productGroup(), sc.mode().label(), sc.start());
        out.printf(Locale.ROOT, "%-8s %9s %14s %9s %14s %12s %12s %12s%n", "maand", "voorkant", "budget voork.",
                "zorgmarkt", "kosten markt", "besparing", "fonds", "fonds cum.");
        for (Transition.Month m : t.months()) {
            out.printf(Locale.ROOT, "%-8s %9.2f %,14.2f %9.2f %,14.2f %,12.2f %,12.2f %,12.2f%n", m.month(),
                    m.frontClients(), m.frontBudgetEur(), m.marketClients(), m.marketCostEur(), m.savingEur(),
                    m.fundDrawEur(), m.cumulativeFundDrawEur());
        }
        out.printf(Locale.ROOT, "Totaal beroep op transformatiefonds: %,.2f; besparing per jaar na opbouw: %,.2f; "
                        + "terugverdiend in: %s%n", t.totalFundDrawEur(), t.steadyStateYearlySavingEur(),
                t.paybackMonth() == null ? "niet binnen tien jaar" : t.paybackMonth());
    }
}
