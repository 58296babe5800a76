package nl.voorkant.scenario;

import static nl.voorkant.flow.tables.Dimensions.AREA;
import static nl.voorkant.flow.tables.Dimensions.PRODUCT_GROUP;
import static nl.voorkant.flow.tables.Dimensions.YEAR;
import static nl.voorkant.scenario.ScenarioTables.MEASURE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.voorkant.core.Catalogue;
import nl.voorkant.core.CellRef;
import nl.voorkant.core.Message;
import nl.voorkant.core.Table;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.Type;
import nl.voorkant.flow.tables.FlowMonth;
import nl.voorkant.flow.tables.FlowYear;
import nl.voorkant.ingest.Reference;
import nl.voorkant.scenario.ScenarioTables.BaselineProjection;
import nl.voorkant.scenario.ScenarioTables.MonteCarloMonths;
import nl.voorkant.scenario.ScenarioTables.MonteCarloTotals;
import nl.voorkant.scenario.ScenarioTables.ScenarioMonths;
import nl.voorkant.scenario.ScenarioTables.ScenarioOnBaseline;
import nl.voorkant.scenario.ScenarioTables.ScenarioSummary;
import nl.voorkant.scenario.ScenarioTables.SensitivityTable;
import nl.voorkant.scenario.ScenarioTables.TargetsSummary;
import nl.voorkant.scenario.ScenarioTables.TargetsTable;
import nl.voorkant.scenario.ScenarioTables.TrendsTable;

/**
 * The scenario stage's one entry point: runs every configured scenario (typed in, or read from the
 * flow tables when they are given), the targets, trends, Monte Carlo and sensitivity, and returns
 * the tables for the CLI to write, with the transitions and plans they were made from. What the data
 * cannot support is skipped with a note, never failed.
 */
public final class ScenarioRun {
    private ScenarioRun() {}

    /**
     * The tables by name (scenario_&lt;name&gt;_months, scenario_summary, ...); notes for the reader; the
     * messages behind the tables' text cells, by the Dutch text each cell holds (a report words them
     * in its own language); and each scenario's months and each target's plan.
     */
    public record Result(Map<String, Table> tables, List<Message> notes, Map<String, Message> texts,
                         List<Transition> transitions, List<TargetPlan> plans) {}

    /** The tables' text cells hold the Dutch wording of their message; the run keeps which message each came from. */
    static final class Wording {
        private static final Catalogue DUTCH = Catalogue.of("nl");
        final Map<String, Message> texts = new LinkedHashMap<>();

        String cell(Message m) {
            String text = DUTCH.render(m);
            texts.put(text, m);
            return text;
        }
    }

