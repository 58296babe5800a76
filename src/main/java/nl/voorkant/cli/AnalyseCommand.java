package nl.voorkant.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import nl.voorkant.core.ParquetTables;
import nl.voorkant.core.Progress;
import nl.voorkant.core.Table;
import nl.voorkant.flow.Disclosure;
import nl.voorkant.flow.FlowMetrics;
import nl.voorkant.flow.MonthActivity;
import nl.voorkant.flow.tables.Revisions;
import nl.voorkant.ingest.ClaimIngest;
import nl.voorkant.ingest.ClaimParser;
import nl.voorkant.ingest.IngestSummary;
import nl.voorkant.ingest.InputError;
import nl.voorkant.ingest.InputFiles;
import nl.voorkant.ingest.ParsedCache;
import nl.voorkant.ingest.Pseudonymiser;
import nl.voorkant.ingest.Reference;
import nl.voorkant.ingest.SparkSessions;
import nl.voorkant.nowcast.EarlierRun;
import nl.voorkant.nowcast.Nowcast;
import nl.voorkant.report.Report;
import nl.voorkant.scenario.ScenarioConfig;
import nl.voorkant.scenario.ScenarioRun;
import org.apache.spark.sql.SparkSession;

/** {@code ./run.sh analyse}: claims in, report folder out. */
final class AnalyseCommand {
    private AnalyseCommand() {}

    /** Care under the Jeugdwet began on 2015-01-01; a delivered period after this year is not plausible. */
    static final LocalDate DEFAULT_WINDOW_START = LocalDate.of(2015, 1, 1);
    static final Path DEFAULT_SCENARIOS = Path.of("data/scenarios.yaml");
    static final String DEFAULT_CACHE = ".voorkant-cache";

    static Options options() {
        return new Options("analyse")
                .value("claims", "claims CSV/Parquet file or folder (default data/claims)")
                .value("reference", "folder with products.csv and municipalities.csv (default data/reference)")
                .value("out", "output folder (default reports/<timestamp>, with reports/latest pointing at it)")
                .value("rejects", "folder for the line-level rejects.csv in publish mode (default <out's folder>/.internal/<out's name>)")
                .value("master", "Spark master URL (default local[*], or spark-submit's --master; e.g. spark://host:7077)")
                .value("lang", "report language: nl (default) or en")
                .value("disclosure", "publish (default: counts 1-4 left empty, with what would give them away) or internal (all figures)")
                .value("max-gap", "months without care that still continue a trajectory (default 1)")
                .value("window", "plausible delivery period FROM:TO (default 2015-01-01:<end of this year>)")
                .value("cache", "folder for parsed claims, reused by later runs (default .voorkant-cache)")
                .flag("no-cache", "parse every claims file again and keep nothing")
                .value("key-file", "file with the pseudonymisation key (else $VOORKANT_PSEUDONYM_KEY, "
                        + "$VOORKANT_PSEUDONYM_KEY_FILE, or this installation's own key, made on first use)")
                .value("extract-date", "the extract's date yyyy-MM-dd, from which the newest months' completeness is "
                        + "counted (default the latest declaration date; without those, the end of the last care month)")
                .value("scenarios", "scenario file (default data/scenarios.yaml when present; 'none' to skip)");
    }

