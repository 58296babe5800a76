package nl.voorkant.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.voorkant.core.Folders;
import nl.voorkant.core.WorkFolders;
import nl.voorkant.ingest.InputError;

/**
 * A run writes into a hidden folder beside its target ({@code .<name>.partial-*}) and moves it into
 * place only when complete, so an interrupted run never leaves a half report; {@code latest} beside
 * it then points at the newest complete run.
 *
 * <p>voorkant replaces only what it can prove it made: a folder whose marker file
 * ({@link #MARKER}, written last) lists every file in it with its size, and nothing else is there.
 * An empty folder is taken too (nothing in it to lose); inside a report, so is an empty sub-folder. Anything else (a file, a foreign or
 * changed folder, a link, a home folder, {@code /}) is refused before anything is created.
 */
final class OutputFolder {
    static final String MARKER = ".voorkant-report";
    private static final String MARKER_HEADER = "voorkant report: its files and their sizes in bytes";
    /** Work folders beside targets: this version's (locked, a UUID or "run") and an older one's (digits, unlocked). */
    private static final Pattern WORK_NAME = Pattern.compile("\\..+\\.(partial|old)-[0-9a-z-]+");

    private final Path target;
    private final WorkFolders.Work work;

    private OutputFolder(Path target, WorkFolders.Work work) {
        this.target = target;
        this.work = work;
    }

    /** A folder at {@code target}, replacing an earlier voorkant report there at {@link #commit}. */
    static OutputFolder replacing(Path target, boolean shared) {
        Path abs = refuseUnlessReplaceable(target);
        Path parent = prepareParent(abs, shared);
        return new OutputFolder(abs, createWork(parent, "." + abs.getFileName() + ".partial-" + UUID.randomUUID(), shared));
    }

