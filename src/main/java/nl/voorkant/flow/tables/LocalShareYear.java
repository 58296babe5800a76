package nl.voorkant.flow.tables;

import static nl.voorkant.core.schema.Column.count;
import static nl.voorkant.core.schema.Column.derived;
import static nl.voorkant.flow.tables.Dimensions.AREA;
import static nl.voorkant.flow.tables.Dimensions.AREA_LEVEL;
import static nl.voorkant.flow.tables.Dimensions.YEAR;

import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.schema.Type;

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
}
