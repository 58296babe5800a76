package nl.voorkant.flow.tables;

import static nl.voorkant.core.schema.Column.count;
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
import nl.voorkant.flow.model.Place;
import nl.voorkant.flow.model.UnitType;

/**
 * providers_year: distinct providers with a positive cost and the Herfindahl–Hirschman index of their
 * cost shares (1 = one provider has it all): the memo complains of fragmented guardianship.
 */
public final class ProvidersYear {
    private ProvidersYear() {}

    public static final Column PROVIDERS = count("providers");
    public static final Column HHI = derived("hhi", Type.DOUBLE, PROVIDERS);

    public static final Schema SCHEMA = Schema.of("providers_year", AREA, AREA_LEVEL, PRODUCT_GROUP, YEAR, PROVIDERS, HHI);

    /** Per product group, area and year with a provider of positive cost. */
    public static Table build(FlowSums sums) {
        Table.Builder t = SCHEMA.builder();
        for (Map.Entry<Place, TreeMap<Integer, Map<String, Long>>> e : FlowSums.sorted(sums.of(UnitType.PRODUCT_GROUP).providers)) {
            Place p = e.getKey();
            e.getValue().forEach((year, perProvider) -> {
                long count = 0;
                double total = 0, squares = 0;
                for (long cents : perProvider.values()) {
                    if (cents <= 0) continue;
                    count++;
                    total += cents;
                    squares += (double) cents * cents;
                }
                if (count > 0) {
                    t.row(new RowValues(SCHEMA).put(AREA, p.area()).put(AREA_LEVEL, p.level().code()).put(PRODUCT_GROUP, p.unit())
                            .put(YEAR, year).put(PROVIDERS, count).put(HHI, round(squares / (total * total), 4)).values());
                }
            });
        }
        return t.build();
    }
}
