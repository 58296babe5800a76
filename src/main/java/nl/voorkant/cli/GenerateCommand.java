package nl.voorkant.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import nl.voorkant.ingest.InputError;
import nl.voorkant.sample.Format;
import nl.voorkant.sample.SampleGenerator;

/** {@code ./run.sh generate}: synthetic claims and their reference catalogue. */
final class GenerateCommand {
    private GenerateCommand() {}

    static int run(List<String> args) {
        Options o = new Options("generate")
                .value("out", "output folder (required): claims go to OUT/claims, the catalogue to OUT/reference")
                .value("scale", "municipalities = 4 × scale; 1 = Drechtsteden-Noord (default), more adds synthetic ones")
                .value("years", "years to write, e.g. 2016-2020 (default)")
                .value("seed", "random seed (default " + SampleGenerator.DEFAULT_SEED + ": the shipped sample)")
                .value("format", "csv (default), xlsx (one workbook per year, Dutch columns, typed cells) or ijw "
                        + "(iJw 3.2 JW323 messages with their JW301/JW315, clean as --no-defects)")
                .flag("plain", "write plain .csv instead of .csv.gz")
                .flag("no-defects", "leave out the defective rows (clean data for peers)");
        if (!o.parse(args, "--out DIR [OPTIONS]")) return 0;
        if (!o.has("out")) throw new InputError("generate: --out DIR is required (./run.sh generate --help)");
        SampleGenerator.Options options;
        try {
            options = SampleGenerator.Options.defaults()
                    .withScale(o.doubleValue("scale", 1, 0.25, 100_000))
                    .withYears(o.get("years", "2016-2020"))
                    .withSeed(Long.parseLong(o.get("seed", String.valueOf(SampleGenerator.DEFAULT_SEED))))
                    .withGzip(!o.has("plain"))
                    .withDefects(!o.has("no-defects"))
                    .withFormat(Format.of(o.get("format", "csv")));
        } catch (IllegalArgumentException e) {
            throw new InputError("generate: " + e.getMessage());
        }
        long t0 = System.nanoTime();
        try {
            SampleGenerator.Summary s = SampleGenerator.generate(options, Path.of(o.get("out", null)));
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%,d rows for %d municipalities in %.1f s (%,.0f rows/s): %s, %s%n", s.rows(),
                    s.municipalities(), secs, s.rows() / secs, s.claimsDir(), s.referenceDir());
            return 0;
        } catch (IOException e) {
            throw new InputError("generate: cannot write in " + o.get("out", null) + ": " + OutputFolder.cause(e));
        }
    }
}
