package nl.voorkant.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Folders that a run writes before it moves them into place ({@code .<name>.partial-*} beside a
 * report) or before it commits them (an entry of the parsed-claims cache), each with a lock file
 * beside it that its run holds while it lives. On local disk the lock file is locked: the operating
 * system drops the lock when the process ends, however it ends, so a later run can tell an abandoned
 * folder (lock free) from another run's live work (lock held) without guessing from its age. Stores
 * without locks (HDFS, object stores) keep the lock file only as a claim on the name; there, as for
 * folders without a lock file (an older voorkant's), a folder counts as abandoned only when nothing
 * in it changed for {@link #UNLOCKED_AGE}.
 */
public final class WorkFolders {
    /** How long a folder without a testable lock must have been left alone before it counts as abandoned. */
    static final Duration UNLOCKED_AGE = Duration.ofDays(1);
    private static final String LOCK = ".lock";
    /**
     * The lock files this JVM holds. Closing any channel on a locked file can release the JVM's lock
     * on it (POSIX), so a clean-up in this JVM must not even open them.
     */
    private static final Set<StoragePath> HELD = ConcurrentHashMap.newKeySet();

    private WorkFolders() {}

    /** A live work folder: its lock is held until {@link #close}. */
    public static final class Work implements AutoCloseable {
        private final StoragePath dir;
        private final StoragePath lockFile;
        /** The lock's channel on local disk; null on a store without locks. */
        private final FileChannel channel;

        private Work(StoragePath dir, StoragePath lockFile, FileChannel channel) {
            this.dir = dir;
            this.lockFile = lockFile;
            this.channel = channel;
        }

        public StoragePath dir() {
            return dir;
        }

        /** Releases the lock and removes the lock file; the folder itself is the caller's (moved, committed or deleted). */
        @Override
        public void close() {
            try {
                if (channel != null) channel.close();
                lockFile.deleteTree();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the lock file " + lockFile, e);
            } finally {
                HELD.remove(lockFile);
            }
        }
    }

    /**
     * A new folder {@code parent/name}, its lock file made (and on local disk locked) before the
     * folder exists, so that no clean-up ever sees the folder unclaimed while its run lives. Throws
     * FileAlreadyExistsException when another run holds the name.
     */
    public static Work create(StoragePath parent, String name) throws IOException {
        StoragePath lockFile = parent.resolve(name + LOCK);
        Optional<Path> local = lockFile.local();
        FileChannel channel = null;
        if (local.isPresent()) {
            channel = FileChannel.open(local.get(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } else {
            lockFile.createNew().close();
        }
        try {
            if (channel != null && channel.tryLock() == null) throw new IOException("cannot lock " + lockFile);
            HELD.add(lockFile);
            StoragePath dir = parent.resolve(name);
            dir.mkdir();
            return new Work(dir, lockFile, channel);
        } catch (IOException | RuntimeException e) {
            HELD.remove(lockFile);
            if (channel != null) channel.close();
            lockFile.deleteTree();
            throw e;
        }
    }

    /**
     * Removes the folders in {@code parent} that {@code isWork} accepts and that no live run holds,
     * with their lock files; returns how many. A folder it cannot judge (a lock it cannot test) or
     * cannot remove is left alone, for a later run.
     */
    public static int removeAbandoned(StoragePath parent, Predicate<StoragePath> isWork) {
        List<StoragePath.Status> children;
        try {
            children = parent.list();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
        int removed = 0;
        for (StoragePath.Status c : children) {
            String name = c.path().name();
            if (name.endsWith(LOCK) || c.kind() != StoragePath.Kind.FOLDER) continue;
            try {
                if (isWork.test(c.path()) && removeIfAbandoned(c.path(), c.path().sibling(name + LOCK), isWork)) removed++;
            } catch (IOException | UncheckedIOException e) {
                // Tidying is a courtesy: what cannot be removed now stays for a later run.
            }
        }
        return removed;
    }

    private static boolean removeIfAbandoned(StoragePath dir, StoragePath lockFile, Predicate<StoragePath> isWork)
            throws IOException {
        if (HELD.contains(lockFile)) return false;
        Optional<Path> local = lockFile.local();
        if (local.isEmpty() || !lockFile.exists()) {
            if (!untouchedSince(dir, lockFile, Instant.now().minus(UNLOCKED_AGE))) return false;
            dir.deleteTree();
            lockFile.deleteTree();
            return true;
        }
        try (FileChannel channel = FileChannel.open(local.get(), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) return false; // another process's live work
            // The owner moves its folder away (or commits it) before it lets go of the lock, so what is
            // still here, and still work, is left over.
            if (!isWork.test(dir)) return false;
            dir.deleteTree();
            Files.deleteIfExists(local.get());
            return true;
        } catch (NoSuchFileException | OverlappingFileLockException e) {
            return false; // its run just finished, or this JVM holds it
        } catch (IOException e) {
            return false; // a file system without locks: leave it rather than guess
        }
    }

    /** Whether nothing in {@code dir}, itself and its lock file included, was modified after {@code cutoff}. */
    private static boolean untouchedSince(StoragePath dir, StoragePath lockFile, Instant cutoff) throws IOException {
        for (StoragePath p : List.of(dir, lockFile)) {
            Optional<StoragePath.Status> s = p.status();
            if (s.isPresent() && s.get().modified().isAfter(cutoff)) return false;
        }
        for (StoragePath.Status s : dir.walk()) {
            if (s.modified().isAfter(cutoff)) return false;
        }
        return true;
    }
}
