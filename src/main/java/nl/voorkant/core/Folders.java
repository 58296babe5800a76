package nl.voorkant.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/** File-system chores shared by the stages. */
public final class Folders {
    private Folders() {}

    /** Removes a file or a folder with everything in it; nothing when it does not exist. */
    public static void deleteTree(Path p) {
        deleteTree(StoragePath.of(p));
    }

    public static void deleteTree(StoragePath p) {
        try {
            p.deleteTree();
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

    /** The reason of a file-system error without its path, on one line, for an error message. */
    public static String reason(Throwable e) {
        Throwable c = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (c instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        if (c instanceof java.nio.file.AccessDeniedException
                || c instanceof org.apache.hadoop.security.AccessControlException) return "permission denied";
        if (c instanceof java.nio.file.NoSuchFileException || c instanceof java.io.FileNotFoundException) {
            return "no such file or folder";
        }
        if (c instanceof java.nio.file.FileAlreadyExistsException
                || c instanceof org.apache.hadoop.fs.FileAlreadyExistsException) return "a file of that name exists";
        String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        return m.lines().findFirst().orElse("").strip();
    }
}
