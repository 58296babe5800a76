package nl.voorkant.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** File-system chores shared by the stages. */
public final class Folders {
    private Folders() {}

    /** Removes a file or a folder with everything in it; nothing when it does not exist. */
    public static void deleteTree(Path p) {
        if (!Files.exists(p)) return;
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + p, e);
        }
    }

    /**
     * The reason when {@code failure} (a Spark job's, say, with the task's error deep inside) is a
     * full disk or an exceeded quota: the job wrote, so the place it wrote to is the one to name.
     */
    public static Optional<String> spaceProblem(Throwable failure) {
        for (Throwable c = failure; c != null && c.getCause() != c; c = c.getCause()) {
            String m = c.getMessage();
            if (c instanceof IOException && m != null) {
                for (String reason : new String[] {"No space left on device", "Disk quota exceeded"}) {
                    if (m.contains(reason)) return Optional.of(reason);
                }
            }
        }
        return Optional.empty();
    }
}
