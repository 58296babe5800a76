package nl.voorkant.cli;

import nl.voorkant.core.StoragePath;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import nl.voorkant.testing.DefectFile;
import nl.voorkant.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What analyse and scenario may do to the file system, through ./run.sh's own entry point: replace
 * only their own reports, say what is wrong with an output in one line, tidy what interrupted runs
 * left, and keep the line-level rejects out of a report meant to be shared.
 */
class OutputSafetyTest {
    @TempDir
    static Path dir;
    static Path claims;

    @BeforeAll
    static void claims() throws IOException {
        SharedSpark.session();
        claims = Files.createDirectories(dir.resolve("claims"));
        Files.write(claims.resolve("claims.csv"), DefectFile.LINES, StandardCharsets.UTF_8);
    }

    /** Exit code and what the command printed on stderr. */
    record Outcome(int code, String stderr) {}

    static Outcome run(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return new Outcome(Main.run(args), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    static Outcome analyse(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("analyse", "--claims", claims.toString(), "--reference", "data/reference",
                "--scenarios", "none", "--out", out.toString()));
        if (!List.of(extra).contains("--cache") && !List.of(extra).contains("--no-cache")) {
            args.addAll(List.of("--cache", dir.resolve("cache").toString()));
        }
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    static List<String> names(Path p) throws IOException {
        try (Stream<Path> s = Files.list(p)) {
            return s.map(c -> c.getFileName().toString()).sorted().toList();
        }
    }

    /** The one line that names {@code path}, and nothing else from voorkant. */
    static void oneLineNaming(Outcome o, Path path) {
        List<String> ours = o.stderr().lines().filter(l -> l.startsWith("voorkant:")).toList();
        assertEquals(1, ours.size(), "one line: " + o.stderr());
        assertTrue(ours.get(0).contains(path.toString()), "names " + path + ": " + ours.get(0));
        assertFalse(o.stderr().contains("\tat "), "no stack trace: " + o.stderr());
    }

    @Test
    void aFolderVoorkantDidNotMakeIsRefusedAndLeftAsItWas() throws IOException {
        Path parent = Files.createDirectories(dir.resolve("refused"));
        Path foreign = Files.createDirectories(parent.resolve("notes"));
        Files.writeString(foreign.resolve("important.txt"), "keep me");
        Path checkout = Files.createDirectories(parent.resolve("checkout"));
        Files.createDirectories(checkout.resolve(".git"));
        Path file = Files.writeString(parent.resolve("file.txt"), "a file");
        List<String> before = names(parent);
        for (Path out : List.of(foreign, checkout, file)) {
            Outcome o = analyse(out);
            assertEquals(2, o.code(), out + ": " + o.stderr());
            oneLineNaming(o, out);
        }
        assertEquals(before, names(parent), "nothing beside them, no .partial- folder");
        assertEquals("keep me", Files.readString(foreign.resolve("important.txt")));
        assertEquals(List.of(".git"), names(checkout));
        assertEquals("a file", Files.readString(file));
    }

    @Test
    void theRootIsRefusedWithTheSameLine() {
        Outcome o = analyse(Path.of("/"));
        assertEquals(2, o.code(), o.stderr());
        assertTrue(o.stderr().contains("refusing to write the report to /"), o.stderr());
    }

    @Test
    void aRerunReplacesItsOwnReport() throws IOException {
        Path out = dir.resolve("rerun");
        assertEquals(0, analyse(out).code());
        Files.writeString(out.resolve("stale.txt"), "added by hand");
        assertEquals(2, analyse(out).code(), "a report someone added to is no longer only voorkant's");
        Files.delete(out.resolve("stale.txt"));
        assertEquals(0, analyse(out).code(), "an unchanged report of voorkant's is replaced");
        assertTrue(Files.isRegularFile(out.resolve("manifest.json")));
    }

    @Test
    void scenarioOutRefusesAForeignFolderToo() throws IOException {
        Path foreign = Files.createDirectories(dir.resolve("scenario-foreign"));
        Files.writeString(foreign.resolve("important.txt"), "keep me");
        Outcome o = run("scenario", "--preset", "alblasserdam-2020", "--out", foreign.toString());
        assertEquals(2, o.code(), o.stderr());
        assertEquals(List.of("important.txt"), names(foreign), "no tables written into it");
        Path own = dir.resolve("scenario-own");
        assertEquals(0, run("scenario", "--preset", "alblasserdam-2020", "--out", own.toString()).code());
        assertEquals(0, run("scenario", "--preset", "alblasserdam-2020", "--out", own.toString()).code(), "its own: replaced");
        assertTrue(Files.isDirectory(own.resolve("tables")));
    }

    @Test
    void anUnwritableOutputOrCacheIsOneLineNamingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        Outcome o = analyse(file.resolve("report"));
        assertEquals(2, o.code(), o.stderr());
        oneLineNaming(o, file);

        Path readOnly = readOnlyFolder(Files.createDirectories(dir.resolve("read-only-cache")));
        o = analyse(dir.resolve("out-ro"), "--cache", readOnly.toString());
        assertEquals(2, o.code(), o.stderr());
        oneLineNaming(o, readOnly);
        assertFalse(Files.exists(dir.resolve("out-ro")));
    }

    /** A folder nobody may write in; root ignores permissions, and gets one of the kernel's instead. */
    static Path readOnlyFolder(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        return Files.isWritable(dir) ? Path.of("/proc/self") : dir;
    }

    @Test
    void whatInterruptedRunsLeftIsRemovedAndLiveWorkKept() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("leftovers"));
        Path cache = Files.createDirectories(dir.resolve("leftover-cache"));
        // Two runs that died: their work folders with their lock files, which nobody holds any more.
        String deadReport = ".20260101-120000.partial-" + UUID.randomUUID();
        Files.createDirectories(reports.resolve(deadReport).resolve("tables"));
        Files.writeString(reports.resolve(deadReport + ".lock"), "");
        String deadEntry = ".tmp-" + UUID.randomUUID();
        Files.createDirectories(cache.resolve(deadEntry).resolve("entry"));
        Files.writeString(cache.resolve(deadEntry + ".lock"), "");
        try (var live = nl.voorkant.core.WorkFolders.create(StoragePath.of(reports), ".other.partial-" + UUID.randomUUID())) {
            assertEquals(0, analyse(reports.resolve("run"), "--cache", cache.toString()).code());
            assertTrue(Files.isDirectory(live.dir().local().orElseThrow()), "another run's live work stays");
            Files.delete(live.dir().local().orElseThrow());
        }
        assertEquals(List.of(".internal", "run"), names(reports), "the interrupted report's work is gone");
        assertFalse(Files.exists(cache.resolve(deadEntry)), "the interrupted parse's work is gone");
        assertFalse(Files.exists(cache.resolve(deadEntry + ".lock")));
    }

    @Test
    void publishKeepsTheLineLevelRejectsOutsideTheReport() throws IOException {
        Path out = dir.resolve("published");
        assertEquals(0, analyse(out).code());
        assertEquals(List.of("rejects_by_reason.csv"), names(out.resolve("rejects")), "counts only in the shared folder");
        List<String> byReason = Files.readAllLines(out.resolve("rejects/rejects_by_reason.csv"));
        assertEquals("reason,rows", byReason.get(0));
        assertEquals(15, byReason.size(), "a header and the 14 reasons, once each");
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        Path lines = Path.of(m.get("rejects_file").asText()).toAbsolutePath();
        assertEquals(dir.resolve(".internal/published/rejects.csv"), lines, "beside the report, in .internal/");
        assertEquals(1 + 14, Files.readAllLines(lines).size(), "the 14 rejected rows, line by line");
        try (Stream<Path> s = Files.walk(out)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().equals("rejects.csv")), "no line-level file in the report");
        }

        Path elsewhere = dir.resolve("private-rejects");
        assertEquals(0, analyse(dir.resolve("published-2"), "--rejects", elsewhere.toString()).code());
        assertTrue(Files.isRegularFile(elsewhere.resolve("rejects.csv")), "--rejects DIR");
        assertEquals(2, analyse(dir.resolve("published-3"), "--rejects", dir.resolve("published-3/x").toString()).code(),
                "not inside the published folder");

        Path internal = dir.resolve("internal");
        assertEquals(0, analyse(internal, "--disclosure", "internal").code());
        assertTrue(Files.isRegularFile(internal.resolve("rejects/rejects.csv")), "internal mode keeps them in the folder");
        JsonNode mi = new ObjectMapper().readTree(internal.resolve("manifest.json").toFile());
        assertEquals("rejects/rejects.csv", mi.get("rejects_file").asText());
    }
}
