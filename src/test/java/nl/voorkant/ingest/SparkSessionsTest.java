package nl.voorkant.ingest;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a remote executor is sent when the job runs from Maven's target/classes (StandaloneClusterIT runs it) or run.sh's jar. */
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

    @Test
    void aJarGoesAsItIsWithTheDependenciesListedBesideIt(@TempDir Path target) throws IOException {
        Path jar = Files.writeString(target.resolve("voorkant-classes.jar"), "");
        Files.writeString(target.resolve("runtime-classpath.txt"), "/m2/commons-math3.jar:/m2/snakeyaml.jar\n");
        assertEquals(List.of(jar.toString(), "/m2/commons-math3.jar", "/m2/snakeyaml.jar"), SparkSessions.applicationJars(jar),
                "run.sh's jar of voorkant's classes, not packed again, then its own dependencies");
    }

    @Test
    void aJarWithNothingBesideItGoesAlone(@TempDir Path dir) throws IOException {
        Path jar = Files.writeString(dir.resolve("voorkant-cluster.jar"), "");
        assertEquals(List.of(jar.toString()), SparkSessions.applicationJars(jar), "a copied cluster jar bundles its dependencies");
    }
}
