package nl.voorkant.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeMap;
import nl.voorkant.core.CsvText;
import nl.voorkant.core.Folders;
import nl.voorkant.core.StoragePath;
import nl.voorkant.core.Table;
import nl.voorkant.ingest.IngestSummary;
import nl.voorkant.ingest.InputError;
import nl.voorkant.report.ReportTables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/** Spark-written outputs that the user expects as one plain file. */
final class OutputFiles {
    private OutputFiles() {}

    /**
     * The quarantined rows as {@code dir/rejects.csv}, ordered by file and line; a header even when there
     * are none. Spark's executors write it, so {@code dir} is on storage they reach (the run's work folder).
     * With none ({@code count}, the ingest's own total), the header is all there is: no Spark job reads the
     * parsed lines again to find that out.
     */
    static void writeRejects(Dataset<Row> rejects, long count, StoragePath dir) {
        if (count == 0) {
            try (java.io.OutputStream out = dir.resolve(AnalyseCommand.REJECTS_FILE).create()) {
                out.write((String.join(",", rejects.columns()) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new InputError("cannot write the rejects in " + dir + ": " + Folders.reason(e));
            }
            return;
        }
        StoragePath sparkDir = dir.resolve(".spark");
        try {
            inert(rejects).repartition(1).sortWithinPartitions("source_file", "line")
                    .write().mode("overwrite").option("header", "true").option("escape", "\"").option("emptyValue", "")
                    .csv(sparkDir.uri());
        } catch (Exception e) { // Spark's own SparkException is checked, thrown without a declaration
            String full = Folders.spaceProblem(e).orElse(null);
            if (full != null) throw new InputError("cannot write the rejects in " + dir + ": " + full);
            throw e;
        }
        try {
            StoragePath part = sparkDir.list().stream().map(StoragePath.Status::path).filter(p -> p.name().startsWith("part-"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("Spark wrote no rejects file"));
            StoragePath file = dir.resolve(AnalyseCommand.REJECTS_FILE);
            file.deleteTree();
            part.moveTo(file);
            sparkDir.deleteTree();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final UserDefinedFunction INERT =
            udf((UDF1<String, String>) s -> s == null ? null : CsvText.inert(s), DataTypes.StringType);

    /** Every text column as {@link CsvText} writes text: a rejected line's fields are the provider's, as they came. */
    static Dataset<Row> inert(Dataset<Row> rows) {
        return rows.select(Arrays.stream(rows.schema().fields())
                .map(f -> f.dataType().equals(DataTypes.StringType) ? INERT.apply(col(f.name())).as(f.name()) : col(f.name()))
                .toArray(Column[]::new));
    }

    /** The rejected rows per reason as {@code dir/rejects_by_reason.csv}: counts only, fit for a published folder. */
    static void writeRejectsByReason(IngestSummary s, Path dir) throws IOException {
        Table.Builder t = ReportTables.REJECTS_BY_REASON.builder();
        new TreeMap<>(s.rejectsByReason()).forEach(t::row);
        t.build().writeCsv(dir.resolve(ReportTables.REJECTS_BY_REASON.name() + ".csv"));
    }
}
