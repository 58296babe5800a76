package nl.voorkant.report;

import static nl.voorkant.core.schema.Column.count;
import static nl.voorkant.core.schema.Column.dimension;

import java.util.ArrayList;
import java.util.List;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.schema.Type;
import nl.voorkant.flow.tables.Dimensions;
import nl.voorkant.flow.tables.FlowSchemas;
import nl.voorkant.scenario.ScenarioTables;

/**
 * The tables the report makes for its reader from the manifest and the flow tables: shown, not
 * published as CSV (rejects_by_reason aside, which holds counts of rejected lines only), so their
 * disclosure roles are never read; their types decide how the report shows their cells.
 */
public final class ReportTables {
    private ReportTables() {}

    /** quality: the data's counts and amounts, each already worded as the report shows it. */
    public static final Column MEASURE = dimension("measure", Type.TEXT);
    public static final Column VALUE = dimension("value", Type.TEXT);
    public static final Schema QUALITY = Schema.of("quality", MEASURE, VALUE);

    /** rejects_by_reason: rejected lines per reason (the code in rejects/, the label and code in the report). */
    public static final Column REASON = dimension("reason", Type.TEXT);
    public static final Column ROWS = count("rows");
    public static final Schema REJECTS_BY_REASON = Schema.of("rejects_by_reason", REASON, ROWS);

    /** input_files: each file read, to trace the report to the exact extract. */
    public static final Column NAME = dimension("name", Type.TEXT);
    public static final Column FORMAT = dimension("format", Type.TEXT);
    public static final Column SIZE = dimension("size", Type.LONG);
    public static final Column SHA256 = dimension("sha256", Type.TEXT);
    public static final Schema INPUT_FILES = Schema.of("input_files", NAME, FORMAT, SIZE, SHA256);

    /** parameters: the run's settings, versions and stage timings, as text. */
    public static final Column PARAMETER = dimension("parameter", Type.TEXT);
    public static final Schema PARAMETERS = Schema.of("parameters", PARAMETER, VALUE);

    /** Every report table of a fixed shape. */
    public static final List<Schema> FIXED = List.of(QUALITY, REJECTS_BY_REASON, INPUT_FILES, PARAMETERS);

    /** Every table a run publishes or the report shows, flow and scenario tables first. */
    public static List<Schema> all() {
        List<Schema> all = new ArrayList<>(FlowSchemas.ALL);
        all.addAll(ScenarioTables.all());
        all.addAll(FIXED);
        return all;
    }

    /** The schema of a table by its name, or null for a table of no fixed shape. */
    static Schema published(String tableName) {
        return all().stream().filter(s -> s.matches(tableName)).findFirst().orElse(null);
    }

    static final String CARE_USE = "care_use_";

    /**
     * care_use_&lt;year&gt;: the memo's layout, one column per area named as the reader knows it, each cell
     * "children · cost" already worded.
     */
    static Schema careUse(Object year, List<String> areaNames) {
        List<Column> columns = new ArrayList<>(List.of(Dimensions.PRODUCT_GROUP));
        for (String a : areaNames) columns.add(dimension(a, Type.TEXT));
        return Schema.of(CARE_USE + year, columns);
    }
}
