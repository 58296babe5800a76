package nl.voorkant.report;

import static nl.voorkant.flow.tables.Dimensions.AREA_LEVEL;
import static nl.voorkant.flow.tables.Dimensions.MONTH;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.voorkant.core.Table;
import nl.voorkant.core.schema.Column;
import nl.voorkant.flow.model.AreaLevel;
import nl.voorkant.flow.tables.FlowMonth;
import nl.voorkant.flow.tables.Revisions;

/**
 * The report's words on late claims: how complete the newest months are (the manifest's {@code nowcast}
 * section) and what moved since the earlier run (the {@code revisions} table), in the report's language.
 */
final class LateClaims {
    private LateClaims() {}

    /** At most this many months of revisions are named; the rest are counted. */
    static final int REVISION_LINES = 6;
    /** A change that rounds to 0.0% is no line. */
    static final double SHOWN_FROM = 0.0005;
    /** The measures a revision line names, in its order. */
    private static final List<Column> REVISED = List.of(FlowMonth.COST_EUR, FlowMonth.CLIENTS);

    /**
     * The extract date, the provisional months with the share of their final cost that is in, and how
     * that share was had (estimated from the claims' delays, or assumed); null without a nowcast section.
     */
    static String provisional(Map<String, Object> nowcast, Texts t, Formats f) {
        if (nowcast == null || !nowcast.containsKey("extract_date")) return null;
        List<String> parts = new ArrayList<>();
        String source = "--extract-date".equals(nowcast.get("extract_date_source")) ? "s1.extract.option"
                : number(nowcast.get("lines_with_declaration_date")) > 0 ? "s1.extract.declarations" : "s1.extract.care";
        parts.add(t.get("s1.extract", nowcast.get("extract_date"), t.get(source)));
        Map<?, ?> months = nowcast.get("provisional_months") instanceof Map<?, ?> m ? m : Map.of();
        if (months.isEmpty()) {
            parts.add(t.get("s1.provisional.none"));
        } else {
            List<String> named = new ArrayList<>();
            new TreeMap<>(months).forEach((month, share) -> named.add(t.get("s1.provisional.month", month, f.percent(share))));
            parts.add(t.get("s1.provisional", String.join(", ", named)));
        }
        Map<?, ?> earlier = nowcast.get("earlier_extracts") instanceof Map<?, ?> e ? e : Map.of();
        if (nowcast.get("learned_profile") != null) {
            parts.add(t.get("s1.learned", earlier.get("count"), String.join(", ", strings(earlier.get("extract_months")))));
            List<String> tooFew = strings(earlier.get("product_groups_too_few"));
            if (!tooFew.isEmpty()) {
                parts.add(t.get("s1.learned.too_few", tooFew.size(), String.join(", ", tooFew), assumedAges(nowcast, t, f)));
            }
        } else if (nowcast.get("assumed_profile") != null) {
            parts.add(t.get("s1.assumption", assumedAges(nowcast, t, f)));
            parts.add(t.get(earlier.isEmpty() ? "s1.assumption.no_earlier" : "s1.assumption.too_few"));
        } else if (!months.isEmpty()) {
            parts.add(t.get("s1.provisional.estimated"));
        }
        return String.join(" ", parts);
    }

    /** The assumed delay profile by age, as the report says it. */
    private static String assumedAges(Map<String, Object> nowcast, Texts t, Formats f) {
        List<?> profile = (List<?>) nowcast.get("assumed_profile");
        List<String> ages = new ArrayList<>();
        for (int age = 0; age < profile.size(); age++) ages.add(age + ": " + f.percent(profile.get(age)));
        ages.add(t.get("s1.assumption.later") + ": " + f.percent(1.0));
        return String.join(", ", ages);
    }

    private static List<String> strings(Object list) {
        return list instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    /**
     * What changed since the earlier run: an opening sentence, then per month at region level (all
     * product groups together) the relative change of cost and clients, the newest months first; empty
     * when no earlier run was compared.
     */
    static List<String> revisions(Map<String, Object> summary, Table revisions, Table flowMonth, Texts t, Formats f) {
        if (summary == null || !Boolean.TRUE.equals(summary.get("compared"))) return List.of();
        List<String> out = new ArrayList<>();
        Object run = summary.get("earlier_run");
        long cells = number(summary.get("changed_cells"));
        if (cells == 0 || revisions == null) {
            out.add(t.get("s1.revisions.unchanged", run));
            return out;
        }
        TreeMap<String, double[]> changes = regionChanges(revisions, flowMonth);
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, double[]> e : changes.descendingMap().entrySet()) {
            List<String> measures = new ArrayList<>();
            for (int k = 0; k < REVISED.size(); k++) {
                double relative = e.getValue()[k];
                if (Math.abs(relative) >= SHOWN_FROM) {
                    measures.add(t.get("s1.revisions." + REVISED.get(k).name(), signed(relative, f)));
                }
            }
            if (!measures.isEmpty()) lines.add(t.get("s1.revisions.line", e.getKey(), String.join(", ", measures)));
        }
        out.add(t.get(lines.isEmpty() ? "s1.revisions.none_in_region" : "s1.revisions", run, cells));
        out.addAll(lines.subList(0, Math.min(REVISION_LINES, lines.size())));
        if (lines.size() > REVISION_LINES) out.add(t.get("s1.revisions.more", lines.size() - REVISION_LINES));
        return out;
    }

    /**
     * Per month the relative change at region level of each {@link #REVISED} measure, summed over the
     * product groups: the changes over what the earlier run had (this run's totals less the changes).
     * A month or measure whose earlier total is zero or unknown has no relative change (NaN).
     */
    static TreeMap<String, double[]> regionChanges(Table revisions, Table flowMonth) {
        TreeMap<String, double[]> differences = new TreeMap<>();
        for (int i = 0; i < revisions.size(); i++) {
            if (!FlowMonth.SCHEMA.name().equals(revisions.value(i, Revisions.TABLE))
                    || !AreaLevel.REGION.code().equals(revisions.value(i, AREA_LEVEL))
                    || !(revisions.value(i, Revisions.DIFFERENCE) instanceof Number d)) continue;
            int k = REVISED.stream().map(Column::name).toList().indexOf(revisions.value(i, Revisions.COLUMN));
            if (k < 0) continue;
            differences.computeIfAbsent((String) revisions.value(i, Revisions.PERIOD), m -> new double[REVISED.size()])[k]
                    += d.doubleValue();
        }
        Table region = flowMonth == null ? null : flowMonth.where(AREA_LEVEL, AreaLevel.REGION.code());
        TreeMap<String, double[]> out = new TreeMap<>();
        differences.forEach((month, diff) -> {
            double[] relative = new double[REVISED.size()];
            for (int k = 0; k < REVISED.size(); k++) {
                double now = 0;
                Table rows = region == null ? null : region.where(MONTH, month);
                for (int r = 0; rows != null && r < rows.size(); r++) {
                    if (rows.value(r, REVISED.get(k)) instanceof Number n) now += n.doubleValue();
                }
                double earlier = now - diff[k];
                relative[k] = rows == null || earlier <= 0 ? Double.NaN : diff[k] / earlier;
            }
            out.put(month, relative);
        });
        return out;
    }

    private static String signed(double relative, Formats f) {
        return (relative > 0 ? "+" : "") + f.percent(relative);
    }

    private static long number(Object v) {
        return v instanceof Number n ? n.longValue() : 0;
    }
}
