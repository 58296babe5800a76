package nl.voorkant.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.voorkant.core.CellRef;
import nl.voorkant.core.Table;
import nl.voorkant.ingest.Reference;

/**
 * Baselines read from the flow stage's tables (unsuppressed): flow_year for the base year's clients,
 * cost and inflow, km_survival for the duration curve (Kaplan–Meier, so censored trajectories count
 * as still running rather than as ended). A missing area, group or year is an explanation, not an error.
 */
public final class FlowBaselines {
    private FlowBaselines() {}

    /** Either a baseline or, when the data cannot give one, the reason in a sentence. */
    public record Lookup(Baseline baseline, String problem) {
        public boolean found() { return baseline != null; }
    }

    public static Lookup lookup(Map<String, Table> flow, String area, String group, int year) {
        Table flowYear = flow == null ? null : flow.get("flow_year");
        Table km = flow == null ? null : flow.get("km_survival");
        if (flowYear == null || km == null) {
            return missing("geen flow-tabellen (flow_year en km_survival) beschikbaar; draai analyse op claims");
        }
        Table inArea = flowYear.where("area", area);
        if (inArea.size() == 0) return missing("gebied " + area + " komt niet voor in de data");
        Table inGroup = inArea.where("product_group", group);
        if (inGroup.size() == 0) return missing("productgroep " + group + " komt in " + area + " niet voor in de data");
        Table row = inGroup.where("year", v -> asInt(v) != null && asInt(v) == year);
        if (row.size() == 0) return missing("jaar " + year + " ontbreekt voor " + group + " in " + area);
        Double clients = asDouble(row.value(0, "avg_monthly_clients"));
        Double perClient = asDouble(row.value(0, "cost_per_client_month_eur"));
        Double inflow = asDouble(row.value(0, "inflow"));
        Double localInflow = asDouble(row.value(0, "local_referral_inflow"));
        if (clients == null || clients <= 0 || perClient == null) {
            return missing("geen cliënten of kosten voor " + group + " in " + area + " in " + year);
        }
        if (inflow == null || localInflow == null) {
            return missing("instroom " + year + " voor " + group + " in " + area
                    + " is onbekend (het jaar ligt aan de rand van de data)");
        }
        Survival survival = survival(km, area, group);
        if (survival == null) return missing("geen Kaplan–Meier-curve voor " + group + " in " + area);
        return new Lookup(new Baseline(area, group, year, clients, clients * perClient, inflow / 12, localInflow / 12,
                survival), null);
    }

    /** The cells {@link #lookup} and {@link #backEndBudget} read: what a data-driven scenario's figures are computed from. */
    public static List<CellRef> basis(String area, String group, int year) {
        Map<String, Object> cell = Map.of("area", area, "product_group", group, "year", year);
        List<CellRef> cells = new ArrayList<>();
        for (String c : List.of("avg_monthly_clients", "cost_per_client_month_eur", "inflow", "local_referral_inflow")) {
            cells.add(new CellRef("flow_year", cell, c));
        }
        cells.add(durationsBasis(Map.of("area", area, "product_group", group)));
        cells.add(new CellRef("flow_year", Map.of("area", area, "year", year), "cost_eur"));
        cells.add(new CellRef("local_share_year", Map.of("area", area, "year", year), "local_cost_share"));
        return cells;
    }

    /**
     * A scenario's duration curve stands for the group's trajectories as a whole, not for the cells of
     * its tail: a curve always ends with 1 to 4 at risk, and tying the scenario to every step would
     * leave each data-driven scenario empty. It is published while the trajectories it is fitted on are.
     */
    private static CellRef durationsBasis(Map<String, Object> areaGroup) {
        return new CellRef("durations", areaGroup, "trajectories");
    }

    /** The cells {@link #groups} reads. */
    public static List<CellRef> groupsBasis(String area, int year) {
        Map<String, Object> areaYear = Map.of("area", area, "year", year);
        return List.of(new CellRef("flow_year", areaYear, "avg_monthly_clients"), new CellRef("flow_year", areaYear, "cost_eur"),
                new CellRef("flow_year", areaYear, "inflow"), durationsBasis(Map.of("area", area)));
    }

    /**
     * The area's yearly back-end (market) budget in a year: all its cost in flow_year less the local
     * share of cost from local_share_year; null when either is missing.
     */
    public static Double backEndBudget(Map<String, Table> flow, String area, int year) {
        if (flow == null || flow.get("flow_year") == null || flow.get("local_share_year") == null) return null;
        Table rows = flow.get("flow_year").where("area", area).where("year", v -> Objects.equals(asInt(v), year));
        if (rows.size() == 0) return null;
        double total = 0;
        for (int i = 0; i < rows.size(); i++) {
            Double c = asDouble(rows.value(i, "cost_eur"));
            if (c != null) total += c;
        }
        Table share = flow.get("local_share_year").where("area", area).where("year", v -> Objects.equals(asInt(v), year));
        Double local = share.size() == 0 ? null : asDouble(share.value(0, "local_cost_share"));
        return local == null ? null : total * (1 - local);
    }

    /**
     * Every product group of an area in a year, with the catalogue's provision, shiftable share,
     * clients per FTE and hours per decision; groups missing from the catalogue count as market care
     * that cannot move, and are named in {@code notes}.
     */
    public static List<GroupInput> groups(Map<String, Table> flow, Reference reference, String area, int year,
                                          List<String> notes) {
        List<GroupInput> out = new ArrayList<>();
        Table flowYear = flow == null ? null : flow.get("flow_year");
        Table km = flow == null ? null : flow.get("km_survival");
        if (flowYear == null || km == null) return out;
        Table rows = flowYear.where("area", area).where("year", v -> Objects.equals(asInt(v), year));
        Map<String, Reference.Product> catalogue = reference.groups();
        for (int i = 0; i < rows.size(); i++) {
            String group = asString(rows.value(i, "product_group"));
            Double clients = asDouble(rows.value(i, "avg_monthly_clients"));
            Double cost = asDouble(rows.value(i, "cost_eur"));
            Double inflow = asDouble(rows.value(i, "inflow"));
            if (clients == null || clients <= 0) continue;
            Reference.Product p = catalogue.get(group);
            if (p == null) notes.add("productgroep " + group + " staat niet in de catalogus: telt als zorgmarkt die niet verschuift");
            out.add(new GroupInput(group, p == null ? "MARKET" : p.provision().name(), 12 * clients,
                    cost == null ? 0 : cost, inflow == null ? 0 : inflow, p == null ? 0 : p.shiftableShare(),
                    p == null ? Reference.DEFAULT_CLIENTS_PER_FTE : p.clientsPerFte(),
                    p == null ? Reference.DEFAULT_HOURS_PER_DECISION : p.hoursPerDecision(), survival(km, area, group)));
        }
        return out;
    }

    static Survival survival(Table km, String area, String group) {
        Table curve = km.where("area", area).where("product_group", group);
        List<Integer> durations = new ArrayList<>();
        List<Double> survival = new ArrayList<>();
        for (int i = 0; i < curve.size(); i++) {
            Integer d = asInt(curve.value(i, "duration_months"));
            Double s = asDouble(curve.value(i, "survival"));
            if (d != null && s != null && d > 0) {
                durations.add(d);
                survival.add(s);
            }
        }
        if (durations.isEmpty()) return null;
        return Survival.fromKaplanMeier(durations.stream().mapToInt(Integer::intValue).toArray(),
                survival.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static Lookup missing(String why) {
        return new Lookup(null, why);
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
