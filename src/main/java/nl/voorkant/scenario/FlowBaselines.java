package nl.voorkant.scenario;

import static nl.voorkant.flow.tables.Dimensions.AREA;
import static nl.voorkant.flow.tables.Dimensions.PRODUCT_GROUP;
import static nl.voorkant.flow.tables.Dimensions.YEAR;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.voorkant.core.CellRef;
import nl.voorkant.core.Message;
import nl.voorkant.core.Table;
import nl.voorkant.core.schema.Column;
import nl.voorkant.flow.tables.Durations;
import nl.voorkant.flow.tables.FlowYear;
import nl.voorkant.flow.tables.KmSurvival;
import nl.voorkant.flow.tables.LocalShareYear;
import nl.voorkant.ingest.Reference;

/**
 * Baselines read from the flow stage's tables (unsuppressed): flow_year for the base year's clients,
 * cost and inflow, km_survival for the duration curve (Kaplan–Meier, so censored trajectories count
 * as still running rather than as ended). A missing area, group or year is an explanation, not an error.
 *
 * <p>A provisional year (late claims still to come, see nl.voorkant.nowcast) counts with its nowcast
 * where flow_year has one, and not at all where it has none: its observed figures are known to be low.
 */
public final class FlowBaselines {
    private FlowBaselines() {}

    /** Either a baseline or, when the data cannot give one, the reason. */
    public record Lookup(Baseline baseline, Message problem) {
        public boolean found() { return baseline != null; }
    }

    public static Lookup lookup(Map<String, Table> flow, String area, String group, int year) {
        Table flowYear = flow == null ? null : flow.get(FlowYear.SCHEMA.name());
        Table km = flow == null ? null : flow.get(KmSurvival.SCHEMA.name());
        if (flowYear == null || km == null) return missing("baseline.no_flow_tables");
        Table inArea = flowYear.where(AREA, area);
        if (inArea.size() == 0) return missing("baseline.no_area", area);
        Table inGroup = inArea.where(PRODUCT_GROUP, group);
        if (inGroup.size() == 0) return missing("baseline.no_group", group, area);
        Table row = inGroup.where(YEAR, v -> asInt(v) != null && asInt(v) == year);
        if (row.size() == 0) return missing("baseline.no_year", String.valueOf(year), group, area);
        if (!settles(row, 0, FlowYear.AVG_MONTHLY_CLIENTS)) {
            return missing("baseline.provisional_year", String.valueOf(year), group, area);
        }
        // Late claims take clients and their cost alike, so the cost per client-month is kept as observed.
        Double clients = settled(row, 0, FlowYear.AVG_MONTHLY_CLIENTS);
        Double perClient = asDouble(row.value(0, FlowYear.COST_PER_CLIENT_MONTH_EUR));
        Double inflow = asDouble(row.value(0, FlowYear.INFLOW));
        Double localInflow = asDouble(row.value(0, FlowYear.LOCAL_REFERRAL_INFLOW));
        if (clients == null || clients <= 0 || perClient == null) {
            return missing("baseline.no_clients", group, area, String.valueOf(year));
        }
        if (inflow == null || localInflow == null) return missing("baseline.inflow_unknown", String.valueOf(year), group, area);
        Survival survival = survival(km, area, group);
        if (survival == null) return missing("baseline.no_curve", group, area);
        return new Lookup(new Baseline(area, group, year, clients, clients * perClient, inflow / 12, localInflow / 12,
                survival), null);
    }

    /** The cells {@link #lookup} and {@link #backEndBudget} read: what a data-driven scenario's figures are computed from. */
    public static List<CellRef> basis(Map<String, Table> flow, String area, String group, int year) {
        Map<Column, Object> cell = Map.of(AREA, area, PRODUCT_GROUP, group, YEAR, year);
        List<CellRef> cells = new ArrayList<>();
        for (Column c : List.of(FlowYear.AVG_MONTHLY_CLIENTS, FlowYear.COST_PER_CLIENT_MONTH_EUR, FlowYear.INFLOW,
                FlowYear.LOCAL_REFERRAL_INFLOW)) {
            cells.add(CellRef.of(FlowYear.SCHEMA, c, cell));
        }
        cells.add(durationsBasis(Map.of(AREA, area, PRODUCT_GROUP, group)));
        cells.addAll(settledBasis(flow, FlowYear.AVG_MONTHLY_CLIENTS, cell));
        Map<Column, Object> areaYear = Map.of(AREA, area, YEAR, year);
        cells.add(CellRef.of(FlowYear.SCHEMA, FlowYear.COST_EUR, areaYear));
        cells.addAll(settledBasis(flow, FlowYear.COST_EUR, areaYear));
        cells.add(CellRef.of(LocalShareYear.SCHEMA, LocalShareYear.LOCAL_COST_SHARE, areaYear));
        return cells;
    }

