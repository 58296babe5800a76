package nl.voorkant.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.voorkant.core.Folders;
import nl.voorkant.core.StoragePath;
import nl.voorkant.core.WorkFolders;
import nl.voorkant.ingest.InputError;

/**
 * A run writes into a hidden folder beside its target ({@code .<name>.partial-*}) and moves it into
 * place only when complete, so an interrupted run never leaves a half report; {@code latest} beside
 * it then points at the newest complete run (a symbolic link, or where the store has none, the
 * pointer file {@code latest.txt} naming it). The target may be a local folder or one on a Hadoop
 * file system (HDFS, S3 …): what Spark writes goes straight into the work folder there
 * ({@link #store}), what the driver writes goes to {@link #work}, which off local disk is a local
 * folder copied into the work folder at {@link #commit}.
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

    private final StoragePath target;
    private final WorkFolders.Work work;
    /** Where the driver writes: the work folder itself on local disk, else a local folder copied in at commit. */
    private final Path staging;

    private OutputFolder(StoragePath target, WorkFolders.Work work, Path staging) {
        this.target = target;
        this.work = work;
        this.staging = staging;
    }

    private static OutputFolder of(StoragePath target, WorkFolders.Work work) {
        Optional<Path> local = work.dir().local();
        try {
            return new OutputFolder(target, work, local.isPresent() ? local.get() : Files.createTempDirectory("voorkant-report-"));
        } catch (IOException e) {
            work.close();
            Folders.deleteTree(work.dir());
            throw new InputError("cannot write in the temporary folder: " + cause(e));
        }
    }

    /** A folder at {@code target}, replacing an earlier voorkant report there at {@link #commit}. */
    static OutputFolder replacing(StoragePath target, boolean shared) {
        StoragePath abs = refuseUnlessReplaceable(target);
        StoragePath parent = prepareParent(abs, shared);
        return of(abs, createWork(parent, "." + abs.name() + ".partial-" + UUID.randomUUID(), shared));
    }

    /**
     * A folder named {@code target}, or {@code target-2}, {@code target-3} … when that name is taken
     * (two runs started in the same second): each run holds its name from the start, so no two
     * runs share one folder and none replaces another's.
     */
    static OutputFolder unique(StoragePath target, boolean shared) {
        StoragePath abs = target.absolute();
        if (abs.parent() == null) throw refused(abs, "is the root of the file system");
        StoragePath parent = prepareParent(abs, shared);
        for (int n = 1; ; n++) {
            StoragePath candidate = n == 1 ? abs : abs.sibling(abs.name() + "-" + n);
            if (present(candidate)) continue;
            // The work folder's name is the claim: a second run finds its lock file taken.
            WorkFolders.Work work;
            try {
                work = WorkFolders.create(parent, "." + candidate.name() + ".partial-run");
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (IOException e) {
                throw cannotWrite(parent, e);
            }
            // A run that held this name until a moment ago has moved its folder into place by now.
            if (!present(candidate)) return of(candidate, shared(work, shared));
            work.close();
            Folders.deleteTree(work.dir());
        }
    }

    private static boolean present(StoragePath p) {
        try {
            return p.status().isPresent();
        } catch (IOException e) {
            throw cannotWrite(p.parent(), e);
        }
    }

    /** {@code target} as an absolute path, when voorkant may write there; else the one-line refusal. */
    static StoragePath refuseUnlessReplaceable(StoragePath target) {
        StoragePath abs = target.absolute();
        String why = refusal(abs);
        if (why != null) throw refused(abs, why);
        if (abs.parent() == null) throw refused(abs, "is the root of the file system");
        return abs;
    }

    /** Why {@code p} may not be replaced, or null: it is absent, an empty folder, or an unchanged voorkant report. */
    static String refusal(StoragePath p) {
        try {
            Optional<StoragePath.Status> s = p.status();
            if (s.isEmpty()) return null;
            if (s.get().kind() == StoragePath.Kind.LINK) return "is a symbolic link";
            if (s.get().kind() != StoragePath.Kind.FOLDER) return "is a file, not a folder";
            if (p.list().isEmpty()) return null;
            // The marker first: a folder without one (a home folder, /) is never walked.
            StoragePath marker = p.resolve(MARKER);
            if (marker.status().map(m -> m.kind() != StoragePath.Kind.FILE).orElse(true)) {
                return "exists and is not a voorkant report";
            }
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

    /** Where the driver writes the run's files until {@link #commit}: a local folder. */
    Path work() {
        return staging;
    }

    /** The work folder on the target's store, where Spark's executors write (the same folder as {@link #work} on local disk). */
    StoragePath store() {
        return work.dir();
    }

    StoragePath target() {
        return target;
    }

    /** Marks the finished run as voorkant's, moves it into place (replacing an earlier report) and updates {@code latest}. */
    void commit(boolean updateLatest) {
        try {
            upload();
            writeMarker(work.dir());
            String why = refusal(target);
            if (why != null) throw refused(target, why + " (changed during the run)");
            if (target.status().isPresent()) {
                replace();
            } else {
                work.dir().moveTo(target);
            }
            if (updateLatest) pointLatestAt(target);
        } catch (IOException e) {
            throw new InputError("cannot move the finished run to " + target + ": " + cause(e));
        } finally {
            dropStaging();
            work.close();
        }
    }

    /** Removes the unfinished folder of a failed run. */
    void abandon() {
        try {
            Folders.deleteTree(work.dir());
            dropStaging();
        } finally {
            work.close();
        }
    }

    /** The driver's files into the work folder, where the two differ (a target off local disk). */
    private void upload() throws IOException {
        if (isStaged()) return;
        StoragePath from = StoragePath.of(staging);
        for (StoragePath.Status s : from.walk()) {
            StoragePath to = work.dir().resolve(from.relative(s.path()));
            if (s.kind() == StoragePath.Kind.FOLDER) {
                to.mkdirs();
            } else {
                try (InputStream in = s.path().open(); OutputStream out = to.create()) {
                    in.transferTo(out);
                }
            }
        }
    }

    private boolean isStaged() {
        return work.dir().local().map(staging::equals).orElse(false);
    }

    private void dropStaging() {
        if (!isStaged()) Folders.deleteTree(staging);
    }

    /**
     * The old report goes into a locked folder of its own before the new one takes its place, so an
     * interruption between the two moves leaves a folder that a later run removes.
     */
    private void replace() throws IOException {
        StoragePath parent = target.parent();
        WorkFolders.Work aside = WorkFolders.create(parent, "." + target.name() + ".old-" + UUID.randomUUID());
        try {
            StoragePath old = aside.dir().resolve(target.name());
            target.moveTo(old);
            try {
                work.dir().moveTo(target);
            } catch (IOException e) {
                old.moveTo(target);
                throw e;
            }
            Folders.deleteTree(aside.dir());
        } finally {
            aside.close();
        }
    }

    /**
     * A relative symlink {@code latest}, swapped in by rename so readers never see it missing; where
     * the store has no symlinks, the pointer file {@code latest.txt} with the newest run's name.
     */
    static void pointLatestAt(StoragePath run) throws IOException {
        StoragePath latest = run.sibling("latest");
        StoragePath fresh = run.sibling(".latest-" + System.nanoTime());
        try {
            fresh.linkTo(run.name());
            fresh.moveTo(latest);
        } catch (UnsupportedOperationException | IOException e) {
            fresh.deleteTree();
            try (Writer w = new java.io.OutputStreamWriter(run.sibling("latest.txt").create(), StandardCharsets.UTF_8)) {
                w.write(run.name() + System.lineSeparator());
            }
        }
    }

    /** The parent of {@code target}, created when missing, with the abandoned work of interrupted runs removed. */
    private static StoragePath prepareParent(StoragePath target, boolean shared) {
        StoragePath parent = target.parent();
        try {
            if (!parent.isDirectory()) {
                parent.mkdirs();
                if (!shared) parent.restrict(false);
            }
        } catch (IOException e) {
            throw cannotWrite(parent, e);
        }
        WorkFolders.removeAbandoned(parent, p -> WORK_NAME.matcher(p.name()).matches());
        return parent;
    }

    private static WorkFolders.Work createWork(StoragePath parent, String name, boolean shared) {
        try {
            return shared(WorkFolders.create(parent, name), shared);
        } catch (IOException e) {
            throw cannotWrite(parent, e);
        }
    }

    /** Work folders start private; a report to share is read like any other folder. */
    private static WorkFolders.Work shared(WorkFolders.Work work, boolean shared) {
        try {
            work.dir().restrict(shared);
            return work;
        } catch (IOException e) {
            work.close();
            throw cannotWrite(work.dir(), e);
        }
    }

    /** Every regular file and anything else that is not a folder (a link, say) under {@code dir}, with its size. */
    private static Map<String, Long> files(StoragePath dir) throws IOException {
        Map<String, Long> out = new HashMap<>();
        for (StoragePath.Status s : dir.walk()) {
            if (s.kind() == StoragePath.Kind.FOLDER) continue;
            // A link or device is never one of voorkant's files: -1 matches no listed size.
            out.put(dir.relative(s.path()), s.kind() == StoragePath.Kind.FILE ? s.size() : -1L);
        }
        return out;
    }

    private static void writeMarker(StoragePath dir) throws IOException {
        List<String> lines = new ArrayList<>(List.of(MARKER_HEADER));
        files(dir).entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(f -> lines.add(f.getValue() + "\t" + f.getKey()));
        try (Writer w = new java.io.OutputStreamWriter(dir.resolve(MARKER).create(), StandardCharsets.UTF_8)) {
            for (String line : lines) w.write(line + System.lineSeparator());
        }
    }

    private static Map<String, Long> readMarker(StoragePath marker) throws IOException {
        List<String> lines;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(marker.open(), StandardCharsets.UTF_8))) {
            lines = r.lines().toList();
        }
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

    private static InputError refused(StoragePath p, String why) {
        return new InputError("refusing to write the report to " + p + ": it " + why
                + " (voorkant replaces only a report it wrote; choose another --out)");
    }

    private static InputError cannotWrite(StoragePath dir, IOException e) {
        return new InputError("cannot write in " + dir + ": " + cause(e));
    }

    /** The reason of a file-system error without repeating its path. */
    static String cause(Exception e) {
        return Folders.reason(e);
    }
}