    static int run(List<String> args) {
        Options o = options();
        if (!o.parse(args, "[OPTIONS]")) return 0;
        Path claims = o.existingPath("claims", "data/claims");
        Path referenceDir = o.existingPath("reference", "data/reference");
        // Under spark-submit the master comes from its --master (as the spark.master property).
        String master = o.get("master", System.getProperty("spark.master", "local[*]"));
        String lang = o.choice("lang", "nl", "nl", "en");
        Disclosure.Mode disclosure = Disclosure.mode(o.choice("disclosure", "publish", "publish", "internal"));
        int maxGap = o.intValue("max-gap", 1, 0, 24);
        LocalDate[] window = window(o.get("window", null));
        LocalDate extractDate = Nowcast.extractDate(o.get("extract-date", null));
        Path keyFile = o.has("key-file") ? o.existingPath("key-file", null) : null;
        String scenariosOption = o.get("scenarios", Files.exists(DEFAULT_SCENARIOS) ? DEFAULT_SCENARIOS.toString() : "none");
        ScenarioConfig scenarios = scenariosOption.equals("none") ? null
                : ScenarioConfig.load(o.existingPath("scenarios", scenariosOption)).withReference(referenceDir);
        boolean defaultOut = !o.has("out");
        Path target = defaultOut
                ? Path.of("reports", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
                : Path.of(o.get("out", null));
        boolean rejectsApart = disclosure == Disclosure.Mode.PUBLISH;
        Path rejectsTarget = o.has("rejects") ? Path.of(o.get("rejects", null)) : null;
        if (!rejectsApart && rejectsTarget != null) {
            throw new InputError("analyse: --rejects is for --disclosure publish; internal mode keeps rejects/rejects.csv in the report");
        }
        // A refused --out or --rejects stops the run before anything is created.
        if (!defaultOut) OutputFolder.refuseUnlessReplaceable(target);
        if (rejectsApart && (rejectsTarget != null || !defaultOut)) {
            OutputFolder.refuseUnlessReplaceable(rejectsTarget(target, rejectsTarget));
        }

        Progress progress = new Progress(System.out);
        progress.stage("reference", referenceDir.toString());
        Reference reference = Reference.load(referenceDir);
        List<ClaimIngest.InputFile> files = ClaimIngest.listInputs(claims);
        Pseudonymiser pseudonymiser = Pseudonymiser.fromEnvironment(keyFile);

        OutputFolder folder = defaultOut ? OutputFolder.unique(target, true) : OutputFolder.replacing(target, true);
        OutputFolder rejectsFolder = null;
        Path out = folder.work();
        boolean done = false;
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = null;
        // Without a lasting cache the parsed files live in the run's work folder, removed with it if the run dies.
        try (ParsedCache cache = cache(o, out)) {
            if (rejectsApart) rejectsFolder = OutputFolder.replacing(rejectsTarget(folder.target(), rejectsTarget), false);
            Path rejectsDir = rejectsApart ? rejectsFolder.work() : out.resolve("rejects");
            String rejectsFile = rejectsApart ? shown(rejectsFolder.target().resolve(REJECTS_FILE))
                    : "rejects/" + REJECTS_FILE;

            progress.stage("spark", "starting " + master);
            // A caller that already runs Spark (the tests) keeps its session; one we start, we stop.
            spark = SparkSessions.create(master, "voorkant analyse");
            progress.stage("ingest", files.size() + " claims file(s) from " + claims);
            ClaimParser parser = new ClaimParser(reference, window[0], window[1], pseudonymiser);
            ClaimIngest.Result ingested = ClaimIngest.ingest(spark, files, parser, cache);
            IngestSummary s = ingested.summary();
            long reused = ingested.entries().stream().filter(ParsedCache.Entry::reused).count();
            progress.say(String.format("ingest: %,d rows read, %,d accepted, %,d rejected; %d of %d file(s) parsed "
                    + "this run, %d from the cache", s.rowsRead(), s.rowsAccepted(), s.rowsRejected(),
                    files.size() - reused, files.size(), reused));
            for (ParsedCache.Entry e : ingested.entries()) e.notes().forEach(n -> progress.say("  " + e.file().name() + ": " + n));
            Optional<Map<String, Object>> ijw = InputFiles.ijwSummary(ingested.entries());
            ijw.ifPresent(summary -> progress.say("ingest: iJw messages read "
                    + versionCounts((Map<?, ?>) summary.get("messages_read")) + "; " + summary.get("lines_without_referrer")
                    + " accepted line(s) without a referrer; " + ((List<?>) summary.get("files_unreadable")).size()
                    + " unreadable file(s); " + ((List<?>) summary.get("total_mismatches")).size()
                    + " message total(s) not matching their lines (see manifest.json, ijw)"));
            OutputFiles.writeRejects(ingested.rejects(), rejectsDir);
            OutputFiles.writeRejectsByReason(s, out.resolve("rejects"));

            progress.stage("flow", "trajectories, flows, durations, local share");
            FlowMetrics.Result flow = FlowMetrics.compute(ingested.accepted(), reference, maxGap);

            progress.stage("nowcast", "completeness of the newest months, late claims completed");
            Nowcast.Result nowcast = Nowcast.complete(ingested.accepted(), extractDate, flow.tables());

            ScenarioRun.Result scenarioResult = null;
            if (scenarios != null && !flow.tables().isEmpty()) {
                progress.stage("scenarios", scenariosOption);
                // Scenarios model the unsuppressed figures; disclosure then empties what would give a suppressed one away.
                scenarioResult = ScenarioRun.run(scenarios, flow.tables(), new java.io.PrintStream(
                        java.io.OutputStream.nullOutputStream()));
            }

            progress.stage("tables", "writing CSV and Parquet");
            Map<String, Table> all = new LinkedHashMap<>(nowcast.tables());
            if (scenarioResult != null) all.putAll(scenarioResult.tables());
            Disclosure.Published disclosed = Disclosure.publish(all, disclosure, reference);
            EarlierRun.Found earlier = EarlierRun.find(folder.target(), disclosure == Disclosure.Mode.PUBLISH);
            Map<String, Table> published = Nowcast.withRevisions(disclosed.tables(), earlier);
            for (Table t : published.values()) {
                t.writeCsv(out.resolve("tables").resolve(t.name() + ".csv"));
                ParquetTables.write(t, out.resolve("tables").resolve("parquet").resolve(t.name() + ".parquet"));
            }
            progress.finish();

            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("claims", claims.toString());
            parameters.put("reference", referenceDir.toString());
            parameters.put("out", shown(folder.target()));
            parameters.put("master", master);
            parameters.put("lang", lang);
            parameters.put("disclosure", disclosure.name().toLowerCase(java.util.Locale.ROOT));
            parameters.put("disclosure_threshold", Disclosure.THRESHOLD);
            parameters.put("max_gap", maxGap);
            parameters.put("window", window[0] + ":" + window[1]);
            parameters.put("cache", o.has("no-cache") ? "none" : cache.dir().toString());
            parameters.put("scenarios", scenariosOption);
            parameters.put("pseudonym_key_source", pseudonymiser.source());
            parameters.put("pseudonym_key_fingerprint", pseudonymiser.keyFingerprint());
            Map<String, Object> manifest = manifest(s, InputFiles.describe(ingested.entries()), parameters, flow, progress,
                    rejectsFile);
            manifest.put("disclosure", disclosed.summary());
            manifest.put("nowcast", nowcast.summary());
            manifest.put("revisions", Nowcast.revisionsSummary(earlier, published.get(Revisions.SCHEMA.name())));
            ijw.ifPresent(summary -> manifest.put("ijw", summary));
            progress.stage("report", "index.html, report.ipynb, tables.xlsx");
            Map<String, String> names = new LinkedHashMap<>();
            reference.municipalities().values().forEach(m -> names.put(m.code(), m.name()));
            Report.write(out, published, manifest, scenarioResult == null ? List.of() : scenarioResult.notes(),
                    names, lang);
            progress.finish();
            // Written after the report, so that its timings include the report's own stage.
            manifest.put("stage_timings", progress.stageSeconds());
            writeJson(manifest, out.resolve("manifest.json"));
            if (s.rowsAccepted() == 0) {
                System.err.println("voorkant: no claim line was accepted: " + manifest.get("explanation"));
            }
            cache.close(); // before the commit: a temporary cache is inside the work folder
            // The rejects first, so that the report never names a file that is not there.
            if (rejectsApart) rejectsFolder.commit(false);
            folder.commit(defaultOut);
            done = true;
            progress.say("done: " + folder.target());
            if (rejectsApart) progress.say("rejects: " + rejectsFile + " (line-level, not for sharing)");
            return 0;
        } catch (IOException e) {
            throw new InputError("cannot write the report " + folder.target() + ": " + OutputFolder.cause(e));
        } finally {
            if (!done) {
                folder.abandon();
                if (rejectsFolder != null) rejectsFolder.abandon();
            }
            if (ownSession && spark != null) spark.stop();
        }
    }

    static final String REJECTS_FILE = "rejects.csv";

    /**
     * Where the line-level rejects go in publish mode: {@code --rejects}, else {@code .internal/<name>}
     * beside the report, so that sharing the report folder (or zipping it) never takes them along.
     */
    static Path rejectsTarget(Path report, Path option) {
        Path abs = report.toAbsolutePath().normalize();
        Path rejects = option != null ? option.toAbsolutePath().normalize()
                : abs.resolveSibling(".internal").resolve(abs.getFileName());
        if (rejects.startsWith(abs) || abs.startsWith(rejects)) {
            throw new InputError("analyse: --rejects " + rejects + " must be outside the report folder " + abs);
        }
        return rejects;
    }

    /** A path as the user would type it: relative to the working folder when it lies below it. */
    static String shown(Path p) {
        Path here = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(here) && !abs.equals(here) ? here.relativize(abs).toString() : abs.toString();
    }

    /** Messages read per kind and version, as "JW323 3.2: 1,204" (or "none"). */
    static String versionCounts(Map<?, ?> read) {
        if (read.isEmpty()) return "none";
        StringBuilder s = new StringBuilder();
        read.forEach((version, n) -> s.append(s.length() == 0 ? "" : ", ").append(version).append(": ")
                .append(String.format("%,d", ((Number) n).longValue())));
        return s.toString();
    }

    /** The cache of parsed claims the options ask for; without one, a temporary folder in {@code temporaryIn}. */
    static ParsedCache cache(Options o, Path temporaryIn) {
        return o.has("no-cache") ? ParsedCache.temporary(temporaryIn) : ParsedCache.at(Path.of(o.get("cache", DEFAULT_CACHE)));
    }

    static LocalDate[] window(String spec) {
        if (spec == null) return new LocalDate[] {DEFAULT_WINDOW_START, LocalDate.of(LocalDate.now().getYear(), 12, 31)};
        String[] parts = spec.split(":");
        try {
            LocalDate from = LocalDate.parse(parts[0].strip());
            LocalDate to = LocalDate.parse(parts[1].strip());
            if (parts.length != 2 || to.isBefore(from)) throw new DateTimeParseException("", spec, 0);
            return new LocalDate[] {from, to};
        } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            throw new InputError("analyse: --window must be FROM:TO as yyyy-MM-dd:yyyy-MM-dd, got '" + spec + "'");
        }
    }

