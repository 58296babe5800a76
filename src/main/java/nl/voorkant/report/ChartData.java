package nl.voorkant.report;

import static nl.voorkant.flow.tables.Dimensions.AREA;
import static nl.voorkant.flow.tables.Dimensions.AREA_LEVEL;
import static nl.voorkant.flow.tables.Dimensions.MONTH;
import static nl.voorkant.flow.tables.Dimensions.PRODUCT_GROUP;
import static nl.voorkant.flow.tables.Dimensions.YEAR;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import nl.voorkant.core.Table;
import nl.voorkant.core.schema.Column;
import nl.voorkant.flow.model.AreaLevel;
import nl.voorkant.flow.tables.CompositeYear;
import nl.voorkant.flow.tables.FlowMonth;
import nl.voorkant.flow.tables.KmSurvival;
import nl.voorkant.scenario.Monitoring;
import nl.voorkant.scenario.ScenarioTables;
import nl.voorkant.scenario.ScenarioTables.BaselineProjection;
import nl.voorkant.scenario.ScenarioTables.MonteCarloTotals;
import nl.voorkant.scenario.ScenarioTables.ScenarioMonths;
import nl.voorkant.scenario.ScenarioTables.SensitivityTable;
import nl.voorkant.scenario.ScenarioTables.SwungParameters;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Month;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.time.TimeTableXYDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The run's tables turned into the charts' datasets, apart from the drawing so that what a chart
 * shows can be checked figure by figure. An empty (suppressed) figure is left out of a series, never
 * drawn as zero.
 */
final class ChartData {
    private ChartData() {}

    /** Clients per month per product group at region level, for the stacked area; each group by its name. */
    static TimeTableXYDataset clientsByGroup(Table flowMonth, Names names) {
        TimeTableXYDataset data = new TimeTableXYDataset();
        Table region = flowMonth.where(AREA_LEVEL, AreaLevel.REGION.code());
        for (int i = 0; i < region.size(); i++) {
            // A suppressed month would make the stack's top a lie; it counts as no clients of that group.
            double clients = region.value(i, FlowMonth.CLIENTS) instanceof Number n ? n.doubleValue() : 0;
            data.add(month(region.value(i, MONTH)), clients, names.group((String) region.value(i, PRODUCT_GROUP)));
        }
        return data;
    }

    /** The months provisional at region level in any product group: late claims are still to come. */
    static Set<Month> provisional(Table flowMonth) {
        Set<Month> out = new TreeSet<>();
        if (!flowMonth.columns().contains(FlowMonth.PROVISIONAL.name())) return out;
        Table region = flowMonth.where(AREA_LEVEL, AreaLevel.REGION.code());
        for (int i = 0; i < region.size(); i++) {
            if (Boolean.TRUE.equals(region.value(i, FlowMonth.PROVISIONAL))) out.add(month(region.value(i, MONTH)));
        }
        return out;
    }

    /** Whether any region row has a clients nowcast: claims with declaration dates, completed. */
    static boolean anyNowcast(Table flowMonth) {
        if (!flowMonth.columns().contains(FlowMonth.CLIENTS_NOWCAST.name())) return false;
        Table region = flowMonth.where(AREA_LEVEL, AreaLevel.REGION.code());
        for (int i = 0; i < region.size(); i++) if (region.value(i, FlowMonth.CLIENTS_NOWCAST) != null) return true;
        return false;
    }

