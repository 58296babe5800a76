package nl.voorkant.sample;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import nl.voorkant.core.Hash64;
import nl.voorkant.core.SeedFigures;
import nl.voorkant.ingest.ClaimParser;
import nl.voorkant.sample.Catalogue.Group;
import nl.voorkant.sample.Municipalities.Municipality;
import nl.voorkant.sample.Targets.YearTarget;

/**
 * The synthetic claims generator. {@link #generate} writes {@code OUT/claims/claims_YYYY.csv[.gz]}
 * (canonical columns, one file per year; or as {@link Format#XLSX} workbooks) and the matching
 * catalogue in {@code OUT/reference/} ({@code municipalities.csv}, {@code products.csv}). With the default options it regenerates the
 * shipped sample byte for byte: {@code generate(Options.defaults(), Path.of("data"))}.
 */
public final class SampleGenerator {
    private SampleGenerator() {}

    public static final long DEFAULT_SEED = 20_180_101L;
    /**
     * Simulated always, whatever years are written, so a year's claims do not depend on a range asked
     * within these years. Later years are simulated on, but their clients take numbers from the same
     * sequence, so asking for them changes the earlier years' lines too (not the shipped sample's).
     */
    static final int SIMULATED_FIRST_YEAR = 2016;
    static final int SIMULATED_LAST_YEAR = 2020;
    static final int MIN_YEAR = 2011;
    static final int MAX_YEAR = 2029;

