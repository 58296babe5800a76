package nl.voorkant.flow.tables;

import java.util.List;
import nl.voorkant.core.schema.Schema;

/** Every flow table's schema, in the order the README lists the tables. */
public final class FlowSchemas {
    private FlowSchemas() {}

    public static final List<Schema> ALL = List.of(FlowMonth.SCHEMA, FlowYear.SCHEMA, KmSurvival.SCHEMA, Durations.SCHEMA,
            LocalShareYear.SCHEMA, ProvidersYear.SCHEMA, FlowYear.PRODUCT_SCHEMA);
}