    /**
     * The region's clients per month summed over the product groups, as the stack's top edge: series 0
     * the complete months; series 1, only when there are provisional months, from the last complete
     * month on through the provisional ones at their nowcast with its 90% interval as the band. Without
     * any nowcast (claims without declaration dates) the provisional months are drawn as observed, with a
     * band of no width; a provisional month in which some group's nowcast is left empty (disclosure) has
     * no point, as its total is not known. A suppressed count is none, as in the stack. The band adds up
     * the groups' bounds, so it is a little wider than the total's own 90% interval.
     */
    static YIntervalSeriesCollection clientsTotal(Table flowMonth, Texts t) {
        Set<Month> provisional = provisional(flowMonth);
        boolean nowcasts = anyNowcast(flowMonth);
        Table region = flowMonth.where(AREA_LEVEL, AreaLevel.REGION.code());
        // Per month: observed, nowcast, lower and upper bound, summed over the groups.
        TreeMap<Month, double[]> sums = new TreeMap<>();
        Set<Month> unknown = new TreeSet<>();
        for (int i = 0; i < region.size(); i++) {
            double clients = number(region.value(i, FlowMonth.CLIENTS), 0);
            Object nowcast = nowcasts ? region.value(i, FlowMonth.CLIENTS_NOWCAST) : null;
            Month month = month(region.value(i, MONTH));
            if (nowcasts && nowcast == null && region.value(i, FlowMonth.COMPLETENESS) != null) unknown.add(month);
            double mid = number(nowcast, clients);
            double[] s = sums.computeIfAbsent(month, m -> new double[4]);
            s[0] += clients;
            s[1] += mid;
            s[2] += nowcast == null ? mid : number(region.value(i, FlowMonth.CLIENTS_NOWCAST_LOWER90), mid);
            s[3] += nowcast == null ? mid : number(region.value(i, FlowMonth.CLIENTS_NOWCAST_UPPER90), mid);
        }
        YIntervalSeries complete = new YIntervalSeries(t.get("chart.total"));
        YIntervalSeries open = new YIntervalSeries(t.get(nowcasts ? "chart.total.nowcast" : "chart.total.provisional"));
        Month lastComplete = null;
        for (Map.Entry<Month, double[]> e : sums.entrySet()) {
            double x = e.getKey().getFirstMillisecond();
            double[] s = e.getValue();
            if (provisional.contains(e.getKey())) {
                if (!unknown.contains(e.getKey())) open.add(x, s[1], s[2], s[3]);
            } else {
                complete.add(x, s[0], s[0], s[0]);
                lastComplete = e.getKey();
            }
        }
        // The dashed line sets off from the last complete month, so that the two join.
        if (lastComplete != null && open.getItemCount() > 0) {
            double o = sums.get(lastComplete)[0];
            open.add(lastComplete.getFirstMillisecond(), o, o, o);
        }
        YIntervalSeriesCollection out = new YIntervalSeriesCollection();
        out.addSeries(complete);
        if (open.getItemCount() > 0) out.addSeries(open);
        return out;
    }

    /**
     * Inflow and outflow per month at region level, summed over the product groups' published
     * figures. A month without any figure (the data's first months have no inflow, its last no
     * outflow) is left out; a suppressed small count adds nothing to its month.
     */
    static TimeSeriesCollection inflowOutflow(Table flowMonth, Texts t) {
        TimeSeriesCollection data = new TimeSeriesCollection();
        Table region = flowMonth.where(AREA_LEVEL, AreaLevel.REGION.code());
        for (Column column : List.of(FlowMonth.INFLOW, FlowMonth.OUTFLOW)) {
            TimeSeries s = new TimeSeries(t.column(column.name()));
            for (int i = 0; i < region.size(); i++) {
                if (region.value(i, column) instanceof Number n) {
                    Month m = month(region.value(i, MONTH));
                    Number sum = s.getValue(m);
                    s.addOrUpdate(m, (sum == null ? 0 : sum.doubleValue()) + n.doubleValue());
                }
            }
            data.addSeries(s);
        }
        return data;
    }

