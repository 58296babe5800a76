package nl.voorkant.ingest;

import static org.apache.spark.sql.functions.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import nl.voorkant.core.Folders;
import nl.voorkant.core.StoragePath;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Splits the parsed lines of every claims file ({@link ParsedCache}) into accepted claims and
 * quarantined rows with reason, source file and line, and counts what was read, kept and rejected.
 * A line's number is the lines of the earlier partitions of its file plus its position.
 */
public final class ClaimIngest {
    private ClaimIngest() {}

    /** One claims file; {@code format} is csv, parquet, xlsx or ijw (an XML message, see {@link IjwMessages}). */
    public record InputFile(int index, String name, StoragePath path, long size, String format, String sha256) {
        public boolean parquet() {
            return format.equals("parquet");
        }

        public boolean ijw() {
            return format.equals("ijw");
        }
    }

    /**
     * @param dates the accepted lines' declaration dates as the parse counted them, or null where it cannot
     *              tell them (dated lines among repeated claim ids, whose later copies are not accepted)
     * @param byClient whether {@code accepted} is hash-partitioned by {@code client_key} already (parsed
     *                 without a lasting cache, no claim id repeated: see {@link ParsedCache#parsed})
     */
    public record Result(Dataset<Row> accepted, Dataset<Row> rejects, IngestSummary summary, List<ParsedCache.Entry> entries,
                         DeclarationDates dates, boolean byClient) {}

    /** How many accepted lines have a declaration date and how many not, and the latest date (null when none has). */
    public record DeclarationDates(long dated, long undated, LocalDate latest) {}

    /** The columns of an accepted claim, as the flow stage reads them. */
    public static final List<String> ACCEPTED_COLUMNS = List.of("claim_id", "client_key", "birth_year",
            "municipality_code", "product_category", "product_code", "product_group", "provision", "provider_code",
            "referrer", "start_day", "end_day", "volume", "unit", "amount_cents", "debit_credit", "declaration_day");

    /**
     * The files of a claims path: one file, or every CSV (plain or gzip), Parquet, .xlsx and iJw XML
     * file below a folder; a local path or a Hadoop FileSystem URI.
     */
    public static List<InputFile> listInputs(StoragePath claims) {
        List<StoragePath.Status> found = new ArrayList<>();
        boolean folder;
        try {
            StoragePath.Status root = claims.status().orElseThrow(() -> new InputError("claims not found: " + claims));
            folder = claims.isDirectory();
            if (folder) {
                // Hidden and underscore names (a cache folder, Spark's _SUCCESS) are not claims, nor is
                // the ~$ owner file Excel keeps beside a workbook it has open. A local link to a file counts.
                for (StoragePath.Status s : claims.walk()) {
                    boolean file = s.kind() == StoragePath.Kind.FILE || s.kind() == StoragePath.Kind.LINK && s.path().isFile();
                    if (file && !hidden(claims.relative(s.path())) && !s.path().name().startsWith("~$")) found.add(s);
                }
                found.sort(Comparator.comparing(s -> s.path().toString()));
            } else {
                found.add(root);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InputError("cannot list " + claims + ": " + Folders.reason(e));
        }
        for (StoragePath.Status s : found) {
            StoragePath p = s.path();
            String name = p.name().toLowerCase(Locale.ROOT);
            if (name.endsWith(".xls")) {
                // Refused, not skipped: figures without one of the extract's files would look complete.
                throw new InputError(p + ": an Excel 97-2003 workbook (.xls) is not read; save it as .xlsx "
                        + "(Excel Workbook) or CSV");
            }
            if (format(p.name()) == null) {
                throw new InputError("unsupported claims file " + p + " (use .csv, .csv.gz, .parquet, .xlsx or iJw .xml)");
            }
        }
        if (found.isEmpty()) throw new InputError("no claims files in " + claims);
        // The checksums name the extract in the manifest and key the parsed cache; the files are read in parallel.
        List<String> sha256 = found.parallelStream().map(s -> sha256(s.path())).toList();
        List<InputFile> files = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            StoragePath p = found.get(i).path();
            String shown = folder ? claims.relative(p) : p.name();
            try {
                long size = found.get(i).kind() == StoragePath.Kind.FILE ? found.get(i).size() : p.size();
                files.add(new InputFile(i, shown, p, size, format(p.name()), sha256.get(i)));
            } catch (IOException e) {
                throw new InputError("cannot read " + p + ": " + Folders.reason(e));
            }
        }
        return files;
    }

