package nl.voorkant.nowcast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.voorkant.core.CellRef;
import nl.voorkant.core.Table;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.Type;
import nl.voorkant.flow.tables.Dimensions;
import nl.voorkant.flow.tables.FlowMonth;
import nl.voorkant.flow.tables.FlowYear;

/**
 * flow_month and flow_year with their nowcast columns ({@link FlowMonth#NOWCAST}, {@link FlowYear#NOWCAST}):
 * every row of every area level completed by its product group's delay pattern. Other tables pass unchanged.
 *
 * <p>A month whose own claims are at least {@link #OWN_CLAIMS_FROM} complete is completed by the
 * chain-ladder (observed ÷ completeness). A younger one, whose few claims would be multiplied by a large
 * and uncertain factor (or, when nothing comes in during the care month, by infinity), is completed
 * Bornhuetter–Ferguson: observed + (1 − completeness) × the mean final figure of the same row's
 * {@link #PRIOR_MONTHS} preceding months.
 */
public final class NowcastTables {
    private NowcastTables() {}

    public static final double PROVISIONAL_BELOW = 0.95;
    static final double OWN_CLAIMS_FROM = 0.5;
    static final int PRIOR_MONTHS = 3;
    /** The standard normal's 95% quantile: a two-sided 90% interval. */
    static final double Z90 = 1.6448536269514722;

    /** A figure completed: what is in, the final figure expected and its mean squared error. */
    record Completion(double observed, double ultimate, double mse) {
        double reserve() {
            return ultimate - observed;
        }
    }

    public static Map<String, Table> complete(Map<String, Table> tables, DelayPatterns patterns) {
        Map<String, Table> out = new LinkedHashMap<>(tables);
        Table month = tables.get(FlowMonth.SCHEMA.name());
        if (month == null) return out;
        Months months = new Months(withYoungMonths(month, patterns), patterns);
        out.put(month.name(), months.table());
        Table year = tables.get(FlowYear.SCHEMA.name());
        if (year != null) out.put(year.name(), years(year, months));
        return out;
    }

    /**
     * flow_month with a row for each young month that a row unit (area, level, group) has no claims for
     * yet while it had some in the months before: its clients and cost are zero so far, and its
     * nowcast is all of what is still to come. Such months are only added where the nowcast takes the
     * level of the months before (completeness below {@link #OWN_CLAIMS_FROM}), after the unit's last row.
     */
    static Table withYoungMonths(Table month, DelayPatterns patterns) {
        Map<List<Object>, Integer> lastRow = new HashMap<>();
        for (int r = 0; r < month.size(); r++) lastRow.put(unit(month, r), r);
        List<List<Object>> rows = new ArrayList<>();
        boolean added = false;
        for (int r = 0; r < month.size(); r++) {
            rows.add(month.rows().get(r));
            List<Object> unit = unit(month, r);
            if (lastRow.get(unit) != r) continue;
            String group = (String) month.value(r, Dimensions.PRODUCT_GROUP);
            YearMonth last = YearMonth.parse((String) month.value(r, Dimensions.MONTH));
            for (YearMonth m = last.plusMonths(1); !m.isAfter(patterns.extractMonth())
                    && !m.isAfter(last.plusMonths(PRIOR_MONTHS)); m = m.plusMonths(1)) {
                DelayPatterns.Ladders l = patterns.ladders(group);
                int age = patterns.age(m);
                if (l == null || l.cost().completeness(age) >= OWN_CLAIMS_FROM) continue;
                Object[] row = new Object[month.columns().size()];
                row[month.columnIndex(Dimensions.AREA)] = unit.get(0);
                row[month.columnIndex(Dimensions.AREA_LEVEL)] = unit.get(1);
                row[month.columnIndex(Dimensions.PRODUCT_GROUP)] = group;
                row[month.columnIndex(Dimensions.MONTH)] = m.toString();
                row[month.columnIndex(FlowMonth.CLIENTS)] = 0L;
                row[month.columnIndex(FlowMonth.COST_EUR)] = BigDecimal.ZERO.setScale(Type.EURO_SCALE);
                rows.add(Arrays.asList(row));
                added = true;
            }
        }
        return added ? new Table(month.name(), month.schema(), rows, null) : month;
    }