    /** Per product group (by its name) at region level: survival by duration with its 95% band, starting at 1 at duration 0. */
    static Map<String, YIntervalSeriesCollection> survival(Table km, Names names) {
        Map<String, YIntervalSeries> series = new LinkedHashMap<>();
        Table region = km.where(AREA_LEVEL, AreaLevel.REGION.code());
        for (int i = 0; i < region.size(); i++) {
            if (!(region.value(i, KmSurvival.SURVIVAL) instanceof Number s)) continue;
            String group = names.group((String) region.value(i, PRODUCT_GROUP));
            YIntervalSeries curve = series.computeIfAbsent(group, g -> {
                YIntervalSeries c = new YIntervalSeries(g);
                c.add(0, 1, 1, 1);
                return c;
            });
            double d = ((Number) region.value(i, KmSurvival.DURATION_MONTHS)).doubleValue();
            curve.add(d, s.doubleValue(), number(region.value(i, KmSurvival.LOWER95), s),
                    number(region.value(i, KmSurvival.UPPER95), s));
        }
        Map<String, YIntervalSeriesCollection> out = new LinkedHashMap<>();
        series.forEach((g, s) -> {
            YIntervalSeriesCollection c = new YIntervalSeriesCollection();
            c.addSeries(s);
            out.put(g, c);
        });
        return out;
    }

    /**
     * Per product group, one measure of baseline_projection: the observed years (a band of no width)
     * and the projection with its 95% band; panels by the names of their group (and area).
     */
    static Map<String, YIntervalSeriesCollection> projection(Table baseline, Column measure, Names names, Texts t) {
        Map<String, YIntervalSeries[]> series = new LinkedHashMap<>();
        Table rows = baseline.where(ScenarioTables.MEASURE, measure.name());
        // Panels are named by group, and by area too when the table holds more than one area.
        int area = rows.columnIndex(AREA);
        boolean areas = rows.rows().stream().map(r -> r.get(area)).distinct().count() > 1;
        for (int i = 0; i < rows.size(); i++) {
            String panel = (areas ? names.area((String) rows.value(i, AREA)) + ": " : "")
                    + names.group((String) rows.value(i, PRODUCT_GROUP));
            YIntervalSeries[] s = series.computeIfAbsent(panel,
                    g -> new YIntervalSeries[] {new YIntervalSeries(t.get("chart.observed")),
                            new YIntervalSeries(t.get("chart.projected"))});
            double year = ((Number) rows.value(i, YEAR)).doubleValue();
            if (rows.value(i, BaselineProjection.OBSERVED) instanceof Number o) {
                s[0].add(year, o.doubleValue(), o.doubleValue(), o.doubleValue());
            }
            if (rows.value(i, BaselineProjection.PROJECTED) instanceof Number p) {
                s[1].add(year, p.doubleValue(), number(rows.value(i, BaselineProjection.LOWER95), p),
                        number(rows.value(i, BaselineProjection.UPPER95), p));
            }
        }
        Map<String, YIntervalSeriesCollection> out = new LinkedHashMap<>();
        series.forEach((g, s) -> {
            YIntervalSeriesCollection c = new YIntervalSeriesCollection();
            c.addSeries(s[0]);
            c.addSeries(s[1]);
            out.put(g, c);
        });
        return out;
    }

    /**
     * A scenario's months: the fund draw per month (series 0) and the cumulative balance of saving
     * less front-end budget (series 1), which turns positive in the payback month.
     */
    static TimeSeriesCollection payback(Table months, Texts t) {
        TimeSeries draw = new TimeSeries(t.get("chart.payback.draw"));
        TimeSeries balance = new TimeSeries(t.get("chart.payback.balance"));
        double net = 0;
        for (int i = 0; i < months.size(); i++) {
            Month m = month(months.value(i, MONTH));
            draw.add(m, number(months.value(i, ScenarioMonths.FUND_DRAW_EUR), 0));
            net += number(months.value(i, ScenarioMonths.SAVING_EUR), 0) - number(months.value(i, ScenarioMonths.FRONT_BUDGET_EUR), 0);
            balance.add(m, net);
        }
        TimeSeriesCollection data = new TimeSeriesCollection();
        data.addSeries(draw);
        data.addSeries(balance);
        return data;
    }