    /**
     * A folder named {@code target}, or {@code target-2}, {@code target-3} … when that name is taken
     * (two runs started in the same second): each run holds its name from the start, so no two
     * runs share one folder and none replaces another's.
     */
    static OutputFolder unique(Path target, boolean shared) {
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getParent() == null) throw refused(abs, "is the root of the file system");
        Path parent = prepareParent(abs, shared);
        for (int n = 1; ; n++) {
            Path candidate = n == 1 ? abs : abs.resolveSibling(abs.getFileName() + "-" + n);
            if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) continue;
            // The work folder's name is the claim: a second run finds its lock file taken.
            WorkFolders.Work work;
            try {
                work = WorkFolders.create(parent, "." + candidate.getFileName() + ".partial-run");
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (IOException e) {
                throw cannotWrite(parent, e);
            }
            // A run that held this name until a moment ago has moved its folder into place by now.
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) return new OutputFolder(candidate, shared(work, shared));
            work.close();
            Folders.deleteTree(work.dir());
        }
    }

    /** {@code target} as an absolute path, when voorkant may write there; else the one-line refusal. */
    static Path refuseUnlessReplaceable(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        String why = refusal(abs);
        if (why != null) throw refused(abs, why);
        if (abs.getParent() == null) throw refused(abs, "is the root of the file system");
        return abs;
    }

    /** Why {@code p} may not be replaced, or null: it is absent, an empty folder, or an unchanged voorkant report. */
    static String refusal(Path p) {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return null;
        if (Files.isSymbolicLink(p)) return "is a symbolic link";
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return "is a file, not a folder";
        try {
            try (Stream<Path> children = Files.list(p)) {
                if (children.findAny().isEmpty()) return null;
            }
            // The marker first: a folder without one (a home folder, /) is never walked.
            Path marker = p.resolve(MARKER);
            if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) return "exists and is not a voorkant report";
            Map<String, Long> listed = readMarker(marker);
            Map<String, Long> found = files(p);
            found.remove(MARKER);
            for (Map.Entry<String, Long> f : found.entrySet()) {
                if (!f.getValue().equals(listed.get(f.getKey()))) {
                    return "holds " + f.getKey() + ", which " + (listed.containsKey(f.getKey()) ? "was changed since voorkant wrote it"
                            : "voorkant did not write");
                }
            }
            return null;
        } catch (IOException | UncheckedIOException e) {
            return "cannot be read to check that voorkant wrote it (" + cause(e) + ")";
        }
    }

    /** Where the run writes until {@link #commit}. */
    Path work() {
        return work.dir();
    }

    Path target() {
        return target;
    }

    /** Marks the finished run as voorkant's, moves it into place (replacing an earlier report) and updates {@code latest}. */
    void commit(boolean updateLatest) {
        try {
            writeMarker(work.dir());
            String why = refusal(target);
            if (why != null) throw refused(target, why + " (changed during the run)");
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                replace();
            } else {
                move(work.dir(), target);
            }
            if (updateLatest) pointLatestAt(target);
        } catch (IOException e) {
            throw new InputError("cannot move the finished run to " + target + ": " + cause(e));
        } finally {
            work.close();
        }
    }

    /** Removes the unfinished folder of a failed run. */
    void abandon() {
        try {
            Folders.deleteTree(work.dir());
        } finally {
            work.close();
        }
    }

    /**
     * The old report goes into a locked folder of its own before the new one takes its place, so an
     * interruption between the two moves leaves a folder that a later run removes.
     */
    private void replace() throws IOException {
        Path parent = target.getParent();
        WorkFolders.Work aside = WorkFolders.create(parent, "." + target.getFileName() + ".old-" + UUID.randomUUID());
        try {
            Path old = aside.dir().resolve(target.getFileName());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            try {
                move(work.dir(), target);
            } catch (IOException e) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                throw e;
            }
            Folders.deleteTree(aside.dir());
        } finally {
            aside.close();
        }
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

    /** The parent of {@code target}, created when missing, with the abandoned work of interrupted runs removed. */
    private static Path prepareParent(Path target, boolean shared) {
        Path parent = target.getParent();
        try {
            if (!Files.isDirectory(parent)) {
                Files.createDirectories(parent);
                if (!shared) privateFolder(parent);
            }
        } catch (IOException e) {
            throw cannotWrite(parent, e);
        }
        WorkFolders.removeAbandoned(parent, name -> WORK_NAME.matcher(name).matches());
        return parent;
    }

    private static WorkFolders.Work createWork(Path parent, String name, boolean shared) {
        try {
            return shared(WorkFolders.create(parent, name), shared);
        } catch (IOException e) {
            throw cannotWrite(parent, e);
        }
    }

    /** Work folders start private; a report to share is read like any other folder. */
    private static WorkFolders.Work shared(WorkFolders.Work work, boolean shared) {
        try {
            if (work.dir().getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(work.dir(), PosixFilePermissions.fromString(shared ? "rwxr-xr-x" : "rwx------"));
            }
            return work;
        } catch (IOException e) {
            work.close();
            throw cannotWrite(work.dir(), e);
        }
    }

    private static void privateFolder(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Every regular file and anything else that is not a folder (a link, say) under {@code dir}, with its size. */
    private static Map<String, Long> files(Path dir) throws IOException {
        Map<String, Long> out = new HashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isDirectory()) continue;
                // A link or device is never one of voorkant's files: -1 matches no listed size.
                out.put(relative(dir, p), a.isRegularFile() ? a.size() : -1L);
            }
        }
        return out;
    }

    private static void writeMarker(Path dir) throws IOException {
        List<String> lines = new ArrayList<>(List.of(MARKER_HEADER));
        files(dir).entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(f -> lines.add(f.getValue() + "\t" + f.getKey()));
        Files.write(dir.resolve(MARKER), lines, StandardCharsets.UTF_8);
    }

    private static Map<String, Long> readMarker(Path marker) throws IOException {
        List<String> lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
        Map<String, Long> listed = new HashMap<>();
        if (lines.isEmpty() || !lines.get(0).equals(MARKER_HEADER)) return listed;
        for (String line : lines.subList(1, lines.size())) {
            int tab = line.indexOf('\t');
            if (tab < 0) continue;
            try {
                listed.put(line.substring(tab + 1), Long.parseLong(line.substring(0, tab)));
            } catch (NumberFormatException e) {
                // a damaged line lists nothing, so its file counts as foreign
            }
        }
        return listed;
    }

    private static String relative(Path dir, Path p) {
        return dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    }

    private static InputError refused(Path p, String why) {
        return new InputError("refusing to write the report to " + p + ": it " + why
                + " (voorkant replaces only a report it wrote; choose another --out)");
    }

    private static InputError cannotWrite(Path dir, IOException e) {
        return new InputError("cannot write in " + dir + ": " + cause(e));
    }

    /** The reason of a file-system error without repeating its path. */
    static String cause(Exception e) {
        Throwable c = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (c instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        if (c instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (c instanceof java.nio.file.NoSuchFileException) return "no such file or folder";
        if (c instanceof FileAlreadyExistsException) return "a file of that name exists";
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
