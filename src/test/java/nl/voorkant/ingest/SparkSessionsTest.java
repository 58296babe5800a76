package nl.voorkant.ingest;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a remote executor is sent when the job runs from Maven's target/classes (StandaloneClusterIT runs it). */
class SparkSessionsTest {
    @Test
    void aClassFolderIsPackedWithItsSubfolders(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("nl/voorkant"));
        Files.writeString(dir.resolve("nl/voorkant/A.class"), "a");
        Files.writeString(dir.resolve("top.properties"), "b=1");
        try (JarFile jar = new JarFile(SparkSessions.pack(dir).toFile())) {
            assertEquals(List.of("nl/voorkant/A.class", "top.properties"),
                    jar.stream().map(e -> e.getName()).sorted().toList());
        }
    }

    @Test
    void executorsGetVoorkantAndItsOwnDependenciesButNotSpark() throws IOException {
        List<String> jars = SparkSessions.applicationJars();
        try (JarFile classes = new JarFile(jars.get(0))) {
            assertNotNull(classes.getEntry("nl/voorkant/ingest/SparkSessions.class"));
            assertNotNull(classes.getEntry("voorkant.properties"));
        }
        assertTrue(jars.stream().anyMatch(j -> j.contains("commons-math3")), jars.toString());
        assertTrue(jars.stream().anyMatch(j -> j.contains("snakeyaml")), jars.toString());
        assertTrue(jars.stream().noneMatch(j -> j.matches(".*/(spark|scala|hadoop)-[^/]*\\.jar")), jars.toString());
        assertTrue(jars.stream().noneMatch(j -> j.contains("junit")), jars.toString());
    }
}