    /** Per scenario of montecarlo_months: each measure's P50 by month with the P10–P90 band. */
    static Map<String, YIntervalSeriesCollection> fan(Table mcMonths, Texts t) {
        Map<String, Map<String, YIntervalSeries>> byScenario = new LinkedHashMap<>();
        for (int i = 0; i < mcMonths.size(); i++) {
            String measure = (String) mcMonths.value(i, ScenarioTables.MEASURE);
            YIntervalSeries s = byScenario.computeIfAbsent((String) mcMonths.value(i, ScenarioTables.SCENARIO),
                            k -> new LinkedHashMap<>())
                    .computeIfAbsent(measure, k -> new YIntervalSeries(t.column(k)));
            if (mcMonths.value(i, MonteCarloTotals.P50) instanceof Number p50) {
                s.add(month(mcMonths.value(i, MONTH)).getFirstMillisecond(), p50.doubleValue(),
                        number(mcMonths.value(i, MonteCarloTotals.P10), p50), number(mcMonths.value(i, MonteCarloTotals.P90), p50));
            }
        }
        Map<String, YIntervalSeriesCollection> out = new LinkedHashMap<>();
        byScenario.forEach((scenario, measures) -> {
            YIntervalSeriesCollection c = new YIntervalSeriesCollection();
            measures.values().forEach(c::addSeries);
            out.put(scenario, c);
        });
        return out;
    }

