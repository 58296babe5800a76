package nl.voorkant.flow.tables;

import static nl.voorkant.core.schema.Column.count;
import static nl.voorkant.core.schema.Column.derived;
import static nl.voorkant.flow.tables.Dimensions.AREA;
import static nl.voorkant.flow.tables.Dimensions.AREA_LEVEL;
import static nl.voorkant.flow.tables.Dimensions.YEAR;
import static nl.voorkant.flow.tables.Figures.round;

import java.util.TreeMap;
import nl.voorkant.core.Table;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.RowValues;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.schema.Type;
import nl.voorkant.flow.model.Months;
import nl.voorkant.flow.model.Place;
import nl.voorkant.flow.model.UnitType;
import nl.voorkant.ingest.Reference;

/** local_share_year: the local team's share of all care per area and year, in client-months and in cost. */
public final class LocalShareYear {
    private LocalShareYear() {}

    public static final Column LOCAL_CLIENT_MONTHS = count("local_client_months");
    public static final Column TOTAL_CLIENT_MONTHS = count("total_client_months");
    public static final Column LOCAL_SHARE = derived("local_share", Type.SHARE, LOCAL_CLIENT_MONTHS, TOTAL_CLIENT_MONTHS);
    public static final Column LOCAL_COST_SHARE = derived("local_cost_share", Type.SHARE, LOCAL_CLIENT_MONTHS,
            TOTAL_CLIENT_MONTHS);

    public static final Schema SCHEMA = Schema.of("local_share_year", AREA, AREA_LEVEL, YEAR, LOCAL_CLIENT_MONTHS,
            TOTAL_CLIENT_MONTHS, LOCAL_SHARE, LOCAL_COST_SHARE);

    /** An area's client-months and cost in a year: of all care, and of the care its local teams give. */
    private static final class Shares {
        long localClientMonths, clientMonths, localCents, cents;
    }

    /** Per area and year with a line. */
    public static Table build(FlowSums sums, Reference reference) {
        TreeMap<Place, TreeMap<Integer, Shares>> perArea = new TreeMap<>(FlowSums.ORDER);
        sums.of(UnitType.PRODUCT_GROUP).months.forEach((p, months) -> {
            Reference.Product group = reference.groups().get(p.unit());
            if (group == null) return;
            boolean local = group.provision() == Reference.Provision.LOCAL;
            Place area = new Place(UnitType.PRODUCT_GROUP, p.area(), p.level(), "");
            months.values().forEach(m -> {
                Shares a = perArea.computeIfAbsent(area, x -> new TreeMap<>())
                        .computeIfAbsent(Months.yearOf(m.month()), x -> new Shares());
                if (local) {
                    a.localClientMonths += m.clients();
                    a.localCents += m.cents();
                }
                a.clientMonths += m.clients();
                a.cents += m.cents();
            });
        });
        Table.Builder t = SCHEMA.builder();
        perArea.forEach((p, years) -> years.forEach((year, a) -> t.row(new RowValues(SCHEMA).put(AREA, p.area())
                .put(AREA_LEVEL, p.level().code()).put(YEAR, year).put(LOCAL_CLIENT_MONTHS, a.localClientMonths)
                .put(TOTAL_CLIENT_MONTHS, a.clientMonths)
                .put(LOCAL_SHARE, a.clientMonths == 0 ? null : round((double) a.localClientMonths / a.clientMonths, 4))
                .put(LOCAL_COST_SHARE, a.cents == 0 ? null : round((double) a.localCents / a.cents, 4)).values())));
        return t.build();
    }
}
