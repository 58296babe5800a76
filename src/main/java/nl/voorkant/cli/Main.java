package nl.voorkant.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.List;
import nl.voorkant.ingest.InputError;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/** voorkant's command line: {@code ./run.sh [command] [options]}, {@code analyse} when no command is given. */
public final class Main {
    private Main() {}

    static final String USAGE = """
            Usage: ./run.sh [COMMAND] [OPTIONS]

            Commands:
              analyse    load claims, compute flow metrics and scenarios, write a report (the default)
              generate   write synthetic claims (the shipped sample, or national-scale data for benchmarks)
              scenario   run shift scenarios from a preset or a configuration file, without claims
              bench      time ingestion + flow metrics against the DuckDB peer on generated data

            Every command takes --help. --verbose shows Spark's own INFO log.
            """;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean verbose = rest.remove("--verbose");
        // Every logger, also the ones log4j2.properties quiets.
        if (verbose) Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.INFO);
        if (rest.equals(List.of("--help")) || rest.equals(List.of("-h"))) {
            System.out.print(USAGE);
            System.out.println();
            System.out.println("Without a command, ./run.sh runs analyse; ./run.sh analyse --help lists its options.");
            return 0;
        }
        String command = rest.isEmpty() || rest.get(0).startsWith("--") ? "analyse" : rest.remove(0);
        try {
            switch (command) {
                case "analyse", "analyze":
                    return AnalyseCommand.run(rest);
                case "generate":
                    return GenerateCommand.run(rest);
                case "scenario":
                    return ScenarioCommand.run(rest);
                case "bench":
                    return BenchCommand.run(rest);
                case "bench-flow":
                    return BenchCommand.flowOnly(rest);
                case "help":
                    System.out.print(USAGE);
                    return 0;
                default:
                    throw new InputError("unknown command '" + command + "' (commands: analyse, generate, scenario)");
            }
        } catch (InputError e) {
            System.err.println("voorkant: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            System.err.println("voorkant: failed: " + oneLine(e) + (verbose ? "" : " (run with --verbose for details)"));
            if (verbose) e.printStackTrace();
            return 1;
        }
    }

    /**
     * A failure on one line. A file-system error deep inside (a Spark job's task that could not
     * write, say) is what the user can act on: its file and its reason, not the wrappers around it.
     */
    static String oneLine(Throwable e) {
        Throwable io = null;
        for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof IOException) io = c;
        }
        if (io instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName());
        }
        Throwable shown = io != null ? io : e;
        String message = shown.getMessage() == null ? shown.getClass().getName() : shown.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }
}
