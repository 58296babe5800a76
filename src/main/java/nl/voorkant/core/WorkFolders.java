package nl.voorkant.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Folders that a run writes before it moves them into place ({@code .<name>.partial-*} beside a
 * report, {@code .tmp-*} in the parsed-claims cache), each with a lock file beside it that its run
 * holds locked while it lives. The operating system drops the lock when the process ends, however
 * it ends, so a later run can tell an abandoned folder (lock free) from another run's live work
 * (lock held) without guessing from its age. Folders without a lock file (an older voorkant's)
 * count as abandoned only when nothing in them changed for {@link #UNLOCKED_AGE}.
 */
public final class WorkFolders {
    /** How long a folder without a lock file must have been left alone before it counts as abandoned. */
    static final Duration UNLOCKED_AGE = Duration.ofDays(1);
    private static final String LOCK = ".lock";
    /**
     * The lock files this JVM holds. Closing any channel on a locked file can release the JVM's lock
     * on it (POSIX), so a clean-up in this JVM must not even open them.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private WorkFolders() {}

    /** A live work folder: its lock is held until {@link #close}. */
    public static final class Work implements AutoCloseable {
        private final Path dir;
        private final Path lockFile;
        private final FileChannel channel;

        private Work(Path dir, Path lockFile, FileChannel channel) {
            this.dir = dir;
            this.lockFile = lockFile;
            this.channel = channel;
        }

        public Path dir() {
            return dir;
        }

        /** Releases the lock and removes the lock file; the folder itself is the caller's (moved or deleted). */
        @Override
        public void close() {
            try {
                channel.close();
                Files.deleteIfExists(lockFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the lock file " + lockFile, e);
            } finally {
                HELD.remove(lockFile);
            }
        }
    }

    /**
     * A new folder {@code parent/name}, its lock taken before the folder exists, so that no clean-up
     * ever sees the folder unlocked while its run lives. Throws FileAlreadyExistsException when
     * another run holds the name.
     */
    public static Work create(Path parent, String name) throws IOException {
        Path lockFile = parent.resolve(name + LOCK);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() == null) throw new IOException("cannot lock " + lockFile);
            HELD.add(lockFile);
            return new Work(Files.createDirectory(parent.resolve(name)), lockFile, channel);
        } catch (IOException | RuntimeException e) {
            HELD.remove(lockFile);
            channel.close();
            Files.deleteIfExists(lockFile);
            throw e;
        }
    }

    /**
     * Removes the folders in {@code parent} whose name {@code isWork} accepts and that no live run
     * holds, with their lock files; returns how many. A folder it cannot judge (a lock it cannot
     * test) or cannot remove is left alone, for a later run.
     */
    public static int removeAbandoned(Path parent, Predicate<String> isWork) {
        if (!Files.isDirectory(parent)) return 0;
        List<Path> children;
        try (Stream<Path> s = Files.list(parent)) {
            children = s.toList();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
        int removed = 0;
        for (Path c : children) {
            String name = c.getFileName().toString();
            if (name.endsWith(LOCK) || !isWork.test(name) || !Files.isDirectory(c, LinkOption.NOFOLLOW_LINKS)) continue;
            try {
                if (removeIfAbandoned(c, c.resolveSibling(name + LOCK))) removed++;
            } catch (IOException | UncheckedIOException e) {
                // Tidying is a courtesy: what cannot be removed now stays for a later run.
            }
        }
        return removed;
    }

    private static boolean removeIfAbandoned(Path dir, Path lockFile) throws IOException {
        if (HELD.contains(lockFile)) return false;
        if (!Files.exists(lockFile)) {
            if (!untouchedSince(dir, Instant.now().minus(UNLOCKED_AGE))) return false;
            Folders.deleteTree(dir);
            return true;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) return false; // another process's live work
            // The owner moves its folder away before it lets go of the lock, so what is still here is left over.
            Folders.deleteTree(dir);
            Files.deleteIfExists(lockFile);
            return true;
        } catch (NoSuchFileException | OverlappingFileLockException e) {
            return false; // its run just finished, or this JVM holds it
        } catch (IOException e) {
            return false; // a file system without locks: leave it rather than guess
        }
    }

    /** Whether nothing in {@code dir}, itself included, was modified after {@code cutoff}. */
    private static boolean untouchedSince(Path dir, Instant cutoff) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                if (Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().isAfter(cutoff)) return false;
            }
        }
        return true;
    }
}
