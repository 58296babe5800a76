package nl.voorkant.cli;

import nl.voorkant.core.StoragePath;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import nl.voorkant.core.WorkFolders;
import nl.voorkant.ingest.InputError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static OutputFolder written(Path target, String file, String text) throws IOException {
        OutputFolder f = OutputFolder.replacing(StoragePath.of(target), true);
        Files.writeString(f.work().resolve(file), text);
        return f;
    }

    @Test
    void aRunAppearsOnlyWhenCompleteAndLatestFollowsIt(@TempDir Path reports) throws IOException {
        OutputFolder first = written(reports.resolve("run1"), "manifest.json", "{}");
        assertFalse(Files.exists(reports.resolve("run1")), "not visible while it is written");
        first.commit(true);
        assertEquals("{}", Files.readString(reports.resolve("run1/manifest.json")));
        assertEquals(Path.of("run1"), Files.readSymbolicLink(reports.resolve("latest")));

        written(reports.resolve("run2"), "manifest.json", "{\"n\":2}").commit(true);
        assertEquals(Path.of("run2"), Files.readSymbolicLink(reports.resolve("latest")));
        assertEquals("{\"n\":2}", Files.readString(reports.resolve("latest/manifest.json")));
    }

    @Test
    void anInterruptedRunLeavesNothingBehindAndAReRunReplacesTheOld(@TempDir Path reports) throws IOException {
        OutputFolder failed = written(reports.resolve("run"), "half.csv", "x");
        failed.abandon();
        assertEquals(List.of(), names(reports));
        written(reports.resolve("run"), "a.txt", "a").commit(false);
        written(reports.resolve("run"), "b.txt", "b").commit(false);
        assertFalse(Files.exists(reports.resolve("run/a.txt")), "voorkant's own report is replaced");
        assertTrue(Files.exists(reports.resolve("run/b.txt")));
        assertFalse(Files.exists(reports.resolve("latest")), "an explicit --out does not move latest");
        assertEquals(List.of("run"), names(reports), "no work folders or lock files left");
    }

    @Test
    void onlyAnUnchangedReportOfVoorkantsOrAnEmptyFolderIsReplaced(@TempDir Path dir) throws IOException {
        Path foreign = Files.createDirectories(dir.resolve("foreign"));
        Files.writeString(foreign.resolve("important.txt"), "keep me");
        Path checkout = Files.createDirectories(dir.resolve("checkout/.git"));
        Files.writeString(checkout.resolve("HEAD"), "ref: refs/heads/main");
        Path file = Files.writeString(dir.resolve("file.txt"), "a file");
        Path link = Files.createSymbolicLink(dir.resolve("link"), foreign);
        written(dir.resolve("added"), "index.html", "<p>").commit(false);
        Files.writeString(dir.resolve("added/notes.txt"), "my notes");
        written(dir.resolve("changed"), "index.html", "<p>").commit(false);
        Files.writeString(dir.resolve("changed/index.html"), "<p>edited by hand");
        List<String> before = names(dir);

        for (Path p : List.of(foreign, checkout.getParent(), file, link, dir.resolve("added"), dir.resolve("changed"), Path.of("/"))) {
            InputError e = assertThrows(InputError.class, () -> OutputFolder.replacing(StoragePath.of(p), true), p.toString());
            assertTrue(e.getMessage().startsWith("refusing to write the report to " + p.toAbsolutePath().normalize()),
                    "one line naming the folder: " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line");
        }
        assertEquals(before, names(dir), "nothing created or removed beside them, no .partial- folder either");
        assertEquals("keep me", Files.readString(foreign.resolve("important.txt")));
        assertEquals("my notes", Files.readString(dir.resolve("added/notes.txt")));

        Path empty = Files.createDirectories(dir.resolve("empty"));
        written(empty, "index.html", "<p>").commit(false);
        assertEquals(List.of(".voorkant-report", "index.html"), names(empty), "an empty folder holds nothing to lose");
    }

    @Test
    void twoRunsStartedInOneSecondGetAFolderEach(@TempDir Path reports) throws IOException {
        Path second = reports.resolve("20260101-120000");
        OutputFolder a = OutputFolder.unique(StoragePath.of(second), true);
        OutputFolder b = OutputFolder.unique(StoragePath.of(second), true);
        assertEquals(StoragePath.of(second), a.target());
        assertEquals(StoragePath.of(reports.resolve("20260101-120000-2")), b.target(), "the name is taken by the first run from its start");
        Files.writeString(b.work().resolve("run.txt"), "b");
        b.commit(true);
        Files.writeString(a.work().resolve("run.txt"), "a");
        a.commit(true);
        assertEquals("a", Files.readString(second.resolve("run.txt")));
        assertEquals("b", Files.readString(reports.resolve("20260101-120000-2/run.txt")), "neither replaced the other");
        assertEquals(Path.of("20260101-120000"), Files.readSymbolicLink(reports.resolve("latest")), "the last to finish");
        assertEquals(StoragePath.of(reports.resolve("20260101-120000-3")), OutputFolder.unique(StoragePath.of(second), true).target());
    }

    @Test
    void abandonedWorkIsRemovedAndLiveWorkIsKept(@TempDir Path reports) throws IOException {
        // A run that died: its lock file is there, and nobody holds it.
        String dead = ".old-run.partial-" + UUID.randomUUID();
        Files.createDirectories(reports.resolve(dead).resolve("tables"));
        Files.writeString(reports.resolve(dead + ".lock"), "");
        OutputFolder live = OutputFolder.replacing(StoragePath.of(reports.resolve("live")), true);
        Path foreign = Files.createDirectories(reports.resolve(".my.partial-notes"));
        try (WorkFolders.Work otherRun = WorkFolders.create(StoragePath.of(reports), ".other.partial-" + UUID.randomUUID())) {
            OutputFolder.replacing(StoragePath.of(reports.resolve("next")), true).abandon();
            assertFalse(Files.exists(reports.resolve(dead)), "an interrupted run's folder is removed");
            assertFalse(Files.exists(reports.resolve(dead + ".lock")));
            assertTrue(Files.isDirectory(live.work()), "another run's live work is kept");
            assertTrue(Files.isDirectory(otherRun.dir().local().orElseThrow()), "another run's live work is kept");
            assertTrue(Files.isDirectory(foreign), "a young folder without a lock file may be anyone's: kept");
        }
        live.abandon();
    }
}
