package nl.voorkant.flow.tables;

import java.util.List;
import nl.voorkant.core.schema.Schema;

/**
 * Every flow table's schema as published, in the order the README lists the tables: flow_month and
 * flow_year with their nowcast columns (the flow stage itself builds them without, see their SCHEMA).
 */
public final class FlowSchemas {
    private FlowSchemas() {}

    public static final List<Schema> ALL = List.of(FlowMonth.NOWCAST_SCHEMA, FlowYear.NOWCAST_SCHEMA, KmSurvival.SCHEMA, Durations.SCHEMA,
            LocalShareYear.SCHEMA, ProvidersYear.SCHEMA, FlowYear.PRODUCT_SCHEMA, CompositeYear.SCHEMA,
            ProviderChangesYear.SCHEMA, Placements.SCHEMA);
}
