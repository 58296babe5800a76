package nl.voorkant.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclarationDelaysTest {
    private static List<String> lines(Path out, LocalDate extract) throws IOException {
        SampleGenerator.Summary s = SampleGenerator.generate(SampleGenerator.Options.defaults().withScale(0.25)
                .withYears(2020, 2020).withGzip(false).withDefects(false)
                .withDeclarations(new SampleGenerator.Declarations(true, extract)), out);
        List<String> lines = Files.readAllLines(out.resolve("claims").resolve("claims_2020.csv"));
        assertEquals(lines.size() - 1, s.rows(), "the summary counts the rows written");
        return lines;
    }

    @Test
    void everyLineIsDeclaredAfterItsPeriodAndWithinTheLongestDelay(@TempDir Path out) throws IOException {
        List<String> lines = lines(out, null);
        assertEquals(ClaimWriter.HEADER + ",declaration_date", lines.get(0), "the header names the new last column");
        Set<String> providers = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            LocalDate end = LocalDate.parse(f[9]), declared = LocalDate.parse(f[14]);
            assertTrue(declared.isAfter(end), "declared after the period it claims");
            assertTrue(!declared.isAfter(end.plusMonths(DeclarationDelays.MAX_MONTHS + 1)), "within the longest delay");
            providers.add(f[6]);
        }
        assertTrue(providers.size() > 3, "several providers");
        double slowest = providers.stream().mapToDouble(DeclarationDelays::promptness).min().orElseThrow();
        double fastest = providers.stream().mapToDouble(DeclarationDelays::promptness).max().orElseThrow();
        assertTrue(fastest - slowest > 0.1, "each provider its own promptness: " + slowest + " to " + fastest);
    }

    @Test
    void anExtractDateKeepsExactlyTheLinesDeclaredByThen(@TempDir Path full, @TempDir Path cut) throws IOException {
        LocalDate extract = LocalDate.of(2020, 6, 15);
        List<String> all = lines(full, null);
        List<String> kept = lines(cut, extract);
        List<String> expected = all.stream().filter(l -> l.startsWith("claim_id")
                || !LocalDate.parse(l.substring(l.lastIndexOf(',') + 1)).isAfter(extract)).toList();
        assertEquals(expected, kept, "the cut is the full claims without the lines declared after the extract date");
        assertTrue(kept.size() < all.size() / 2 + 1 && kept.size() > 1, "about half a year's lines");
    }

    @Test
    void declarationDatesAreWrittenToCsvOnly() {
        assertThrows(IllegalArgumentException.class, () -> SampleGenerator.Options.defaults().withFormat(Format.XLSX)
                .withDeclarations(new SampleGenerator.Declarations(true, null)), "a workbook has no declaration column");
    }
}
