package nl.voorkant.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.voorkant.core.Table;

/**
 * Statistical disclosure control for published tables: counts of people from 1 to 4 are left
 * empty, and so is every figure derived from such a count (a cost per client of one child is
 * that child's care bill). Zero is not suppressed: it reveals no one.
 */
public final class Disclosure {
    private Disclosure() {}

    public enum Mode { PUBLISH, INTERNAL }

    public static final int THRESHOLD = 5;

    /** Per published table: each count column and the columns that must go with it. */
    static final Map<String, Map<String, List<String>>> RULES = new LinkedHashMap<>();

    static {
        RULES.put("flow_month", Map.of(
                "clients", List.of("cost_eur"),
                "inflow", List.of(),
                "outflow", List.of()));
        RULES.put("flow_year", Map.of(
                "unique_clients", List.of("avg_monthly_clients", "cost_eur", "cost_per_client_month_eur",
                        "mean_duration_months", "km_median_duration_months", "local_referral_share"),
                "inflow", List.of("local_referral_share", "local_referral_inflow", "km_median_duration_months"),
                "outflow", List.of("mean_duration_months"),
                "local_referral_inflow", List.of("local_referral_share")));
        RULES.put("flow_product_year", RULES.get("flow_year"));
        RULES.put("local_share_year", Map.of(
                "local_client_months", List.of("local_share", "local_cost_share"),
                "total_client_months", List.of("local_share", "local_cost_share")));
        RULES.put("km_survival", Map.of(
                "at_risk", List.of("events", "censored", "survival", "lower95", "upper95"),
                "events", List.of(),
                "censored", List.of()));
        RULES.put("durations", Map.of(
                "trajectories", List.of("closed", "km_median_months", "km_restricted_mean_months",
                        "naive_mean_closed_months", "little_ratio"),
                "closed", List.of("naive_mean_closed_months")));
    }

    public static Mode mode(String s) {
        return Mode.valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }

    public static Table apply(Table t, Mode mode) {
        Map<String, List<String>> rules = RULES.get(t.name());
        if (mode == Mode.INTERNAL || rules == null) return t;
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            List<Object> out = new ArrayList<>(row);
            rules.forEach((count, dependents) -> {
                if (!t.columns().contains(count)) return;
                if (isSmallCount(row.get(t.columnIndex(count)))) {
                    out.set(t.columnIndex(count), null);
                    for (String d : dependents) if (t.columns().contains(d)) out.set(t.columnIndex(d), null);
                }
            });
            rows.add(out);
        }
        return new Table(t.name(), t.columns(), rows);
    }

    static boolean isSmallCount(Object v) {
        if (!(v instanceof Number n)) return false;
        double d = n.doubleValue();
        return d >= 1 && d < THRESHOLD;
    }
}