    /** The nowcast of each measure that has one in flow_year. */
    private static final Map<Column, Column> NOWCASTS = Map.of(FlowYear.COST_EUR, FlowYear.COST_EUR_NOWCAST,
            FlowYear.AVG_MONTHLY_CLIENTS, FlowYear.AVG_MONTHLY_CLIENTS_NOWCAST);

    /**
     * Whether a flow_year row's measure has a figure that stands for the whole year: a complete year's
     * own, or a provisional year's nowcast. Tables without the nowcast columns (typed in, or from
     * before them) count as complete.
     */
    static boolean settles(Table flowYear, int row, Column measure) {
        return !provisional(flowYear, row) || settled(flowYear, row, measure) != null;
    }

    /**
     * A flow_year row's measure as baselines and trends use it: the observed figure of a complete year,
     * the nowcast of a provisional one, and null where the year is provisional without a nowcast
     * (unique clients never have one, nor does any figure of claims without declaration dates).
     */
    static Double settled(Table flowYear, int row, Column measure) {
        if (!provisional(flowYear, row)) return asDouble(flowYear.value(row, measure));
        Column nowcast = NOWCASTS.get(measure);
        return nowcast == null ? null : asDouble(flowYear.value(row, nowcast));
    }

    private static boolean provisional(Table flowYear, int row) {
        return flowYear.columns().contains(FlowYear.PROVISIONAL.name())
                && Boolean.TRUE.equals(flowYear.value(row, FlowYear.PROVISIONAL));
    }

    /**
     * The flow_year cells, beside the measure's own, that {@link #settled} reads at a (partial) key:
     * whether the year is provisional and, for a measure that has one, its nowcast; none where flow_year
     * has no nowcast columns.
     */
    static List<CellRef> settledBasis(Map<String, Table> flow, Column measure, Map<Column, Object> key) {
        Table flowYear = flow == null ? null : flow.get(FlowYear.SCHEMA.name());
        if (flowYear == null || !flowYear.columns().contains(FlowYear.PROVISIONAL.name())) return List.of();
        List<CellRef> cells = new ArrayList<>(List.of(CellRef.of(FlowYear.NOWCAST_SCHEMA, FlowYear.PROVISIONAL, key)));
        Column nowcast = NOWCASTS.get(measure);
        if (nowcast != null) cells.add(CellRef.of(FlowYear.NOWCAST_SCHEMA, nowcast, key));
        return cells;
    }

    /**
     * A scenario's duration curve stands for the group's trajectories as a whole, not for the cells of
     * its tail: a curve always ends with 1 to 4 at risk, and tying the scenario to every step would
     * leave each data-driven scenario empty. It is published while the trajectories it is fitted on are.
     */
    private static CellRef durationsBasis(Map<Column, Object> areaGroup) {
        return CellRef.of(Durations.SCHEMA, Durations.TRAJECTORIES, areaGroup);
    }

    /** The cells {@link #groups} reads. */
    public static List<CellRef> groupsBasis(Map<String, Table> flow, String area, int year) {
        Map<Column, Object> areaYear = Map.of(AREA, area, YEAR, year);
        List<CellRef> cells = new ArrayList<>(List.of(CellRef.of(FlowYear.SCHEMA, FlowYear.AVG_MONTHLY_CLIENTS, areaYear),
                CellRef.of(FlowYear.SCHEMA, FlowYear.COST_EUR, areaYear), CellRef.of(FlowYear.SCHEMA, FlowYear.INFLOW, areaYear),
                durationsBasis(Map.of(AREA, area))));
        cells.addAll(settledBasis(flow, FlowYear.AVG_MONTHLY_CLIENTS, areaYear));
        cells.addAll(settledBasis(flow, FlowYear.COST_EUR, areaYear));
        return cells;
    }

