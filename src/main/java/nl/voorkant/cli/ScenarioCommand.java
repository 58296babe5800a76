package nl.voorkant.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import nl.voorkant.core.Catalogue;
import nl.voorkant.core.Message;
import nl.voorkant.core.ParquetTables;
import nl.voorkant.core.StoragePath;
import nl.voorkant.core.Table;
import nl.voorkant.ingest.InputError;
import nl.voorkant.ingest.Reference;
import nl.voorkant.scenario.Scenario;
import nl.voorkant.scenario.ScenarioConfig;
import nl.voorkant.scenario.ScenarioRun;
import nl.voorkant.scenario.TargetPlan;
import nl.voorkant.scenario.Transition;

/** {@code ./run.sh scenario}: shift scenarios from typed-in numbers (a preset or a configuration), without claims. */
final class ScenarioCommand {
    private ScenarioCommand() {}

    /** The console speaks Dutch, like the plan the scenarios come from. */
    private static final Catalogue CONSOLE = Catalogue.of("nl");

    static int run(List<String> args) {
        Options o = new Options("scenario")
                .value("preset", "a built-in scenario set: " + ScenarioConfig.PRESET_ALBLASSERDAM_2020)
                .value("config", "a scenario file such as data/scenarios.yaml (its data-driven entries need ./run.sh analyse)")
                .value("out", "output folder for the tables (default reports/scenario-<timestamp>)");
        if (!o.parse(args, "(--preset NAME | --config FILE) [--out DIR]")) return 0;
        if (o.has("preset") == o.has("config")) {
            throw new InputError("scenario: give either --preset NAME or --config FILE (./run.sh scenario --help)");
        }
        ScenarioConfig config = o.has("preset") ? ScenarioConfig.preset(o.get("preset", null))
                : ScenarioConfig.load(o.existingPath("config", null));
        // Like analyse's report: a new folder by default, else only a folder that voorkant wrote is replaced.
        OutputFolder folder = o.has("out") ? OutputFolder.replacing(o.storage("out", null), true)
                : OutputFolder.unique(StoragePath.of(Path.of("reports", "scenario-"
                        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))), true);
        boolean done = false;
        try {
            ScenarioRun.Result result = ScenarioRun.run(config, null, catalogue(config));
            print(result, System.out);
            writeTables(result, folder.work().resolve("tables"));
            folder.commit(false);
            done = true;
        } finally {
            if (!done) folder.abandon();
        }
        System.out.println("tables: " + folder.target().resolve("tables"));
        return 0;
    }

    /** The configuration's product catalogue, read only when its targets need one; null when it names none that exists. */
    static Reference catalogue(ScenarioConfig config) {
        if (config.targets() == null || config.reference() == null || !Files.isDirectory(config.reference())) return null;
        return Reference.load(config.reference());
    }

    static void writeTables(ScenarioRun.Result result, Path dir) {
        try {
            for (Table t : result.tables().values()) {
                t.writeCsv(dir.resolve(t.name() + ".csv"));
                ParquetTables.write(t, dir.resolve("parquet").resolve(t.name() + ".parquet"));
            }
        } catch (IOException e) {
            throw new InputError("cannot write the tables in " + dir + ": " + OutputFolder.cause(e));
        }
    }

    /** Each scenario month by month, each target's outcome, then the notes. */
    static void print(ScenarioRun.Result result, PrintStream out) {
        for (Transition t : result.transitions()) print(t, out);
        for (TargetPlan p : result.plans()) print(p, out);
        for (Message n : result.notes()) out.println("Let op: " + CONSOLE.render(n));
    }

    static void print(Transition t, PrintStream out) {
        Scenario sc = t.scenario();
        out.printf(Locale.ROOT, "%nScenario %s: %s, %s, %s, start %s%n", sc.name(), sc.baseline().area(),
                sc.baseline().productGroup(), sc.mode().label(), sc.start());
        out.printf(Locale.ROOT, "%-8s %9s %14s %9s %14s %12s %12s %12s%n", "maand", "voorkant", "budget voork.",
                "zorgmarkt", "kosten markt", "besparing", "fonds", "fonds cum.");
        for (Transition.Month m : t.months()) {
            out.printf(Locale.ROOT, "%-8s %9.2f %,14.2f %9.2f %,14.2f %,12.2f %,12.2f %,12.2f%n", m.month(),
                    m.frontClients(), m.frontBudgetEur(), m.marketClients(), m.marketCostEur(), m.savingEur(),
                    m.fundDrawEur(), m.cumulativeFundDrawEur());
        }
        out.printf(Locale.ROOT, "Totaal beroep op transformatiefonds: %,.2f; besparing per jaar na opbouw: %,.2f; "
                        + "terugverdiend in: %s%n", t.totalFundDrawEur(), t.steadyStateYearlySavingEur(),
                t.paybackMonth() == null ? "niet binnen tien jaar" : t.paybackMonth());
    }

    static void print(TargetPlan p, PrintStream out) {
        out.printf(Locale.ROOT, "%nDoel lokaal aandeel %.0f%% (nu %.1f%%): %s%s%n", 100 * p.targetShare(),
                100 * p.currentShare(), p.feasible() ? "haalbaar" : "niet haalbaar: ", p.feasible()
                        ? String.format(Locale.ROOT, ", %d maanden geleidelijk, %d big bang, fonds %,.2f, besparing %,.2f per jaar",
                        p.monthsToTargetGradual(), p.monthsToTargetBigBang(), p.fundDrawEur(), p.yearlyNetSavingEur())
                        : CONSOLE.render(p.bindingConstraint()));
    }
}
