package nl.voorkant.sample;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import nl.voorkant.sample.CellClaims.Line;

/**
 * Declaration dates for the generated claims: each provider declares a line some whole months after
 * its period ends (a geometric number, with the provider's own promptness), on a day within that month.
 * Every row of a line (its debit, a wrong debit and its credit) is declared on the same day, so cutting
 * the claims at a date ({@link #cut}) keeps or drops them together and leaves the care as simulated.
 *
 * <p>Off by default ({@link #NONE}): the shipped sample carries no declaration dates, as older exports do.
 */
final class DeclarationDelays {
    static final String COLUMN = "declaration_date";
    /** The slowest provider declares half its lines within about three months; no line later than this. */
    static final int MAX_MONTHS = 18;
    static final double MIN_PROMPTNESS = 0.3, MAX_PROMPTNESS = 0.8;

    /** No declaration dates: rows and header as shipped. */
    static final DeclarationDelays NONE = new DeclarationDelays(false, 0, null);

    private final boolean on;
    private final long seed;
    private final LocalDate extractDate;

    private DeclarationDelays(boolean on, long seed, LocalDate extractDate) {
        this.on = on;
        this.seed = seed;
        this.extractDate = extractDate;
    }

    /** Declaration dates for every line, all of them ({@code extractDate} null) or those declared by then. */
    static DeclarationDelays of(long seed, LocalDate extractDate) {
        return new DeclarationDelays(true, seed, extractDate);
    }

    String header(String header) {
        return on ? header + "," + COLUMN : header;
    }

    /** The share of a provider's lines declared in the month after their period: its own, from its code. */
    static double promptness(String provider) {
        double u = Math.floorMod(provider.hashCode() * 0x9E3779B9L, 1_000L) / 1_000.0;
        return MIN_PROMPTNESS + (MAX_PROMPTNESS - MIN_PROMPTNESS) * u;
    }

    /** The line's declaration day: after its period, a provider-drawn number of months later. */
    int day(Line l, String provider) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + provider.hashCode() * 1_000_003L
                + l.trajectory.clientId.hashCode() * 8_191L + l.startDay * 31L + l.trajectory.product.code().hashCode());
        double p = promptness(provider);
        int months = 0;
        while (months < MAX_MONTHS && rng.nextDouble() >= p) months++;
        LocalDate after = LocalDate.ofEpochDay(l.endDay).plusDays(1).plusMonths(months);
        return (int) after.plusDays(rng.nextInt(after.lengthOfMonth() - 1)).toEpochDay();
    }

    /** The row's last field, when declaration dates are on. */
    void append(ClaimWriter w, Line l, String provider) throws IOException {
        if (on) w.comma().ascii(LocalDate.ofEpochDay(day(l, provider)).toString());
    }

    /**
     * Leaves out of every claims file of {@code dir} the rows declared after the extract date, as an
     * extract taken that day would: the file is rewritten in place (still gzip where it was).
     * Returns per year the rows kept (none without an extract date).
     */
    Map<Integer, Long> cut(Path dir) throws IOException {
        Map<Integer, Long> kept = new TreeMap<>();
        if (extractDate == null) return kept;
        String last = extractDate.toString();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "claims_[0-9][0-9][0-9][0-9].{csv,csv.gz}")) {
            for (Path f : files) {
                boolean gzip = f.getFileName().toString().endsWith(".gz");
                Path tmp = f.resolveSibling("." + f.getFileName() + ".cut");
                try (BufferedReader in = new BufferedReader(new InputStreamReader(gzip
                        ? new GZIPInputStream(Files.newInputStream(f), 1 << 16) : Files.newInputStream(f), StandardCharsets.US_ASCII));
                     Writer out = new BufferedWriter(new OutputStreamWriter(gzip
                             ? new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16) : Files.newOutputStream(tmp),
                             StandardCharsets.US_ASCII), 1 << 16)) {
                    String header = in.readLine();
                    out.write(header + "\n");
                    long rows = 0;
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        // The date is the last field, yyyy-MM-dd: text order is date order.
                        if (line.substring(line.lastIndexOf(',') + 1).compareTo(last) <= 0) {
                            out.write(line + "\n");
                            rows++;
                        }
                    }
                    kept.put(Integer.valueOf(f.getFileName().toString().substring(7, 11)), rows);
                }
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return kept;
    }
}