    /**
     * The final figure of a month at {@code age} with {@code observed} in, from its ladder and, for a
     * month too young to carry itself, the final figures of the months before it; null when neither can.
     */
    static Completion completion(ChainLadder ladder, int age, double observed, List<Double> prior) {
        double q = ladder.completeness(age);
        if (q >= OWN_CLAIMS_FROM || (prior.isEmpty() && q > 0)) {
            double ultimate = observed / q;
            return new Completion(observed, ultimate, ladder.mse(age, ultimate));
        }
        if (prior.isEmpty()) return null;
        double mean = 0, ss = 0;
        for (double p : prior) mean += p / prior.size();
        for (double p : prior) ss += (p - mean) * (p - mean);
        // The mean's own uncertainty: the spread of the months it was taken from.
        double priorVariance = prior.size() < 2 ? 0 : ss / (prior.size() - 1) / prior.size();
        double ultimate = observed + (1 - q) * mean;
        return new Completion(observed, ultimate, ladder.mse(age, ultimate) + (1 - q) * (1 - q) * priorVariance);
    }

    /**
     * The 90% interval of a completion. The reserve (what is still to come) is taken as log-normal with
     * Mack's standard error, as Mack advises for skewed reserves, so the interval never ends below what
     * is already in; a negative reserve (credits to come) gets the normal interval.
     */
    static double[] interval(Completion c) {
        double reserve = c.reserve(), se = Math.sqrt(c.mse());
        if (reserve > 0 && se > 0) {
            double s2 = Math.log(1 + c.mse() / (reserve * reserve));
            double mu = Math.log(reserve) - s2 / 2, s = Math.sqrt(s2);
            return new double[] {c.observed() + Math.exp(mu - Z90 * s), c.observed() + Math.exp(mu + Z90 * s)};
        }
        return new double[] {c.ultimate() - Z90 * se, c.ultimate() + Z90 * se};
    }

    /** flow_month's rows completed, each with its basis, kept for the year figures. */
    private static final class Months {
        final Table table;
        final DelayPatterns patterns;
        final Completion[] clients, cost;
        final boolean[] provisional;
        /**
         * Each row's month, parsed once, and its cells' key, made once for both of its cells and those of the rows
         * after it that it completes: a national flow_month has some 400,000 rows, and each row's age is asked at
         * every step.
         */
        private final YearMonth[] monthOf;
        private final List<Map<String, Object>> keyOf;
        final List<List<CellRef>> bases = new ArrayList<>();
        /** Per row unit (area, level, group) its rows by month. */
        final Map<List<Object>, TreeMap<YearMonth, Integer>> units = new LinkedHashMap<>();

        Months(Table table, DelayPatterns patterns) {
            this.table = table;
            this.patterns = patterns;
            int n = table.size();
            clients = new Completion[n];
            cost = new Completion[n];
            provisional = new boolean[n];
            monthOf = new YearMonth[n];
            keyOf = new ArrayList<>(n);
            for (int r = 0; r < n; r++) {
                monthOf[r] = YearMonth.parse((String) table.value(r, Dimensions.MONTH));
                Map<String, Object> key = new HashMap<>();
                for (Column d : List.of(Dimensions.AREA, Dimensions.AREA_LEVEL, Dimensions.PRODUCT_GROUP, Dimensions.MONTH)) {
                    key.put(d.name(), table.value(r, d));
                }
                keyOf.add(Map.copyOf(key));
            }
            for (int r = 0; r < n; r++) {
                units.computeIfAbsent(unit(table, r), u -> new TreeMap<>()).put(month(r), r);
                bases.add(new ArrayList<>(List.of(cell(r, FlowMonth.CLIENTS), cell(r, FlowMonth.COST_EUR))));
            }
            for (TreeMap<YearMonth, Integer> rows : units.values()) {
                for (Map.Entry<YearMonth, Integer> e : rows.entrySet()) complete(e.getValue(), rows);
            }
        }

        YearMonth month(int r) {
            return monthOf[r];
        }

        String group(int r) {
            return (String) table.value(r, Dimensions.PRODUCT_GROUP);
        }

        int age(int r) {
            return patterns.age(month(r));
        }

        boolean isComplete(int r) {
            return patterns.costCompleteness(group(r), age(r)) >= 1 && patterns.clientsCompleteness(group(r), age(r)) >= 1;
        }