    /**
     * @param catalogue the product catalogue the targets read (shiftable shares, clients per FTE,
     *                  hours per decision); null when there is none, and the targets are skipped with a note
     */
    public static Result run(ScenarioConfig config, Map<String, Table> flowTables, Reference catalogue) {
        Map<String, Table> tables = new LinkedHashMap<>();
        List<Message> notes = new ArrayList<>();
        Wording wording = new Wording();
        Map<String, List<CellRef>> bases = new LinkedHashMap<>();
        List<Scenario> scenarios = resolve(config, flowTables, notes, bases);
        Table.Builder summary = ScenarioSummary.SCHEMA.builder();
        Table.Builder mc = MonteCarloTotals.SCHEMA.builder();
        Table.Builder mcMonths = MonteCarloMonths.SCHEMA.builder();
        Table.Builder sensitivity = SensitivityTable.SCHEMA.builder();
        List<Transition> transitions = new ArrayList<>();
        for (Scenario sc : scenarios) {
            List<CellRef> basis = bases.get(sc.name());
            Transition t = TransitionModel.run(sc);
            transitions.add(t);
            Table months = monthsTable(t, basis);
            tables.put(months.name(), months);
            summary.basedRow(basis, summaryRow(t, wording));
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
        put(tables, summary.build());
        put(tables, mc.build());
        put(tables, mcMonths.build());
        put(tables, sensitivity.build());
        List<TargetPlan> plans = plans(config, flowTables, catalogue, notes);
        targets(config, plans, tables, wording, flowTables);
        trends(config, flowTables, tables, notes);
        put(tables, onBaseline(transitions, bases, tables.get(BaselineProjection.SCHEMA.name()), flowTables));
        put(tables, Monitoring.build(transitions, bases, flowTables == null ? null : flowTables.get(FlowMonth.SCHEMA.name())));
        return new Result(tables, notes, wording.texts, transitions, plans);
    }

    private static void put(Map<String, Table> tables, Table table) {
        tables.put(table.name(), table);
    }

    /**
     * Each scenario on top of the projected no-shift cost of its area and group: per modelled year the
     * projected market cost, less the market saving, plus the front-end budget. Scenarios whose area
     * and group have no projection (not among the configured trends) get no rows.
     */
    static Table onBaseline(List<Transition> transitions, Map<String, List<CellRef>> bases, Table projection,
                            Map<String, Table> flow) {
        Table.Builder out = ScenarioOnBaseline.SCHEMA.builder();
        for (Transition t : transitions) {
            Baseline b = t.scenario().baseline();
            List<CellRef> basis = new ArrayList<>(bases.get(t.scenario().name()));
            basis.addAll(trendBasis(flow, b.area(), b.productGroup(), FlowYear.COST_EUR));
            Table cost = projection.where(AREA, b.area()).where(PRODUCT_GROUP, b.productGroup())
                    .where(MEASURE, FlowYear.COST_EUR.name());
            Map<Integer, double[]> perYear = new TreeMap<>();
            for (Transition.Month m : t.months()) {
                double[] y = perYear.computeIfAbsent(m.month().getYear(), k -> new double[3]);
                y[0] += m.frontBudgetEur();
                y[1] += m.savingEur();
                y[2]++;
            }
            perYear.forEach((year, y) -> {
                Table row = cost.where(YEAR, year);
                if (row.size() == 0) return;
                double baseline = ((Number) row.value(0, BaselineProjection.PROJECTED)).doubleValue();
                out.basedRow(basis, t.scenario().name(), b.area(), b.productGroup(), year, (int) y[2], Values.eur(baseline),
                        Values.eur(y[0]), Values.eur(y[1]), Values.eur(baseline - y[1] + y[0]));
            });
        }
        return out.build();
    }

    static void monteCarloRows(MonteCarlo.Result r, List<CellRef> basis, Table.Builder totals, Table.Builder months) {
        String name = r.scenario().name();
        totals.basedRow(basis, name, MonteCarloTotals.FUND_DRAW_EUR.name(), r.runs(), r.seed(), Values.eur(r.fundDraw()[0]),
                Values.eur(r.fundDraw()[1]), Values.eur(r.fundDraw()[2]));
        totals.basedRow(basis, name, MonteCarloTotals.YEARLY_SAVING_EUR.name(), r.runs(), r.seed(),
                Values.eur(r.yearlySaving()[0]), Values.eur(r.yearlySaving()[1]), Values.eur(r.yearlySaving()[2]));
        for (int k = 0; k < r.cumulativeDrawByMonth().length; k++) {
            String month = r.scenario().start().plusMonths(k).toString();
            double[] c = r.cumulativeDrawByMonth()[k];
            double[] s = r.savingByMonth()[k];
            months.basedRow(basis, name, month, MonteCarloMonths.CUMULATIVE_FUND_DRAW_EUR.name(), Values.eur(c[0]),
                    Values.eur(c[1]), Values.eur(c[2]));
            months.basedRow(basis, name, month, MonteCarloMonths.SAVING_EUR.name(), Values.eur(s[0]), Values.eur(s[1]),
                    Values.eur(s[2]));
        }
    }

    static void targets(ScenarioConfig config, List<TargetPlan> plans, Map<String, Table> tables, Wording wording,
                        Map<String, Table> flow) {
        Table.Builder rows = TargetsTable.SCHEMA.builder();
        Table.Builder summary = TargetsSummary.SCHEMA.builder();
        List<CellRef> basis = config.targets() == null ? List.of()
                : FlowBaselines.groupsBasis(flow, config.targets().area(), config.targets().baseYear());
        for (TargetPlan p : plans) {
            for (TargetPlan.Move m : p.moves()) {
                rows.basedRow(basis, p.targetShare(), p.objective().label(), m.group(), Values.round(m.fractionMoved(), 4),
                        Values.round(m.movedClientMonthsPerYear(), 1), Values.eur(m.yearlyNetSavingEur()));
            }
            summary.basedRow(basis, p.targetShare(), p.feasible(),
                    p.achievedShare() == null ? null : Values.round(p.achievedShare(), 4), wording.cell(p.bindingConstraint()),
                    Values.eur(p.yearlyNetSavingEur()), Values.eur(p.frontBudgetEur()), Values.eur(p.fundDrawEur()), p.monthsToTargetGradual(),
                    p.monthsToTargetBigBang(), p.staffFte() == null ? null : Values.round(p.staffFte(), 2),
                    p.paperworkHoursSaved() == null ? null : Values.round(p.paperworkHoursSaved(), 0),
                    p.thirteenPercentOk(), p.fundCapOk());
        }
        put(tables, rows.build());
        put(tables, summary.build());
    }

    static List<TargetPlan> plans(ScenarioConfig config, Map<String, Table> flow, Reference catalogue, List<Message> notes) {
        ScenarioConfig.Targets t = config.targets();
        List<TargetPlan> plans = new ArrayList<>();
        if (t == null) return plans;
        if (catalogue == null) {
            notes.add(Message.of("note.targets.no_catalogue"));
            return plans;
        }
        List<GroupInput> groups = FlowBaselines.groups(flow, catalogue, t.area(), t.baseYear(), notes);
        if (groups.isEmpty()) {
            notes.add(Message.of("note.targets.no_data", t.area(), String.valueOf(t.baseYear())));
            return plans;
        }
        TargetPlanner.Settings settings = new TargetPlanner.Settings(t.objective(), t.frontCostRatio(), t.lagMonths(),
                t.thirteenPercentRule(), t.fundCapEur());
        for (double share : t.shares()) plans.add(TargetPlanner.plan(groups, share, settings));
        return plans;
    }

    /**
     * The flow_year cells a trend of {@code measure} is fitted to: every year of the area and group, with
     * whether it is provisional and its nowcast (see {@link FlowBaselines#settled}).
     */
    static List<CellRef> trendBasis(Map<String, Table> flow, String area, String group, Column measure) {
        Map<Column, Object> key = Map.of(AREA, area, PRODUCT_GROUP, group);
        List<CellRef> basis = new ArrayList<>(List.of(CellRef.of(FlowYear.SCHEMA, measure, key)));
        basis.addAll(FlowBaselines.settledBasis(flow, measure, key));
        return basis;
    }

    static void trends(ScenarioConfig config, Map<String, Table> flow, Map<String, Table> tables, List<Message> notes) {
        Table.Builder fits = TrendsTable.SCHEMA.builder();
        Table.Builder projection = BaselineProjection.SCHEMA.builder();
        ScenarioConfig.Trends t = config.trends();
        Table flowYear = flow == null ? null : flow.get(FlowYear.SCHEMA.name());
        if (t != null && flowYear == null) notes.add(Message.of("note.trends.no_flow_tables"));
        for (String area : t == null || flowYear == null ? List.<String>of() : t.areas()) {
            Table inArea = flowYear.where(AREA, area);
            if (inArea.size() == 0) {
                notes.add(Message.of("note.trends.no_area", area));
                continue;
            }
            // Per year left out of a fit as provisional without a nowcast, the measures it was left out of.
            Map<Integer, List<String>> leftOut = new TreeMap<>();
            List<String> groups = new ArrayList<>(t.productGroups());
            if (groups.isEmpty()) {
                for (int i = 0; i < inArea.size(); i++) {
                    String g = FlowBaselines.asString(inArea.value(i, PRODUCT_GROUP));
                    if (!groups.contains(g)) groups.add(g);
                }
            }
            for (String group : groups) {
                Table rows = inArea.where(PRODUCT_GROUP, group);
                for (Column measure : ScenarioTables.TREND_MEASURES) {
                    int[] years = new int[rows.size()];
                    // The fit takes each year's settled figure; the table shows what flow_year holds.
                    double[] values = new double[rows.size()];
                    double[] observedValues = new double[rows.size()];
                    for (int i = 0; i < rows.size(); i++) {
                        years[i] = FlowBaselines.asInt(rows.value(i, YEAR));
                        values[i] = orNaN(FlowBaselines.settled(rows, i, measure));
                        observedValues[i] = orNaN(FlowBaselines.asDouble(rows.value(i, measure)));
                        if (!FlowBaselines.settles(rows, i, measure)) {
                            List<String> measures = leftOut.computeIfAbsent(years[i], y -> new ArrayList<>());
                            if (!measures.contains(measure.name())) measures.add(measure.name());
                        }
                    }
                    Trends.Fit f = Trends.fit(years, values);
                    if (f == null) {
                        notes.add(Message.of("note.trends.too_few_years", measure.name(), group, area));
                        continue;
                    }
                    List<CellRef> basis = trendBasis(flow, area, group, measure);
                    fits.basedRow(basis, area, group, measure.name(), f.firstYear() + "-" + f.lastYear(),
                            Values.round(f.growthRate(), 4), f.lower95() == null ? null : Values.round(f.lower95(), 4),
                            f.upper95() == null ? null : Values.round(f.upper95(), 4), Values.round(f.r2(), 4));
                    boolean money = measure.type() == Type.EUROS;
                    // The horizon counts from the data's last year, also when that year was left out of the fit.
                    int lastYear = f.lastYear();
                    for (int i = 0; i < years.length; i++) if (observedValues[i] > 0) lastYear = Math.max(lastYear, years[i]);
                    for (int year = f.firstYear(); year <= lastYear + t.horizonYears(); year++) {
                        Double observed = null;
                        for (int i = 0; i < years.length; i++) {
                            if (years[i] == year && observedValues[i] > 0) observed = observedValues[i];
                        }
                        double[] p = f.project(year);
                        projection.basedRow(basis, area, group, measure.name(), year, observed == null ? null : money
                                ? Values.eur(observed) : (Object) Values.round(observed, 2), figure(p[0], money),
                                figure(p[1], money), figure(p[2], money));
                    }
                }
            }
            leftOut.forEach((year, measures) -> notes.add(Message.of("note.trends.provisional_left_out", area,
                    String.valueOf(year), String.join(", ", measures))));
        }
        put(tables, fits.build());
        put(tables, projection.build());
    }

    private static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }

