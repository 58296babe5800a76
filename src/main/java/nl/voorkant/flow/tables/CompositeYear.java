package nl.voorkant.flow.tables;

import static nl.voorkant.core.schema.Column.countWithin;
import static nl.voorkant.core.schema.Column.derived;
import static nl.voorkant.flow.tables.Dimensions.AREA;
import static nl.voorkant.flow.tables.Dimensions.AREA_LEVEL;
import static nl.voorkant.flow.tables.Dimensions.PRODUCT_GROUP;
import static nl.voorkant.flow.tables.Dimensions.YEAR;
import static nl.voorkant.flow.tables.Figures.round;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.voorkant.core.Table;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.RowValues;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.schema.Type;
import nl.voorkant.flow.model.Contributions.YearCount;
import nl.voorkant.flow.model.Place;
import nl.voorkant.flow.model.UnitType;

/**
 * composite_year: how often a market group's care is part of a composite package (the memo's
 * "samengesteld pakket"): its clients with a month in which they were active in two or more market
 * groups of one municipality, and the other group they were most often combined with.
 */
public final class CompositeYear {
    private CompositeYear() {}

    /** flow_year's unique clients of the row: published as a count there, so that disclosure relates the two. */
    public static final Column UNIQUE_CLIENTS = Column.count("unique_clients");
    /** Distinct clients of the group with at least one composite month in the year. */
    public static final Column COMPOSITE_CLIENTS = countWithin("composite_clients", UNIQUE_CLIENTS);
    public static final Column COMPOSITE_SHARE = derived("composite_share", Type.SHARE, UNIQUE_CLIENTS, COMPOSITE_CLIENTS);
    /** Of the composite clients, those active in the same month in {@link #MOST_COMBINED_WITH}. */
    public static final Column MOST_COMBINED_CLIENTS = countWithin("most_combined_clients", COMPOSITE_CLIENTS);
    /** The other market group combined with this one by the most clients (ties to the first by code). */
    public static final Column MOST_COMBINED_WITH = derived("most_combined_with", Type.TEXT, MOST_COMBINED_CLIENTS);
    /** {@link #MOST_COMBINED_CLIENTS} over the group's composite clients. */
    public static final Column MOST_COMBINED_SHARE = derived("most_combined_share", Type.SHARE, COMPOSITE_CLIENTS,
            MOST_COMBINED_CLIENTS);

    public static final Schema SCHEMA = Schema.of("composite_year", AREA, AREA_LEVEL, PRODUCT_GROUP, YEAR, UNIQUE_CLIENTS,
            COMPOSITE_CLIENTS, COMPOSITE_SHARE, MOST_COMBINED_WITH, MOST_COMBINED_SHARE, MOST_COMBINED_CLIENTS);

    /** Per market group, area and year of flow_year. */
    public static Table build(FlowSums sums, Set<String> marketGroups) {
        FlowSums.UnitSums u = sums.of(UnitType.PRODUCT_GROUP);
        Table.Builder t = SCHEMA.builder();
        for (Map.Entry<Place, TreeMap<Integer, YearCount>> e : FlowSums.sorted(u.years)) {
            Place p = e.getKey();
            if (!marketGroups.contains(p.unit())) continue;
            TreeMap<Integer, Long> composite = u.composite.getOrDefault(p, new TreeMap<>());
            TreeMap<Integer, Map<String, Long>> combined = u.combined.getOrDefault(p, new TreeMap<>());
            for (YearCount c : e.getValue().values()) {
                long clients = c.uniqueClients(), inComposite = composite.getOrDefault(c.year(), 0L);
                Map.Entry<String, Long> most = mostCombined(combined.getOrDefault(c.year(), Map.of()));
                t.row(new RowValues(SCHEMA).put(AREA, p.area()).put(AREA_LEVEL, p.level().code()).put(PRODUCT_GROUP, p.unit())
                        .put(YEAR, c.year()).put(UNIQUE_CLIENTS, clients).put(COMPOSITE_CLIENTS, inComposite)
                        .put(COMPOSITE_SHARE, clients == 0 ? null : round((double) inComposite / clients, 4))
                        .put(MOST_COMBINED_WITH, most == null ? null : most.getKey())
                        .put(MOST_COMBINED_SHARE, most == null ? null : round((double) most.getValue() / inComposite, 4))
                        .put(MOST_COMBINED_CLIENTS, most == null ? null : most.getValue()).values());
            }
        }
        return t.build();
    }

    /** The other group with the most clients, the first by code among equals; null when there is none. */
    static Map.Entry<String, Long> mostCombined(Map<String, Long> perGroup) {
        Map.Entry<String, Long> best = null;
        for (Map.Entry<String, Long> g : new TreeMap<>(perGroup).entrySet()) {
            if (g.getValue() > 0 && (best == null || g.getValue() > best.getValue())) best = g;
        }
        return best;
    }
}
