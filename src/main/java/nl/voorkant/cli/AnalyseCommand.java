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
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import nl.voorkant.core.ParquetTables;
import nl.voorkant.core.Progress;
import nl.voorkant.core.StoragePath;
import nl.voorkant.core.Table;
import nl.voorkant.flow.Disclosure;
import nl.voorkant.flow.FlowMetrics;
import nl.voorkant.flow.model.Months;
import nl.voorkant.flow.tables.Placements;
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
import nl.voorkant.nowcast.EarlierExtracts;
import nl.voorkant.nowcast.EarlierRun;
import nl.voorkant.nowcast.Nowcast;
import nl.voorkant.report.Names;
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
                .value("reports", "where runs without --out go: <timestamp> and latest in this folder (default reports)")
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

    /** What the options ask for, read and checked before anything is created. */
    record Settings(StoragePath claims, StoragePath referenceDir, String master, String lang, Disclosure.Mode disclosure,
                    int maxGap, LocalDate[] window, LocalDate extractDate, Path keyFile, String scenariosOption,
                    ScenarioConfig scenarios, boolean defaultOut, StoragePath target, boolean rejectsApart, StoragePath rejectsTarget) {}

    static int run(List<String> args) {
        Options o = options();
        if (!o.parse(args, "[OPTIONS]")) return 0;
        Settings settings = settings(o);
        refuseUnreplaceable(settings);

        Progress progress = new Progress(System.out);
        progress.stage("reference", settings.referenceDir().toString());
        Reference reference = Reference.load(settings.referenceDir());
        // The files' checksums (about a second per gigabyte) are computed while Spark starts, which leaves a core idle.
        CompletableFuture<List<ClaimIngest.InputFile>> listed =
                CompletableFuture.supplyAsync(() -> ClaimIngest.listInputs(settings.claims()));
        Pseudonymiser pseudonymiser = Pseudonymiser.fromEnvironment(settings.keyFile());

        OutputFolder folder = settings.defaultOut() ? OutputFolder.unique(settings.target(), true)
                : OutputFolder.replacing(settings.target(), true);
        OutputFolder rejectsFolder = null;
        Path out = folder.work();
        boolean done = false;
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = null;
        // Without a lasting cache the parsed files live in the run's work folder, removed with it if the run dies.
        try (ParsedCache cache = cache(o, folder.store())) {
            boolean rejectsApart = settings.rejectsApart();
            if (rejectsApart) {
                rejectsFolder = OutputFolder.replacing(rejectsTarget(folder.target(), settings.rejectsTarget()), false);
            }
            // Spark writes the rejects: into the work folder on the report's own store, which its executors reach.
            StoragePath rejectsDir = rejectsApart ? rejectsFolder.store() : folder.store().resolve("rejects");
            String rejectsFile = rejectsApart ? shown(rejectsFolder.target().resolve(REJECTS_FILE))
                    : "rejects/" + REJECTS_FILE;

            progress.stage("spark", "starting " + settings.master());
            // A caller that already runs Spark (the tests) keeps its session; one we start, we stop.
            spark = SparkSessions.create(settings.master(), "voorkant analyse");
            ClaimParser parser = new ClaimParser(reference, settings.window()[0], settings.window()[1], pseudonymiser);
            ClaimIngest.Result ingested = ingest(spark, settings, joined(listed), parser, cache, progress);
            IngestSummary s = ingested.summary();
            OutputFiles.writeRejects(ingested.rejects(), s.rowsRejected(), rejectsDir);
            OutputFiles.writeRejectsByReason(s, out.resolve("rejects"));

            progress.stage("flow", "trajectories, flows, durations, local share");
            // The placement deal is the scenario file's, or the memo's without one.
            FlowMetrics.Result flow = FlowMetrics.compute(ingested.accepted(), ingested.byClient(), reference, settings.maxGap(),
                    settings.scenarios() == null ? Placements.Plan.MEMO : settings.scenarios().placements());

            progress.stage("nowcast", "completeness of the newest months, late claims completed");
            // A cache removed at the end holds no earlier extract, and what it would keep of this one no later run finds.
            EarlierExtracts.Store extracts = o.has("no-cache") ? null : new EarlierExtracts.Store(spark, cache.dir(), ingested.entries());
            Nowcast.Result nowcast = Nowcast.complete(ingested.accepted(), ingested.dates(), settings.extractDate(), flow.tables(), extracts);
            ScenarioRun.Result scenarioResult = scenarios(settings, nowcast.tables(), reference, progress);
            // A stage of its own, so that its time is not billed to the stage before it.
            progress.stage("disclosure", settings.disclosure() == Disclosure.Mode.PUBLISH
                    ? "small counts left empty, and what would give them away" : "internal: every figure shown");
            Disclosure.Published disclosed = Disclosure.publish(all(nowcast, scenarioResult), settings.disclosure(), reference);
            EarlierRun.Found earlier = EarlierRun.find(folder.target(), settings.disclosure() == Disclosure.Mode.PUBLISH);
            Map<String, Table> published = writeTables(Nowcast.withRevisions(disclosed.tables(), earlier), out, progress);

            Map<String, Object> parameters = parameters(settings, o, folder, cache, pseudonymiser);
            Map<String, Object> manifest = manifest(s, InputFiles.describe(ingested.entries()), parameters, flow, progress,
                    rejectsFile);
            manifest.put("disclosure", disclosed.summary());
            manifest.put("nowcast", nowcast.summary());
            manifest.put("revisions", Nowcast.revisionsSummary(earlier, published.get(Revisions.SCHEMA.name())));
            InputFiles.ijwSummary(ingested.entries()).ifPresent(summary -> manifest.put("ijw", summary));
            writeReport(out, published, manifest, scenarioResult, settings.scenarios(), reference, settings.lang(), progress);
            // Written after the report, so that its timings include the report's own stage.
            manifest.put("stage_timings", progress.stageSeconds());
            writeJson(manifest, out.resolve("manifest.json"));
            if (s.rowsAccepted() == 0) {
                System.err.println("voorkant: no claim line was accepted: " + manifest.get("explanation"));
            }
            cache.close(); // before the commit: a temporary cache is inside the work folder
            // The rejects first, so that the report never names a file that is not there.
            if (rejectsApart) rejectsFolder.commit(false);
            folder.commit(settings.defaultOut());
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

    /** A background step's result, or the one-line error it ended with. */
    private static <T> T joined(CompletableFuture<T> step) {
        try {
            return step.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    static Settings settings(Options o) {
        StoragePath claims = o.existingStorage("claims", "data/claims");
        StoragePath referenceDir = o.existingStorage("reference", "data/reference");
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
                : ScenarioConfig.load(o.existingPath("scenarios", scenariosOption));
        boolean defaultOut = !o.has("out");
        StoragePath target = defaultOut
                ? o.storage("reports", "reports").resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
                : o.storage("out", null);
        boolean rejectsApart = disclosure == Disclosure.Mode.PUBLISH;
        StoragePath rejectsTarget = o.storage("rejects", null);
        if (!rejectsApart && rejectsTarget != null) {
            throw new InputError("analyse: --rejects is for --disclosure publish; internal mode keeps rejects/rejects.csv in the report");
        }
        return new Settings(claims, referenceDir, master, lang, disclosure, maxGap, window, extractDate, keyFile,
                scenariosOption, scenarios, defaultOut, target, rejectsApart, rejectsTarget);
    }

    /** A refused --out or --rejects stops the run before anything is created. */
    static void refuseUnreplaceable(Settings s) {
        if (!s.defaultOut()) OutputFolder.refuseUnlessReplaceable(s.target());
        if (s.rejectsApart() && (s.rejectsTarget() != null || !s.defaultOut())) {
            OutputFolder.refuseUnlessReplaceable(rejectsTarget(s.target(), s.rejectsTarget()));
        }
    }

    /** The claims, parsed (or taken from the cache), with what was read said on the console. */
    static ClaimIngest.Result ingest(SparkSession spark, Settings settings, List<ClaimIngest.InputFile> files,
                                     ClaimParser parser, ParsedCache cache, Progress progress) {
        progress.stage("ingest", files.size() + " claims file(s) from " + settings.claims());
        ClaimIngest.Result ingested = ClaimIngest.ingest(spark, files, parser, cache);
        IngestSummary s = ingested.summary();
        long reused = ingested.entries().stream().filter(ParsedCache.Entry::reused).count();
        progress.say(String.format("ingest: %,d rows read, %,d accepted, %,d rejected; %d of %d file(s) parsed "
                + "this run, %d from the cache", s.rowsRead(), s.rowsAccepted(), s.rowsRejected(),
                files.size() - reused, files.size(), reused));
        for (ParsedCache.Entry e : ingested.entries()) e.notes().forEach(n -> progress.say("  " + e.file().name() + ": " + n));
        InputFiles.ijwSummary(ingested.entries()).ifPresent(summary -> progress.say("ingest: iJw messages read "
                + versionCounts((Map<?, ?>) summary.get("messages_read")) + "; " + summary.get("lines_without_referrer")
                + " accepted line(s) without a referrer; " + ((List<?>) summary.get("files_unreadable")).size()
                + " unreadable file(s); " + ((List<?>) summary.get("total_mismatches")).size()
                + " message total(s) not matching their lines (see manifest.json, ijw)"));
        return ingested;
    }

    /**
     * The configured scenarios on the flow tables with their nowcast columns (a provisional year counts
     * with its nowcast), or null when none are configured or there are no flows.
     */
    static ScenarioRun.Result scenarios(Settings settings, Map<String, Table> flowTables, Reference reference,
                                        Progress progress) {
        if (settings.scenarios() == null || flowTables.isEmpty()) return null;
        progress.stage("scenarios", settings.scenariosOption());
        // Scenarios model the unsuppressed figures; disclosure then empties what would give a suppressed one away.
        // The analysis's own catalogue beats the one the scenario file names.
        return ScenarioRun.run(settings.scenarios(), flowTables, reference);
    }

    /** Every table before disclosure: the flow tables with their nowcast columns, then the scenarios'. */
    static Map<String, Table> all(Nowcast.Result nowcast, ScenarioRun.Result scenarios) {
        Map<String, Table> all = new LinkedHashMap<>(nowcast.tables());
        if (scenarios != null) all.putAll(scenarios.tables());
        return all;
    }

    /** The published tables, written as CSV and Parquet in {@code out/tables}. */
    static Map<String, Table> writeTables(Map<String, Table> published, Path out, Progress progress) throws IOException {
        progress.stage("tables", "writing CSV and Parquet");
        for (Table t : published.values()) {
            t.writeCsv(out.resolve("tables").resolve(t.name() + ".csv"));
            ParquetTables.write(t, out.resolve("tables").resolve("parquet").resolve(t.name() + ".parquet"));
        }
        progress.finish();
        return published;
    }

    /** The run's settings as the manifest and the report's method section state them. */
    static Map<String, Object> parameters(Settings s, Options o, OutputFolder folder, ParsedCache cache,
                                          Pseudonymiser pseudonymiser) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("claims", s.claims().toString());
        parameters.put("reference", s.referenceDir().toString());
        parameters.put("out", shown(folder.target()));
        parameters.put("master", s.master());
        parameters.put("lang", s.lang());
        parameters.put("disclosure", s.disclosure().name().toLowerCase(java.util.Locale.ROOT));
        parameters.put("disclosure_threshold", Disclosure.THRESHOLD);
        parameters.put("max_gap", s.maxGap());
        parameters.put("window", s.window()[0] + ":" + s.window()[1]);
        parameters.put("cache", o.has("no-cache") ? "none" : cache.dir().toString());
        parameters.put("scenarios", s.scenariosOption());
        parameters.put("pseudonym_key_source", pseudonymiser.source());
        parameters.put("pseudonym_key_fingerprint", pseudonymiser.keyFingerprint());
        return parameters;
    }

    /** index.html, report.ipynb, report.docx and tables.xlsx from the published tables, areas by their names. */
    static void writeReport(Path out, Map<String, Table> published, Map<String, Object> manifest,
                            ScenarioRun.Result scenarios, ScenarioConfig config, Reference reference, String lang,
                            Progress progress) {
        progress.stage("report", "index.html, report.ipynb, report.docx, tables.xlsx");
        Map<String, String> areas = new LinkedHashMap<>();
        reference.municipalities().values().forEach(m -> areas.put(m.code(), m.name()));
        Map<String, String> groups = new LinkedHashMap<>();
        reference.groups().forEach((code, p) -> groups.put(code, p.groupName()));
        Map<String, String> titles = new LinkedHashMap<>();
        if (config != null) {
            config.scenarios().forEach(s -> titles.put(s.name(),
                    s.title(a -> areas.getOrDefault(a, a), g -> groups.getOrDefault(g, g))));
        }
        Report.write(out, published, manifest, scenarios == null ? List.of() : scenarios.notes(),
                scenarios == null ? Map.of() : scenarios.texts(), new Names(areas, groups, titles), lang);
        progress.finish();
    }

    static final String REJECTS_FILE = "rejects.csv";

    /**
     * Where the line-level rejects go in publish mode: {@code --rejects}, else {@code .internal/<name>}
     * beside the report, so that sharing the report folder (or zipping it) never takes them along.
     */
    static StoragePath rejectsTarget(StoragePath report, StoragePath option) {
        StoragePath abs = report.absolute();
        StoragePath rejects = option != null ? option.absolute() : abs.sibling(".internal").resolve(abs.name());
        if (rejects.startsWith(abs) || abs.startsWith(rejects)) {
            throw new InputError("analyse: --rejects " + rejects + " must be outside the report folder " + abs);
        }
        return rejects;
    }

    /** A path as the user would type it: relative to the working folder when it lies below it. */
    static String shown(StoragePath storage) {
        if (storage.local().isEmpty()) return storage.toString();
        Path here = Path.of("").toAbsolutePath();
        Path abs = storage.local().get().toAbsolutePath().normalize();
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
    static ParsedCache cache(Options o, StoragePath temporaryIn) {
        return o.has("no-cache") ? ParsedCache.temporary(temporaryIn) : ParsedCache.at(o.storage("cache", DEFAULT_CACHE));
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
        if (!flow.censoring().isEmpty()) {
            m.put("period_first_month", Months.label(flow.censoring().first()));
            m.put("period_last_month", Months.label(flow.censoring().last()));
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
