package nl.voorkant.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.voorkant.core.Table;
import nl.voorkant.flow.engine.FlowPass;
import nl.voorkant.flow.model.Areas;
import nl.voorkant.flow.model.Censoring;
import nl.voorkant.flow.model.CareGroups;
import nl.voorkant.flow.tables.CompositeYear;
import nl.voorkant.flow.tables.Dimensions;
import nl.voorkant.flow.tables.Durations;
import nl.voorkant.flow.tables.FlowMonth;
import nl.voorkant.flow.tables.FlowSums;
import nl.voorkant.flow.tables.FlowYear;
import nl.voorkant.flow.tables.KmSurvival;
import nl.voorkant.flow.tables.LocalShareYear;
import nl.voorkant.flow.tables.Placements;
import nl.voorkant.flow.tables.ProviderChangesYear;
import nl.voorkant.flow.tables.ProvidersYear;
import nl.voorkant.ingest.Reference;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The flow tables of DOMAIN.md per area (municipality, subregion, region) and product group (and
 * per product), from accepted claim lines: one pass over the claims in Spark ({@link FlowPass}) sums
 * every client's contributions ({@link nl.voorkant.flow.model.ClientFold}), from which the tables'
 * builders make the tables on the driver.
 */
public final class FlowMetrics {
    private FlowMetrics() {}

    /**
     * The flow tables, unsuppressed, keyed by table name (see the README for their columns), and the
     * data's months with what they leave unknown.
     */
    public record Result(Map<String, Table> tables, Censoring censoring) {}

    /** The tables with the memo's placement deal (see {@link Placements.Plan#MEMO}). */
    public static Result compute(Dataset<Row> claims, Reference reference, int maxGap) {
        return compute(claims, false, reference, maxGap, Placements.Plan.MEMO);
    }

    /**
     * @param byClient whether {@code claims} are hash-partitioned by {@code client_key} already, as the
     *                 ingest can hand them ({@link nl.voorkant.ingest.ClaimIngest.Result#byClient}): then
     *                 they are not shuffled again
     * @param plan the placement deal of the scenario file, for the placements table
     */
    public static Result compute(Dataset<Row> claims, boolean byClient, Reference reference, int maxGap,
                                 Placements.Plan plan) {
        Areas areas = Areas.of(reference);
        Censoring rule = Censoring.withMaxGap(maxGap);
        FlowSums.Collector collected = new FlowSums.Collector();
        FlowPass.run(claims, byClient, reference, areas, rule, collected);
        FlowSums sums = collected.sum(areas, rule);
        return new Result(tables(sums, reference, plan), sums.censoring());
    }

    /** Every flow table, keyed by name, in the order the README lists them; none without data months. */
    private static Map<String, Table> tables(FlowSums sums, Reference reference, Placements.Plan plan) {
        Map<String, Table> out = new LinkedHashMap<>();
        if (sums.censoring().isEmpty()) return out;
        List<Supplier<Table>> tables = List.of(() -> FlowMonth.build(sums), () -> FlowYear.build(sums),
                () -> KmSurvival.build(sums), () -> Durations.build(sums), () -> LocalShareYear.build(sums, reference),
                () -> ProvidersYear.build(sums), () -> FlowYear.buildProducts(sums, reference),
                () -> CompositeYear.build(sums, CareGroups.of(reference).market()), () -> ProviderChangesYear.build(sums),
                () -> Placements.build(sums, reference, plan));
        // The tables only read the sums, so they are built side by side; a national run has millions of cells.
        for (Table t : tables.parallelStream().map(Supplier::get).toList()) out.put(t.name(), t);
        return out;
    }
}