    static Map<String, Object> manifest(IngestSummary s, List<Map<String, Object>> files, Map<String, Object> parameters,
                                        FlowMetrics.Result flow, Progress progress, String rejectsFile) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "voorkant");
        m.put("command", "analyse");
        m.put("created", LocalDateTime.now().withNano(0).toString());
        m.put("rows_read", s.rowsRead());
        m.put("rows_accepted", s.rowsAccepted());
        m.put("rows_rejected", s.rowsRejected());
        m.put("amount_read", IngestSummary.euros(s.amountReadCents()).toPlainString());
        m.put("amount_accepted", IngestSummary.euros(s.amountAcceptedCents()).toPlainString());
        m.put("amount_rejected", IngestSummary.euros(s.amountRejectedCents()).toPlainString());
        m.put("amount_accepted_net", IngestSummary.euros(s.amountAcceptedNetCents()).toPlainString());
        m.put("reconciled", s.reconciles());
        m.put("rejects_by_reason", s.rejectsByReason());
        m.put("rejects_file", rejectsFile);
        m.put("input_files", files);
        if (!flow.months().isEmpty()) {
            m.put("period_first_month", MonthActivity.label(flow.months().first()));
            m.put("period_last_month", MonthActivity.label(flow.months().last()));
        }
        if (s.rowsAccepted() == 0) {
            m.put("explanation", s.rowsRead() == 0 ? "the claims files hold no data rows"
                    : "every row was rejected; see " + rejectsFile + " and rejects_by_reason");
        }
        m.put("parameters", parameters);
        m.put("versions", versions());
        m.put("stage_timings", progress.stageSeconds());
        return m;
    }

    static Map<String, Object> versions() {
        Properties p = new Properties();
        try (InputStream in = AnalyseCommand.class.getResourceAsStream("/voorkant.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("voorkant", p.getProperty("version", "unknown"));
        v.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
        v.put("scala", scala.util.Properties.versionNumberString());
        v.put("java", System.getProperty("java.version"));
        return v;
    }

    static void writeJson(Object value, Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), value);
    }
}
