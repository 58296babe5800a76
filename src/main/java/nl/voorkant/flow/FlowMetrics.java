package nl.voorkant.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.voorkant.core.Table;
import nl.voorkant.ingest.Reference;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The flow tables of DOMAIN.md per area (municipality, subregion, region) and product group (and
 * per product), from accepted claim lines: one pass over the claims in Spark ({@link FlowPass})
 * leaves small summed partial counts, from which {@link FlowTables} builds the tables on the driver.
 */
public final class FlowMetrics {
    private FlowMetrics() {}

    public static final String UNIT = "product_group";

    /** The flow tables, unsuppressed, keyed by table name; see the README for their columns. */
    public record Result(Map<String, Table> tables, Trajectories.DataMonths months) {}

    public static Result compute(Dataset<Row> claims, Reference reference, int maxGap) {
        Map<String, List<String[]>> areas = areas(reference);
        Partials.Codes codes = Partials.Codes.of(areas, reference);
        List<Row> rows = FlowPass.partials(claims, areas, codes, maxGap).collectAsList();
        List<FlowTables.Partial> partials = new ArrayList<>(rows.size());
        for (Row r : rows) {
            partials.add(codes.partial(r.getLong(0), r.getLong(1), r.getString(2), r.getLong(3), r.getLong(4), r.getLong(5)));
        }
        FlowTables tables = new FlowTables(partials, areas, reference, maxGap);
        return new Result(tables.tables(), tables.months());
    }

    /** Per municipality code the areas it counts in, as {area, area_level}: itself, its subregion, its region. */
    static Map<String, List<String[]>> areas(Reference reference) {
        Map<String, List<String[]>> out = new HashMap<>();
        for (Reference.Municipality m : reference.municipalities().values()) {
            out.put(m.code(), List.of(new String[] {m.code(), ClientFlows.MUNICIPALITY},
                    new String[] {m.subregion(), "subregion"}, new String[] {m.region(), "region"}));
        }
        return out;
    }
}
