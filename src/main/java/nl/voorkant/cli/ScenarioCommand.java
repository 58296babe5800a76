package nl.voorkant.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import nl.voorkant.core.ParquetTables;
import nl.voorkant.core.StoragePath;
import nl.voorkant.core.Table;
import nl.voorkant.ingest.InputError;
import nl.voorkant.scenario.ScenarioConfig;
import nl.voorkant.scenario.ScenarioRun;

/** {@code ./run.sh scenario}: shift scenarios from typed-in numbers (a preset or a configuration), without claims. */
final class ScenarioCommand {
    private ScenarioCommand() {}

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
            ScenarioRun.Result result = ScenarioRun.run(config, null, System.out);
            writeTables(result, folder.work().resolve("tables"));
            folder.commit(false);
            done = true;
        } finally {
            if (!done) folder.abandon();
        }
        System.out.println("tables: " + folder.target().resolve("tables"));
        return 0;
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
}
