package nl.voorkant.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
    @Test
    void aRunAppearsOnlyWhenCompleteAndLatestFollowsIt(@TempDir Path reports) throws IOException {
        OutputFolder first = OutputFolder.begin(reports.resolve("run1"));
        Files.writeString(first.work().resolve("manifest.json"), "{}");
        assertFalse(Files.exists(reports.resolve("run1")), "not visible while it is written");
        first.commit(true);
        assertEquals("{}", Files.readString(reports.resolve("run1/manifest.json")));
        assertEquals(Path.of("run1"), Files.readSymbolicLink(reports.resolve("latest")));

        OutputFolder second = OutputFolder.begin(reports.resolve("run2"));
        Files.writeString(second.work().resolve("manifest.json"), "{\"n\":2}");
        second.commit(true);
        assertEquals(Path.of("run2"), Files.readSymbolicLink(reports.resolve("latest")));
        assertEquals("{\"n\":2}", Files.readString(reports.resolve("latest/manifest.json")));
    }

    @Test
    void anInterruptedRunLeavesNothingBehindAndAReRunReplacesTheOld(@TempDir Path reports) throws IOException {
        OutputFolder failed = OutputFolder.begin(reports.resolve("run"));
        Files.writeString(failed.work().resolve("half.csv"), "x");
        failed.abandon();
        try (Stream<Path> s = Files.list(reports)) {
            assertEquals(0, s.count());
        }
        OutputFolder a = OutputFolder.begin(reports.resolve("run"));
        Files.writeString(a.work().resolve("a.txt"), "a");
        a.commit(false);
        OutputFolder b = OutputFolder.begin(reports.resolve("run"));
        Files.writeString(b.work().resolve("b.txt"), "b");
        b.commit(false);
        assertFalse(Files.exists(reports.resolve("run/a.txt")));
        assertTrue(Files.exists(reports.resolve("run/b.txt")));
        assertFalse(Files.exists(reports.resolve("latest")), "an explicit --out does not move latest");
        try (Stream<Path> s = Files.list(reports)) {
            assertEquals(1, s.count(), "no temporary folders left");
        }
    }
}