    /**
     * One scenario's sensitivity for one outcome: per parameter the change from the base figure at
     * the parameter's low and high value, the widest swing first (the tornado's shape).
     */
    static DefaultCategoryDataset tornado(Table sensitivity, Column lowColumn, Column highColumn, double base, Texts t) {
        NumberFormat twoDecimals = NumberFormat.getNumberInstance(t.locale());
        twoDecimals.setMaximumFractionDigits(2);
        NumberFormat whole = NumberFormat.getIntegerInstance(t.locale());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sensitivity.size(); i++) order.add(i);
        order.sort(Comparator.comparingDouble((Integer i) -> -Math.abs(number(sensitivity.value(i, highColumn), base)
                - number(sensitivity.value(i, lowColumn), base))));
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i : order) {
            String parameter = (String) sensitivity.value(i, SensitivityTable.PARAMETER);
            Column swung = SwungParameters.of(parameter);
            // The parameter's label already says "(€)"; an amount needs no cents here.
            NumberFormat format = swung != null && Formats.euros(swung.type()) ? whole : twoDecimals;
            Function<Object, String> value = v -> !(v instanceof Number n) ? Formats.EMPTY : format.format(n);
            String label = t.column(parameter) + " (" + value.apply(sensitivity.value(i, SensitivityTable.LOW_VALUE)) + " – "
                    + value.apply(sensitivity.value(i, SensitivityTable.HIGH_VALUE)) + ")";
            data.addValue(number(sensitivity.value(i, lowColumn), base) - base, t.get("chart.tornado.low"), label);
            data.addValue(number(sensitivity.value(i, highColumn), base) - base, t.get("chart.tornado.high"), label);
        }
        return data;
    }

    static Month month(Object yyyyMm) {
        String s = (String) yyyyMm;
        return new Month(Integer.parseInt(s.substring(5, 7)), Integer.parseInt(s.substring(0, 4)));
    }

    private static double number(Object v, Number otherwise) {
        return v instanceof Number n ? n.doubleValue() : otherwise.doubleValue();
    }

    // ---- the seeds' remaining questions (issue 18) ----

    /** Per market group (by its name) at region level, its composite share per year; a suppressed year is left out. */
    static Map<String, TreeMap<Integer, Double>> compositeShares(Table composite, Names names) {
        Map<String, TreeMap<Integer, Double>> out = new LinkedHashMap<>();
        Table region = composite.where(AREA_LEVEL, AreaLevel.REGION.code());
        for (int i = 0; i < region.size(); i++) {
            if (region.value(i, CompositeYear.COMPOSITE_SHARE) instanceof Number n) {
                out.computeIfAbsent(names.group((String) region.value(i, PRODUCT_GROUP)), g -> new TreeMap<>())
                        .put(((Number) region.value(i, YEAR)).intValue(), n.doubleValue());
            }
        }
        return out;
    }

    /** One scenario's planned and observed market clients per month; an empty (suppressed) figure is left out. */
    static TimeSeriesCollection monitoring(Table monitoring, Object scenario, Texts t) {
        TimeSeriesCollection data = new TimeSeriesCollection();
        Table rows = monitoring.where(ScenarioTables.SCENARIO, scenario);
        for (Column column : List.of(Monitoring.PLANNED_MARKET_CLIENTS, Monitoring.OBSERVED_MARKET_CLIENTS)) {
            TimeSeries s = new TimeSeries(t.column(column.name()));
            for (int i = 0; i < rows.size(); i++) {
                if (rows.value(i, column) instanceof Number n) s.add(month(rows.value(i, MONTH)), n.doubleValue());
            }
            data.addSeries(s);
        }
        return data;
    }

    // ---- the staircase of the local share (issue 19) ----

    /**
     * The path 10% → 30% → 70–80% as the charts' categories: today's local share of the region, then each
     * target step, lowest first. Series 0 is the share a step's plan reaches (for a step out of reach, the
     * most its binding constraint allows); series 1, stacked on it, the part of an out-of-reach target that
     * stays out of reach. Each step's label names the product groups its plan moves, with the share of
     * their market care. A figure left empty is no bar, and a constraint whose ceiling is unknown leaves the
     * whole target out of reach.
     *
     * @param ceiling the highest share the binding-constraint cell of an out-of-reach step allows, or null
     */
    static DefaultCategoryDataset staircase(Table summary, Table moves, KeyFindings.Share today,
                                            Function<Object, Double> ceiling, Names names, Texts t) {
        Formats f = new Formats(t.locale());
        String reached = t.get("findings.chart.reached");
        String gap = t.get("findings.chart.gap");
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        if (today != null) {
            String label = t.get("findings.chart.today", String.valueOf(today.year()));
            data.addValue(today.local(), reached, label);
            data.addValue(null, gap, label);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < summary.size(); i++) order.add(i);
        order.sort(Comparator.comparingDouble(i -> number(summary.value(i, ScenarioTables.TargetsSummary.TARGET_SHARE), 0)));
        for (int i : order) {
            double target = number(summary.value(i, ScenarioTables.TargetsSummary.TARGET_SHARE), 0);
            String label = f.percent(target);
            if (Boolean.TRUE.equals(summary.value(i, ScenarioTables.TargetsSummary.FEASIBLE))) {
                List<String> groups = new ArrayList<>();
                Table step = moves == null ? null
                        : moves.where(ScenarioTables.TargetsTable.TARGET_SHARE, v -> v instanceof Number n && n.doubleValue() == target);
                for (int k = 0; step != null && k < step.size(); k++) {
                    if (step.value(k, ScenarioTables.TargetsTable.FRACTION_MOVED) instanceof Number x && x.doubleValue() > 0) {
                        groups.add(names.group((String) step.value(k, PRODUCT_GROUP)) + " (" + f.percent(x) + ")");
                    }
                }
                label += "\n" + (groups.isEmpty() ? t.get("findings.chart.no_moves") : "+ " + String.join(", ", groups));
                data.addValue(summary.value(i, ScenarioTables.TargetsSummary.ACHIEVED_SHARE) instanceof Number a ? a.doubleValue() : null,
                        reached, label);
                data.addValue(null, gap, label);
            } else {
                Double most = ceiling.apply(summary.value(i, ScenarioTables.TargetsSummary.BINDING_CONSTRAINT));
                label += "\n" + (most == null ? t.get("findings.chart.out_of_reach")
                        : t.get("findings.chart.at_most", f.percent(most)));
                data.addValue(most, reached, label);
                data.addValue(target - (most == null ? 0 : most), gap, label);
            }
        }
        return data;
    }
}