    /**
     * @param scale     municipalities = round(4 × scale); 1 = the four of Drechtsteden-Noord, more adds synthetic ones
     * @param firstYear first year written (default 2016)
     * @param lastYear  last year written (default 2020)
     * @param seed      the random seed (default {@link #DEFAULT_SEED}, the shipped sample)
     * @param gzip      write .csv.gz (default, as shipped) or plain .csv
     * @param defects   add defective rows of every kind (default); off gives clean data for peers
     * @param format    the files' format (default CSV, as shipped)
     * @param declarations whether to write declaration dates, and up to which date (default none, as shipped)
     * @param singleFile one CSV for all years, {@code claims_FIRST-LAST.csv[.gz]}, as a national extract arrives
     *                  (default off: one file per year, as shipped)
     */
    public record Options(double scale, int firstYear, int lastYear, long seed, boolean gzip, boolean defects,
                          Format format, Declarations declarations, boolean singleFile) {
        public Options {
            if (!(scale > 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("scale must be a positive number, got " + scale);
            }
            if (declarations.on() && format != Format.CSV) {
                throw new IllegalArgumentException("declaration dates are written to csv only");
            }
            // The cut to an extract date and the iJw conversion rewrite yearly files.
            if (singleFile && (format != Format.CSV || declarations.extractDate() != null)) {
                throw new IllegalArgumentException("a single file is written as csv, without an extract date");
            }
            if (firstYear < MIN_YEAR || lastYear > MAX_YEAR || firstYear > lastYear) {
                throw new IllegalArgumentException("years must lie within " + MIN_YEAR + "-" + MAX_YEAR
                        + ", first before last, got " + firstYear + "-" + lastYear);
            }
        }

        public static Options defaults() {
            return new Options(1, SIMULATED_FIRST_YEAR, SIMULATED_LAST_YEAR, DEFAULT_SEED, true, true, Format.CSV,
                    Declarations.NONE, false);
        }

        public Options withScale(double s) { return new Options(s, firstYear, lastYear, seed, gzip, defects, format, declarations, singleFile); }
        public Options withYears(int first, int last) { return new Options(scale, first, last, seed, gzip, defects, format, declarations, singleFile); }
        public Options withSeed(long s) { return new Options(scale, firstYear, lastYear, s, gzip, defects, format, declarations, singleFile); }
        public Options withGzip(boolean g) { return new Options(scale, firstYear, lastYear, seed, g, defects, format, declarations, singleFile); }
        public Options withDefects(boolean d) { return new Options(scale, firstYear, lastYear, seed, gzip, d, format, declarations, singleFile); }
        public Options withFormat(Format f) { return new Options(scale, firstYear, lastYear, seed, gzip, defects, f, declarations, singleFile); }
        public Options withDeclarations(Declarations d) {
            return new Options(scale, firstYear, lastYear, seed, gzip, defects, format, d, singleFile);
        }
        public Options withSingleFile(boolean one) {
            return new Options(scale, firstYear, lastYear, seed, gzip, defects, format, declarations, one);
        }

        /** Parses "2016-2020" or a single year "2018". */
        public Options withYears(String range) {
            String[] parts = range.trim().split("-", -1);
            try {
                int first = Integer.parseInt(parts[0].trim());
                int last = parts.length == 1 ? first : Integer.parseInt(parts[1].trim());
                if (parts.length > 2) {
                    throw new NumberFormatException();
                }
                return withYears(first, last);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("years must look like 2016-2020, got '" + range + "'");
            }
        }
    }

    /**
     * Declaration dates ({@link DeclarationDelays}): none, all, or only the lines declared by
     * {@code extractDate}, as an extract taken that day holds them.
     */
    public record Declarations(boolean on, java.time.LocalDate extractDate) {
        public static final Declarations NONE = new Declarations(false, null);
    }

    /** What was written: rows per year file (defective rows included) and defective rows per reject reason. */
    public record Summary(Path claimsDir, Path referenceDir, int municipalities, Map<Integer, Long> rowsPerYear,
                          Map<ClaimParser.Reason, Long> defects) {
        public long rows() {
            return rowsPerYear.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public static Summary generate(Options asked, Path outDir) throws IOException {
        // A defect such as an unreadable date has no place in an iJw message: messages are the clean claims.
        Options options = asked.format() == Format.IJW ? asked.withDefects(false) : asked;
        Path claimsDir = outDir.resolve("claims");
        Path referenceDir = outDir.resolve("reference");
        Files.createDirectories(claimsDir);
        deleteOldClaimFiles(claimsDir);
        List<Municipality> municipalities = Municipalities.forScale(options.scale(), options.seed());
        Municipalities.writeCsv(municipalities, referenceDir.resolve("municipalities.csv"));
        Catalogue.writeProductsCsv(referenceDir.resolve("products.csv"));

        DeclarationDelays delays = options.declarations().on()
                ? DeclarationDelays.of(options.seed(), options.declarations().extractDate()) : DeclarationDelays.NONE;
        // With a single file every year maps to its one writer, closed once.
        Map<Integer, ClaimWriter> writers = new TreeMap<>();
        ClaimEmitter emitter;
        try {
            ClaimWriter single = options.singleFile() ? new ClaimWriter(
                    csv(claimsDir, options.firstYear() + "-" + options.lastYear(), options.gzip()),
                    delays.header(ClaimWriter.HEADER)) : null;
            for (int y = options.firstYear(); y <= options.lastYear(); y++) {
                writers.put(y, single != null ? single
                        : new ClaimWriter(open(claimsDir, y, options), delays.header(ClaimWriter.HEADER)));
            }
            emitter = new ClaimEmitter(writers, options.firstYear(), options.lastYear(), options.defects(), delays);
            Bsn ids = new Bsn();
            for (Municipality m : municipalities) {
                generateMunicipality(m, options, ids, emitter);
            }
        } finally {
            for (ClaimWriter w : new LinkedHashSet<>(writers.values())) {
                w.close();
            }
        }
        if (options.format() == Format.IJW) IjwWriter.convert(claimsDir);
        Map<Integer, Long> kept = delays.cut(claimsDir);
        Map<Integer, Long> rows = new LinkedHashMap<>();
        for (int y = options.firstYear(); y <= options.lastYear(); y++) {
            rows.put(y, kept.getOrDefault(y, emitter.rowsPerYear()[y - options.firstYear()]));
        }
        return new Summary(claimsDir, referenceDir, municipalities.size(), Collections.unmodifiableMap(rows),
                Collections.unmodifiableMap(new EnumMap<>(emitter.defects())));
    }

    private static void generateMunicipality(Municipality m, Options o, Bsn ids, ClaimEmitter emitter)
            throws IOException {
        int simFirst = Math.min(o.firstYear(), SIMULATED_FIRST_YEAR);
        int simLast = Math.max(o.lastYear(), SIMULATED_LAST_YEAR);
        Map<Group, List<Trajectory>> trajectories = new LinkedHashMap<>();
        Map<Group, Map<Integer, YearTarget>> targets = new LinkedHashMap<>();
        double marketMonths = 0;
        for (Group g : Catalogue.GROUPS) {
            Map<Integer, YearTarget> t = g.local() ? Targets.local(marketMonths)
                    : Targets.market(m, g, random(o.seed(), m, g, 0));
            List<Trajectory> ts = CellSimulator.simulate(g, t, simFirst, simLast, random(o.seed(), m, g, 1), ids);
            if (!g.local()) {
                marketMonths += CellSimulator.clientMonths(ts, SeedFigures.MEMO_YEAR);
            }
            targets.put(g, t);
            trajectories.put(g, ts);
        }
        int firstMonth = Months.index(o.firstYear(), 1);
        int lastMonth = Months.index(o.lastYear(), 12);
        for (Group g : Catalogue.GROUPS) {
            List<Trajectory> ts = trajectories.get(g);
            List<CellClaims.Line> lines = CellClaims.build(ts, firstMonth, lastMonth, random(o.seed(), m, g, 2));
            CellClaims.price(lines, CellClaims.yearCosts(ts, targets.get(g), o.firstYear(), o.lastYear()));
            emitter.emit(m.code(), g, lines, random(o.seed(), m, g, 3), random(o.seed(), m, g, 4));
        }
    }

    /** One independent stream per municipality, group and purpose: switching defects off changes nothing else. */
    private static SplittableRandom random(long seed, Municipality m, Group g, int purpose) {
        return new SplittableRandom(seed * Hash64.GOLDEN_GAMMA + m.code().hashCode() * 1_000_003L
                + g.id().hashCode() * 8_191L + purpose);
    }

    private static OutputStream open(Path dir, int year, Options o) throws IOException {
        return switch (o.format()) {
            case CSV -> csv(dir, String.valueOf(year), o.gzip());
            case XLSX -> new ClaimWorkbook(dir.resolve("claims_" + year + ".xlsx"));
            // Plain CSV first, rewritten as messages once every year is written.
            case IJW -> csv(dir, String.valueOf(year), false);
        };
    }

    /** {@code years}: one year, or FIRST-LAST for a single file. */
    private static OutputStream csv(Path dir, String years, boolean gzip) throws IOException {
        Path file = dir.resolve("claims_" + years + (gzip ? ".csv.gz" : ".csv"));
        OutputStream raw = Files.newOutputStream(file);
        // GZIPOutputStream writes no time stamp, so the same data gives the same bytes.
        return gzip ? new GZIPOutputStream(raw, 1 << 16) : new BufferedOutputStream(raw, 1 << 16);
    }

    /** Files of an earlier run in another format would otherwise be read twice. */
    private static void deleteOldClaimFiles(Path dir) throws IOException {
        List<Path> old = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir,
                "claims_[0-9][0-9][0-9][0-9]{,-[0-9][0-9][0-9][0-9]}.{csv,csv.gz,xlsx}")) {
            s.forEach(old::add);
        }
        for (String message : List.of("jw323", "jw301", "jw315")) {
            Path folder = dir.resolve(message);
            if (!Files.isDirectory(folder)) continue;
            try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, "*.xml")) {
                s.forEach(old::add);
            }
        }
        for (Path p : old) {
            Files.delete(p);
        }
    }
}