    private static Object figure(double v, boolean money) {
        return money ? Values.eur(v) : Values.round(v, 2);
    }

    /** The configured scenarios with their baselines; data-driven ones the data cannot support become notes. */
    static List<Scenario> resolve(ScenarioConfig config, Map<String, Table> flow, List<Message> notes,
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
                notes.add(Message.of("note.scenario.skipped", spec.name(), lookup.problem()));
                continue;
            }
            out.add(spec.scenario(lookup.baseline(), FlowBaselines.backEndBudget(flow, spec.area(), spec.baseYear())));
            bases.put(spec.name(), FlowBaselines.basis(flow, spec.area(), spec.productGroup(), spec.baseYear()));
        }
        return out;
    }

    static Table monthsTable(Transition t, List<CellRef> basis) {
        Table.Builder b = ScenarioMonths.SCHEMA.builder(ScenarioMonths.tableName(t.scenario().name()));
        for (Transition.Month m : t.months()) {
            b.basedRow(basis, m.month().toString(), Values.round(m.frontClients(), 2), Values.eur(m.frontBudgetEur()),
                    Values.round(m.marketClients(), 2), Values.eur(m.marketCostEur()), Values.eur(m.savingEur()),
                    Values.eur(m.fundDrawEur()), Values.eur(m.cumulativeFundDrawEur()));
        }
        return b.build();
    }

    static Object[] summaryRow(Transition t, Wording wording) {
        Scenario sc = t.scenario();
        Baseline b = sc.baseline();
        return new Object[] {sc.name(), b.area(), b.productGroup(), sc.mode().label(), sc.start().toString(),
                sc.horizonMonths(), Values.eur(t.totalFundDrawEur()), Values.eur(t.steadyStateYearlySavingEur()),
                t.paybackMonth() == null ? null : t.paybackMonth().toString(), Values.eur(sc.fundCapEur()),
                t.fundCapOk(), t.thirteenPercentOk(), wording.cell(note(t))};
    }

    /** What the reader of a scenario's row should know: where its baseline came from, and what it leaves out. */
    static Message note(Transition t) {
        Scenario sc = t.scenario();
        Baseline b = sc.baseline();
        List<Message> note = new ArrayList<>();
        note.add(b.year() == null ? Message.of("scenario.note.typed") : Message.of("scenario.note.from_data",
                String.valueOf(b.year()), String.format(Locale.ROOT, "%.1f", b.avgMonthlyClients()),
                String.format(Locale.ROOT, "%.2f", sc.divertedMonthlyInflow()),
                String.format(Locale.ROOT, "%.1f", b.meanDurationMonths())));
        if (sc.inducedDemand() > 0) {
            note.add(Message.of("scenario.note.induced_demand", String.format(Locale.ROOT, "%.0f", 100 * sc.inducedDemand())));
        }
        if (t.thirteenPercentOk() == null) note.add(Message.of("scenario.note.thirteen_unknown"));
        return Message.parts(note);
    }
}
