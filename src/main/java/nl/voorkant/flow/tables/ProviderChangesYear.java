package nl.voorkant.flow.tables;

import static nl.voorkant.core.schema.Column.countWithin;
import static nl.voorkant.core.schema.Column.derived;
import static nl.voorkant.flow.tables.Dimensions.AREA;
import static nl.voorkant.flow.tables.Dimensions.AREA_LEVEL;
import static nl.voorkant.flow.tables.Dimensions.PRODUCT_GROUP;
import static nl.voorkant.flow.tables.Dimensions.YEAR;
import static nl.voorkant.flow.tables.Figures.round;

import java.util.Map;
import java.util.TreeMap;
import nl.voorkant.core.Table;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.RowValues;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.schema.Type;
import nl.voorkant.flow.model.Contributions.ProviderSpread;
import nl.voorkant.flow.model.Contributions.YearCount;
import nl.voorkant.flow.model.Place;
import nl.voorkant.flow.model.UnitType;

/**
 * provider_changes_year: the memo's spread of guardianship over many providers, per client: the clients
 * of a group whose care in it came from two or more providers in the year (a provider counts when its
 * net volume for the client and group is above zero in some month), and the mean number of providers.
 */
public final class ProviderChangesYear {
    private ProviderChangesYear() {}

    /** flow_year's unique clients of the row: published as a count there, so that disclosure relates the two. */
    public static final Column UNIQUE_CLIENTS = Column.count("unique_clients");
    public static final Column PROVIDER_CHANGE_CLIENTS = countWithin("provider_change_clients", UNIQUE_CLIENTS);
    public static final Column PROVIDER_CHANGE_SHARE = derived("provider_change_share", Type.SHARE, UNIQUE_CLIENTS,
            PROVIDER_CHANGE_CLIENTS);
    /** Providers per client, summed over the group's clients and divided by them: at least 1 where there are any. */
    public static final Column MEAN_PROVIDERS_PER_CLIENT = derived("mean_providers_per_client", Type.DOUBLE, UNIQUE_CLIENTS,
            PROVIDER_CHANGE_CLIENTS);

    public static final Schema SCHEMA = Schema.of("provider_changes_year", AREA, AREA_LEVEL, PRODUCT_GROUP, YEAR,
            UNIQUE_CLIENTS, PROVIDER_CHANGE_CLIENTS, PROVIDER_CHANGE_SHARE, MEAN_PROVIDERS_PER_CLIENT);

    /** Per product group, area and year of flow_year. */
    public static Table build(FlowSums sums) {
        FlowSums.UnitSums u = sums.of(UnitType.PRODUCT_GROUP);
        Table.Builder t = SCHEMA.builder();
        for (Map.Entry<Place, TreeMap<Integer, YearCount>> e : FlowSums.sorted(u.years)) {
            Place p = e.getKey();
            TreeMap<Integer, ProviderSpread> spread = u.spread.getOrDefault(p, new TreeMap<>());
            for (YearCount c : e.getValue().values()) {
                ProviderSpread s = spread.getOrDefault(c.year(), new ProviderSpread(c.year(), 0, 0));
                long clients = c.uniqueClients();
                t.row(new RowValues(SCHEMA).put(AREA, p.area()).put(AREA_LEVEL, p.level().code()).put(PRODUCT_GROUP, p.unit())
                        .put(YEAR, c.year()).put(UNIQUE_CLIENTS, clients).put(PROVIDER_CHANGE_CLIENTS, s.changeClients())
                        .put(PROVIDER_CHANGE_SHARE, clients == 0 ? null : round((double) s.changeClients() / clients, 4))
                        .put(MEAN_PROVIDERS_PER_CLIENT, clients == 0 ? null : round((double) s.providers() / clients, 2))
                        .values());
            }
        }
        return t.build();
    }
}