    /**
     * The area's yearly back-end (market) budget in a year: all its cost in flow_year less the local
     * share of cost from local_share_year; null when either is missing, or when a group's year is
     * provisional without a nowcast.
     */
    public static Double backEndBudget(Map<String, Table> flow, String area, int year) {
        Table flowYear = flow == null ? null : flow.get(FlowYear.SCHEMA.name());
        Table localShare = flow == null ? null : flow.get(LocalShareYear.SCHEMA.name());
        if (flowYear == null || localShare == null) return null;
        Table rows = flowYear.where(AREA, area).where(YEAR, v -> Objects.equals(asInt(v), year));
        if (rows.size() == 0) return null;
        double total = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (!settles(rows, i, FlowYear.COST_EUR)) return null;
            Double c = settled(rows, i, FlowYear.COST_EUR);
            if (c != null) total += c;
        }
        Table share = localShare.where(AREA, area).where(YEAR, v -> Objects.equals(asInt(v), year));
        Double local = share.size() == 0 ? null : asDouble(share.value(0, LocalShareYear.LOCAL_COST_SHARE));
        return local == null ? null : total * (1 - local);
    }

    /**
     * Every product group of an area in a year, with the catalogue's provision, shiftable share,
     * clients per FTE and hours per decision; groups missing from the catalogue count as market care
     * that cannot move, and are named in {@code notes}. None when the year is provisional for a group
     * without a nowcast (said in {@code notes}): the shares would be taken from figures known to be low.
     */
    public static List<GroupInput> groups(Map<String, Table> flow, Reference reference, String area, int year,
                                          List<Message> notes) {
        List<GroupInput> out = new ArrayList<>();
        Table flowYear = flow == null ? null : flow.get(FlowYear.SCHEMA.name());
        Table km = flow == null ? null : flow.get(KmSurvival.SCHEMA.name());
        if (flowYear == null || km == null) return out;
        Table rows = flowYear.where(AREA, area).where(YEAR, v -> Objects.equals(asInt(v), year));
        Map<String, Reference.Product> catalogue = reference.groups();
        for (int i = 0; i < rows.size(); i++) {
            if (!settles(rows, i, FlowYear.AVG_MONTHLY_CLIENTS) || !settles(rows, i, FlowYear.COST_EUR)) {
                notes.add(Message.of("note.targets.provisional_year", String.valueOf(year), area));
                return out;
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            String group = asString(rows.value(i, PRODUCT_GROUP));
            Double clients = settled(rows, i, FlowYear.AVG_MONTHLY_CLIENTS);
            Double cost = settled(rows, i, FlowYear.COST_EUR);
            Double inflow = asDouble(rows.value(i, FlowYear.INFLOW));
            if (clients == null || clients <= 0) continue;
            Reference.Product p = catalogue.get(group);
            if (p == null) notes.add(Message.of("note.group_not_in_catalogue", group));
            out.add(new GroupInput(group, p == null ? "MARKET" : p.provision().name(), 12 * clients,
                    cost == null ? 0 : cost, inflow == null ? 0 : inflow, p == null ? 0 : p.shiftableShare(),
                    p == null ? Reference.DEFAULT_CLIENTS_PER_FTE : p.clientsPerFte(),
                    p == null ? Reference.DEFAULT_HOURS_PER_DECISION : p.hoursPerDecision(), survival(km, area, group)));
        }
        return out;
    }

    static Survival survival(Table km, String area, String group) {
        Table curve = km.where(AREA, area).where(PRODUCT_GROUP, group);
        List<Integer> durations = new ArrayList<>();
        List<Double> survival = new ArrayList<>();
        for (int i = 0; i < curve.size(); i++) {
            Integer d = asInt(curve.value(i, KmSurvival.DURATION_MONTHS));
            Double s = asDouble(curve.value(i, KmSurvival.SURVIVAL));
            if (d != null && s != null && d > 0) {
                durations.add(d);
                survival.add(s);
            }
        }
        if (durations.isEmpty()) return null;
        return Survival.fromKaplanMeier(durations.stream().mapToInt(Integer::intValue).toArray(),
                survival.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static Lookup missing(String key, String... args) {
        return new Lookup(null, Message.of(key, (Object[]) args));
    }

    /** Table values are plain Java values from Spark, or strings when a table was read back from CSV. */
    static Double asDouble(Object v) {
        if (v == null) return null;
        if (v instanceof Number n) return n.doubleValue();
        String s = v.toString().trim();
        if (s.isEmpty()) return null;
        try {
            return new BigDecimal(s).doubleValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Integer asInt(Object v) {
        Double d = asDouble(v);
        return d == null ? null : (int) Math.round(d);
    }

    static String asString(Object v) {
        return v == null ? null : v.toString();
    }
}