        CellRef cell(int r, Column column) {
            return new CellRef(FlowMonth.SCHEMA.name(), keyOf.get(r), column.name());
        }

        private void complete(int r, TreeMap<YearMonth, Integer> rows) {
            String g = group(r);
            int age = age(r);
            provisional[r] = Math.min(patterns.costCompleteness(g, age), patterns.clientsCompleteness(g, age)) < PROVISIONAL_BELOW;
            DelayPatterns.Ladders ladders = patterns.ladders(g);
            if (isComplete(r) || ladders == null) return;
            Set<Integer> priorRows = new LinkedHashSet<>();
            clients[r] = measure(r, ladders.clients(), number(table.value(r, FlowMonth.CLIENTS)), rows, clients,
                    FlowMonth.CLIENTS, priorRows);
            Object euros = table.value(r, FlowMonth.COST_EUR);
            cost[r] = measure(r, ladders.cost(), euros == null ? null : ((BigDecimal) euros).doubleValue() * 100, rows, cost,
                    FlowMonth.COST_EUR, priorRows);
            for (int p : priorRows) bases.get(r).addAll(List.of(cell(p, FlowMonth.CLIENTS), cell(p, FlowMonth.COST_EUR)));
        }

        /** One measure of row r completed; the rows whose final figures it took are added to {@code priorRows}. */
        private Completion measure(int r, ChainLadder ladder, Double observed, TreeMap<YearMonth, Integer> rows,
                                   Completion[] done, Column column, Set<Integer> priorRows) {
            if (observed == null) return null;
            int age = age(r);
            List<Double> prior = new ArrayList<>();
            List<Integer> used = new ArrayList<>();
            if (ladder.completeness(age) < OWN_CLAIMS_FROM) {
                for (int back = 1; back <= PRIOR_MONTHS; back++) {
                    YearMonth m = month(r).minusMonths(back);
                    Integer p = rows.get(m);
                    if (p == null) {
                        // No row: a month without clients or cost, once complete; a young one may yet get them.
                        if (ladder.completeness(patterns.age(m)) >= 1) prior.add(0.0);
                    } else if (ladder.completeness(age(p)) >= 1) {
                        Double v = number(table.value(p, column));
                        if (v != null) {
                            prior.add(column == FlowMonth.COST_EUR ? v * 100 : v);
                            used.add(p);
                        }
                    } else if (done[p] != null && ladder.completeness(age(p)) >= OWN_CLAIMS_FROM) {
                        prior.add(done[p].ultimate());
                        used.add(p);
                    }
                }
            }
            Completion c = completion(ladder, age, observed, prior);
            if (c != null) priorRows.addAll(used);
            return c;
        }

        Table table() {
            List<List<Object>> rows = new ArrayList<>(table.size());
            for (int r = 0; r < table.size(); r++) {
                List<Object> row = new ArrayList<>(table.rows().get(r));
                boolean complete = isComplete(r);
                String g = group(r);
                row.add(complete ? null : share(patterns.costCompleteness(g, age(r))));
                row.add(complete ? null : share(patterns.clientsCompleteness(g, age(r))));
                row.add(provisional[r]);
                addFigures(row, clients[r], false);
                addFigures(row, cost[r], true);
                rows.add(row);
            }
            return new Table(table.name(), FlowMonth.NOWCAST_SCHEMA, rows, bases);
        }
    }

    private static Table years(Table year, Months months) {
        Map<List<Object>, List<Integer>> monthRows = new HashMap<>();
        for (Map.Entry<List<Object>, TreeMap<YearMonth, Integer>> u : months.units.entrySet()) {
            for (Map.Entry<YearMonth, Integer> m : u.getValue().entrySet()) {
                List<Object> key = new ArrayList<>(u.getKey());
                key.add(m.getKey().getYear());
                monthRows.computeIfAbsent(key, k -> new ArrayList<>()).add(m.getValue());
            }
        }
        List<List<Object>> rows = new ArrayList<>(year.size());
        List<List<CellRef>> bases = new ArrayList<>(year.size());
        for (int r = 0; r < year.size(); r++) {
            List<Object> key = unit(year, r);
            key.add(year.value(r, Dimensions.YEAR));
            List<Integer> ms = monthRows.getOrDefault(key, List.of());
            List<CellRef> basis = new ArrayList<>();
            for (Column c : List.of(FlowYear.UNIQUE_CLIENTS, FlowYear.AVG_MONTHLY_CLIENTS, FlowYear.COST_EUR)) {
                basis.add(yearCell(year, r, c));
            }
            // The complete months add nothing to the year's completion, so their cells are not its basis.
            for (int m : ms) if (!months.isComplete(m)) basis.addAll(months.bases.get(m));
            List<Object> row = new ArrayList<>(year.rows().get(r));
            row.addAll(yearFigures(year, r, ms, months));
            rows.add(row);
            bases.add(basis);
        }
        return new Table(year.name(), FlowYear.NOWCAST_SCHEMA, rows, bases);
    }

