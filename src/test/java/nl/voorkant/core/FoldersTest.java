package nl.voorkant.core;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FoldersTest {
    @Test
    void aFullDiskIsFoundDeepInsideAFailedJob() {
        // As Spark reports a task that could not write: wrappers around Hadoop's FSError around the IOException.
        Throwable job = new RuntimeException("Job aborted", new IllegalStateException("Task failed while writing rows",
                new Error("java.io.IOException: No space left on device", new IOException("No space left on device"))));
        assertEquals(Optional.of("No space left on device"), Folders.spaceProblem(job));
        assertEquals(Optional.of("Disk quota exceeded"), Folders.spaceProblem(new IOException("write: Disk quota exceeded")));
        assertEquals(Optional.empty(), Folders.spaceProblem(new RuntimeException("No space left on device")),
                "only a file-system error says so");
        assertEquals(Optional.empty(), Folders.spaceProblem(new IOException("Unexpected end of ZLIB input stream")),
                "a damaged input is not a full disk");
    }
}