    /** Whether a relative path has a hidden or underscore part. */
    private static boolean hidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".") || part.startsWith("_")) return true;
        }
        return false;
    }

    /**
     * The reader a file's name asks for; null when none. An .xml file goes to the iJw reader, which
     * then tells the message by its root element and namespace (or BerichtCode), not by the name.
     */
    private static String format(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet")) return "parquet";
        if (name.endsWith(".xml")) return "ijw";
        if (WorkbookSheet.isWorkbook(name)) return "xlsx";
        if (name.endsWith(".csv") || name.endsWith(".csv.gz") || name.endsWith(".txt")) return "csv";
        return null;
    }

    private static String sha256(StoragePath file) {
        try (InputStream in = file.open()) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new InputError("cannot read " + file + ": " + Folders.reason(e));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Result ingest(SparkSession spark, List<InputFile> files, ClaimParser parser, ParsedCache cache) {
        ParsedCache.Parsed parsed = cache.parsed(spark, files, parser);
        List<ParsedCache.Entry> entries = parsed.entries();
        Dataset<Row> lines = parsed.lines()
                .withColumn("ord", order(col("file"), col("part"), col("record")));
        Map<String, long[]> totals = new LinkedHashMap<>();
        for (ParsedCache.Entry e : entries) e.totals().forEach((reason, t) -> ParsedCache.add(totals, reason, t[0], t[1], t[2]));
        Dataset<Row> valid = lines.filter(col("reject_reason").isNull());
        // A file's copy shares its entry, so its runs count twice: its claims repeat.
        List<StoragePath> runs = new ArrayList<>();
        for (ParsedCache.Entry e : entries) runs.addAll(e.hashRuns());
        List<Row> repeatedHashes = ClaimHashes.repeated(runs).stream().map(h -> RowFactory.create(h)).toList();
        Dataset<Row> accepted = valid;
        Dataset<Row> laterCopies = null;
        long[] later = new long[3];
        // Only lines whose claim id hash repeats are looked at by their exact claim id: none, in clean data.
        if (!repeatedHashes.isEmpty()) {
            Dataset<Row> hashes = spark.createDataFrame(repeatedHashes,
                    new StructType().add("claim_hash", DataTypes.LongType, false));
            Dataset<Row> repeated = repeatedIds(valid.join(broadcast(hashes), "claim_hash")).cache();
            Row sums = repeated.agg(sum(col("n").minus(1)), sum(col("cents").minus(col("first_cents"))),
                    sum(col("net_cents").minus(col("first_net_cents")))).first();
            for (int i = 0; i < 3; i++) later[i] = sums.isNullAt(i) ? 0 : sums.getLong(i);
            Dataset<Row> firsts = repeated.select("claim_id", "first");
            accepted = valid.join(firsts, "claim_id", "left")
                    .filter(col("first").isNull().or(col("first").equalTo(col("ord"))));
            laterCopies = valid.join(firsts, "claim_id").filter(col("first").notEqual(col("ord")));
        }
        IngestSummary summary = summarise(totals, later);
        Dataset<Row> rejected = lines.filter(col("reject_reason").isNotNull());
        if (laterCopies != null) {
            rejected = rejected.union(laterCopies.select(
                    Arrays.stream(rejected.columns()).map(c -> col(c)).toArray(Column[]::new))
                    .map((MapFunction<Row, Row>) r -> duplicateRow(r, parser), Encoders.row(rejected.schema())));
        }
        Dataset<Row> rejects = rejectsWithLines(rejected, lineStarts(spark, entries), files);
        ParsedCache.Declared declared = ParsedCache.Declared.NONE;
        for (ParsedCache.Entry e : entries) declared = declared.plus(e.declared());
        DeclarationDates dates = later[0] > 0 && declared.lines() > 0 ? null : new DeclarationDates(declared.lines(),
                summary.rowsAccepted() - declared.lines(), declared.lines() == 0 ? null : LocalDate.ofEpochDay(declared.latestDay()));
        return new Result(accepted.select(ACCEPTED_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new)),
                rejects, summary, entries, dates, parsed.byClient() && laterCopies == null);
    }

    /** The read order as one long: file, partition, record. */
    static Column order(Column file, Column part, Column record) {
        return shiftleft(file.cast("long"), 48).bitwiseOR(shiftleft(part.plus(1).cast("long"), 32)).bitwiseOR(record);
    }

    /**
     * A duplicate passed every check, so its raw fields are rebuilt from the typed ones, with the
     * client id and any other BSN-shaped number (a BSN typed as claim id) as pseudonym, like every reject.
     */
    private static Row duplicateRow(Row r, ClaimParser parser) {
        Object[] v = new Object[r.length()];
        for (int i = 0; i < v.length; i++) v[i] = r.get(i);
        String claimId = r.getAs("claim_id");
        Integer birth = r.getAs("birth_year");
        String[] raw = {claimId, Pseudonymiser.hex(r.<Long>getAs("client_key")), birth == null ? "" : birth.toString(),
                r.getAs("municipality_code"), orEmpty(r.getAs("product_category")), r.getAs("product_code"),
                orEmpty(r.getAs("provider_code")), orEmpty(r.getAs("referrer")),
                LocalDate.ofEpochDay(r.<Integer>getAs("start_day")).toString(),
                LocalDate.ofEpochDay(r.<Integer>getAs("end_day")).toString(), Double.toString(r.<Double>getAs("volume")),
                orEmpty(r.getAs("unit")), java.math.BigDecimal.valueOf(r.<Long>getAs("amount_cents"), 2).toPlainString(),
                r.getAs("debit_credit"), day(r.getAs("declaration_day"))};
        for (int i = 0; i < raw.length; i++) if (i != ClaimColumns.CLIENT_ID) raw[i] = parser.pseudonymised(raw[i]);
        v[r.fieldIndex("reject_reason")] = ClaimParser.Reason.DUPLICATE_CLAIM_ID.code();
        v[r.fieldIndex("reject_detail")] = "claim_id '" + raw[ClaimColumns.CLAIM_ID] + "' first seen at an earlier line";
        v[r.fieldIndex("raw")] = scala.jdk.javaapi.CollectionConverters.asScala(List.of(raw)).toSeq();
        return RowFactory.create(v);
    }

    private static String day(Integer epochDay) {
        return epochDay == null ? "" : LocalDate.ofEpochDay(epochDay).toString();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static Column signedCents() {
        return when(col("debit_credit").equalTo("C"), negate(col("amount_cents"))).otherwise(col("amount_cents"));
    }

    /** The claim ids more than one of the valid {@code lines} use: first line ({@code ord}), rows, amounts. */
    static Dataset<Row> repeatedIds(Dataset<Row> lines) {
        return lines.select(col("claim_id"), col("ord"), col("amount_cents"), signedCents().as("signed_cents"))
                .groupBy(col("claim_id"))
                .agg(count(lit(1)).as("n"), min("ord").as("first"),
                     coalesce(sum("amount_cents"), lit(0L)).as("cents"),
                     coalesce(sum("signed_cents"), lit(0L)).as("net_cents"),
                     coalesce(min_by(col("amount_cents"), col("ord")), lit(0L)).as("first_cents"),
                     coalesce(min_by(col("signed_cents"), col("ord")), lit(0L)).as("first_net_cents"))
                .filter(col("n").gt(1));
    }

    /**
     * The totals per reason, with the later copies of repeated claim ids moved from accepted to
     * duplicate: {@code later} holds their rows, amount and net amount.
     */
    static IngestSummary summarise(Map<String, long[]> perReason, long[] later) {
        long read = 0, accepted = 0, amountRead = 0, amountAccepted = 0, netAccepted = 0;
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (ClaimParser.Reason r : ClaimParser.Reason.values()) byReason.put(r.code(), 0L);
        for (Map.Entry<String, long[]> e : perReason.entrySet()) {
            long rows = e.getValue()[0], cents = e.getValue()[1];
            read += rows;
            amountRead += cents;
            if (e.getKey().equals(ParsedCache.VALID)) {
                accepted = rows - later[0];
                amountAccepted = cents - later[1];
                netAccepted = e.getValue()[2] - later[2];
            } else {
                byReason.put(e.getKey(), rows);
            }
        }
        byReason.merge(ClaimParser.Reason.DUPLICATE_CLAIM_ID.code(), later[0], Long::sum);
        return new IngestSummary(read, accepted, read - accepted, amountRead, amountAccepted,
                amountRead - amountAccepted, netAccepted, byReason);
    }

    /** For each CSV partition, the number of lines of its file before it. */
    private static Dataset<Row> lineStarts(SparkSession spark, List<ParsedCache.Entry> entries) {
        List<Row> rows = new ArrayList<>();
        for (ParsedCache.Entry e : entries) {
            long before = 0;
            for (Map.Entry<Integer, Long> c : new java.util.TreeMap<>(e.linesPerPartition()).entrySet()) {
                rows.add(RowFactory.create(e.file().index(), c.getKey(), before));
                before += c.getValue();
            }
        }
        StructType schema = new StructType().add("ls_file", DataTypes.IntegerType).add("ls_part", DataTypes.IntegerType)
                .add("lines_before", DataTypes.LongType);
        return spark.createDataFrame(rows, schema);
    }

    static Dataset<Row> rejectsWithLines(Dataset<Row> rejected, Dataset<Row> lineStarts, List<InputFile> files) {
        List<Column> names = new ArrayList<>();
        for (InputFile f : files) names.add(lit(f.name()));
        Dataset<Row> j = rejected.join(broadcast(lineStarts), rejected.col("file").equalTo(lineStarts.col("ls_file"))
                .and(rejected.col("part").equalTo(lineStarts.col("ls_part"))), "left");
        List<Column> out = new ArrayList<>();
        out.add(element_at(array(names.toArray(Column[]::new)), col("file").plus(1)).as("source_file"));
        out.add(when(col("part").lt(0), col("record").plus(1))
                .otherwise(col("lines_before").plus(col("record")).plus(1)).as("line"));
        out.add(col("reject_reason").as("reason"));
        out.add(col("reject_detail").as("detail"));
        for (int i = 0; i < ClaimColumns.REJECT_COLUMNS.size(); i++) {
            out.add(col("raw").getItem(i).as(ClaimColumns.REJECT_COLUMNS.get(i)));
        }
        return j.select(out.toArray(Column[]::new));
    }
}
