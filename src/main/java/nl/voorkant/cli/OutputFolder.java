package nl.voorkant.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import nl.voorkant.core.Folders;

/**
 * A run writes into a hidden folder beside its target and moves it into place only when complete,
 * so an interrupted run never leaves a half report; {@code latest} beside it then points at the
 * newest complete run.
 */
final class OutputFolder {
    private final Path target;
    private final Path work;

    private OutputFolder(Path target, Path work) {
        this.target = target;
        this.work = work;
    }

    static OutputFolder begin(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs.getParent());
            Path work = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".partial-");
            // A temporary folder is private; a report folder is read like any other.
            if (work.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return new OutputFolder(abs, work);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output folder beside " + abs, e);
        }
    }

    /** Where the run writes until {@link #commit}. */
    Path work() {
        return work;
    }

    Path target() {
        return target;
    }

    /** Moves the finished run into place (replacing an earlier folder of the same name) and updates {@code latest}. */
    void commit(boolean updateLatest) {
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
                Files.move(target, old);
            }
            move(work, target);
            if (old != null) Folders.deleteTree(old);
            if (updateLatest) pointLatestAt(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the finished run to " + target, e);
        }
    }

    /** Removes the unfinished folder of a failed run. */
    void abandon() {
        Folders.deleteTree(work);
    }

    /** A relative symlink {@code latest}, swapped in by rename so readers never see it missing. */
    static void pointLatestAt(Path run) throws IOException {
        Path latest = run.resolveSibling("latest");
        Path fresh = run.resolveSibling(".latest-" + System.nanoTime());
        try {
            Files.createSymbolicLink(fresh, run.getFileName());
            move(fresh, latest);
        } catch (UnsupportedOperationException | IOException e) {
            // File systems without symlinks get the name of the newest run instead.
            Files.deleteIfExists(fresh);
            Files.writeString(run.resolveSibling("latest.txt"), run.getFileName() + System.lineSeparator());
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