    /**
     * A year's nowcast columns: its cost plus its months' reserves; its average monthly clients plus
     * their reserves over its months (client-months ÷ average). The months' errors are added as if
     * independent: the factors' shared error is left out, so the interval is a little narrow.
     */
    private static List<Object> yearFigures(Table year, int r, List<Integer> ms, Months months) {
        boolean anyOpen = false, anyProvisional = false, anyMissing = false;
        double costReserve = 0, costMse = 0, clientReserve = 0, clientMse = 0, clientMonths = 0;
        for (int m : ms) {
            clientMonths += number(months.table.value(m, FlowMonth.CLIENTS));
            anyProvisional |= months.provisional[m];
            if (months.isComplete(m)) continue;
            anyOpen = true;
            if (months.clients[m] == null || months.cost[m] == null) {
                anyMissing = true;
                continue;
            }
            costReserve += months.cost[m].reserve();
            costMse += months.cost[m].mse();
            clientReserve += months.clients[m].reserve();
            clientMse += months.clients[m].mse();
        }
        Object costEuros = year.value(r, FlowYear.COST_EUR);
        Double avg = number(year.value(r, FlowYear.AVG_MONTHLY_CLIENTS));
        List<Object> out = new ArrayList<>();
        if (!anyOpen || anyMissing || costEuros == null || avg == null || avg <= 0) {
            out.add(null);
            out.add(null);
            out.add(anyProvisional);
            for (int i = 0; i < 6; i++) out.add(null);
            return out;
        }
        double costCents = ((BigDecimal) costEuros).doubleValue() * 100;
        Completion cost = new Completion(costCents, costCents + costReserve, costMse);
        long dataMonths = Math.round(clientMonths / avg);
        Completion clients = new Completion(avg, avg + clientReserve / dataMonths, clientMse / ((double) dataMonths * dataMonths));
        double costShare = cost.ultimate() > 0 ? cost.observed() / cost.ultimate() : 1;
        double clientShare = clients.observed() / clients.ultimate();
        out.add(share(costShare));
        out.add(share(clientShare));
        out.add(Math.min(costShare, clientShare) < PROVISIONAL_BELOW);
        addFigures(out, clients, false);
        addFigures(out, cost, true);
        return out;
    }

    private static void addFigures(List<Object> row, Completion c, boolean cents) {
        if (c == null) {
            row.add(null);
            row.add(null);
            row.add(null);
            return;
        }
        double[] ci = interval(c);
        for (double v : new double[] {c.ultimate(), ci[0], ci[1]}) row.add(cents ? euros(v) : round2(v));
    }

    private static List<Object> unit(Table t, int r) {
        return new ArrayList<>(List.of(t.value(r, Dimensions.AREA), t.value(r, Dimensions.AREA_LEVEL),
                t.value(r, Dimensions.PRODUCT_GROUP)));
    }

    private static CellRef yearCell(Table year, int r, Column column) {
        Map<String, Object> key = new HashMap<>();
        for (Column d : List.of(Dimensions.AREA, Dimensions.AREA_LEVEL, Dimensions.PRODUCT_GROUP,
                Dimensions.YEAR)) {
            key.put(d.name(), year.value(r, d));
        }
        return new CellRef(FlowYear.SCHEMA.name(), key, column.name());
    }

    private static Double number(Object v) {
        return v == null ? null : ((Number) v).doubleValue();
    }

    private static Double share(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    private static Double round2(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    private static BigDecimal euros(double cents) {
        return BigDecimal.valueOf(Math.round(cents), Type.EURO_SCALE);
    }
}
