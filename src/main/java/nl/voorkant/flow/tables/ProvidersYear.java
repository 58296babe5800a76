package nl.voorkant.flow.tables;

import static nl.voorkant.core.schema.Column.count;
import static nl.voorkant.core.schema.Column.derived;
import static nl.voorkant.flow.tables.Dimensions.AREA;
import static nl.voorkant.flow.tables.Dimensions.AREA_LEVEL;
import static nl.voorkant.flow.tables.Dimensions.PRODUCT_GROUP;
import static nl.voorkant.flow.tables.Dimensions.YEAR;

import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.schema.Type;

/**
 * providers_year: distinct providers with a positive cost and the Herfindahl–Hirschman index of their
 * cost shares (1 = one provider has it all): the memo complains of fragmented guardianship.
 */
public final class ProvidersYear {
    private ProvidersYear() {}

    public static final Column PROVIDERS = count("providers");
    public static final Column HHI = derived("hhi", Type.DOUBLE, PROVIDERS);

    public static final Schema SCHEMA = Schema.of("providers_year", AREA, AREA_LEVEL, PRODUCT_GROUP, YEAR, PROVIDERS, HHI);
}
