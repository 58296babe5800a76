package nl.voorkant.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.voorkant.ingest.InputError;
import nl.voorkant.nowcast.Nowcast;
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
                .flag("declaration-dates", "write each line's declaration_date, with a delay profile per provider (csv only)")
                .value("extract-date", "an extract taken on this date (yyyy-MM-dd): only the lines declared by then "
                        + "(implies --declaration-dates)")
                .flag("single-file", "one CSV for all years, claims_FIRST-LAST.csv[.gz], as a national extract arrives "
                        + "(csv only, not with --extract-date)")
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
                    .withFormat(Format.of(o.get("format", "csv")))
                    .withDeclarations(declarations(o))
                    .withSingleFile(o.has("single-file"));
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

    private static SampleGenerator.Declarations declarations(Options o) {
        LocalDate extract = Nowcast.extractDate(o.get("extract-date", null));
        if (extract == null && !o.has("declaration-dates")) return SampleGenerator.Declarations.NONE;
        return new SampleGenerator.Declarations(true, extract);
    }
}
