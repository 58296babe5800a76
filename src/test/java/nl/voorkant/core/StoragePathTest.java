package nl.voorkant.core;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoragePathTest {
    @Test
    void aLocalPathStaysAsTypedAndNamesItsFolderAsHadoopDoes(@TempDir Path dir) {
        StoragePath typed = StoragePath.of("data/claims");
        assertEquals("data/claims", typed.toString(), "shown as the user typed it");
        assertEquals(Path.of("data/claims"), typed.local().orElseThrow());
        assertEquals("claims", typed.name());
        assertEquals(dir.toUri().toString().replaceAll("/$", ""), StoragePath.of(dir).uri(),
                "an existing folder's URI without java.nio's trailing slash");
        assertEquals(StoragePath.of(dir), StoragePath.of(dir.toUri().toString()), "a file: URI is a local path");
        assertEquals(StoragePath.of(dir), StoragePath.of(dir.resolve("a")).parent());
    }

    @Test
    void relativeNamesUseForwardSlashesAndStayBelowTheirFolder(@TempDir Path dir) {
        StoragePath root = StoragePath.of(dir);
        StoragePath file = root.resolve("2019/jan.csv");
        assertEquals("2019/jan.csv", root.relative(file));
        assertTrue(file.startsWith(root));
        assertTrue(root.startsWith(root));
        assertFalse(StoragePath.of(dir.resolveSibling(dir.getFileName() + "-other")).startsWith(root),
                "a sibling whose name starts alike is not below it");
        assertThrows(IllegalArgumentException.class, () -> file.relative(root));
    }

    @Test
    void aLinkIsItsOwnKindAndAWalkDoesNotFollowIt(@TempDir Path dir) throws IOException {
        Path inside = Files.createDirectories(dir.resolve("real"));
        Files.writeString(inside.resolve("a.csv"), "x");
        Files.createSymbolicLink(dir.resolve("link"), inside);
        List<StoragePath.Status> all = StoragePath.of(dir).walk();
        assertEquals(List.of("link", "real", "a.csv"), all.stream().map(s -> s.path().name()).toList(),
                "depth first by name, the link not entered");
        assertEquals(StoragePath.Kind.LINK, all.get(0).kind());
        assertEquals(StoragePath.Kind.FILE, all.get(2).kind());
        assertEquals(1, all.get(2).size());
    }

    @Test
    void createNewRefusesAFileThatIsThereAndMoveToKeepsTheBytes(@TempDir Path dir) throws IOException {
        StoragePath claim = StoragePath.of(dir).resolve("x.lock");
        claim.createNew().close();
        assertThrows(FileAlreadyExistsException.class, claim::createNew, "a second run's claim on the name fails");
        StoragePath file = StoragePath.of(dir).resolve(".hidden");
        try (var out = file.create()) {
            out.write(new byte[] {1, 2, 3});
        }
        file.moveTo(StoragePath.of(dir).resolve("shown"));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(dir.resolve("shown")));
        assertFalse(file.exists());
    }

    @Test
    void aSchemeNoFileSystemKnowsIsAOneLineError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoragePath.of("nosuch://host/claims"));
        assertTrue(e.getMessage().contains("nosuch"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }
}
