package nl.voorkant.core;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * A file or folder where voorkant reads or writes data: a local path (as the user typed it), or a
 * Hadoop FileSystem URI ({@code hdfs://}, {@code s3a://}, {@code abfs://} …) on storage that the
 * driver and every executor reach. Every read and write of claims, reference, cache and reports
 * goes through here, so the stages do one thing per idea whatever the store; local paths keep
 * {@code java.nio} (byte for byte as before, with its file locks and symbolic links), other stores
 * go through Hadoop's {@link FileSystem}. Serializable, so that a task can carry one to an executor.
 */
public final class StoragePath implements Serializable {
    private static final long serialVersionUID = 1L;
    /** A URI scheme of two or more letters (one letter is a Windows drive): {@code hdfs:}, {@code s3a:}, {@code file:}. */
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");
    private static final String HADOOP_PREFIX = "spark.hadoop.";

    /** What a path is, links not followed: a link (local disk only) is never one of voorkant's own files or folders. */
    public enum Kind { FILE, FOLDER, LINK, OTHER }

    public record Status(StoragePath path, Kind kind, long size, Instant modified) {}

    /** The local path as given (relative stays relative), or null. */
    private final String local;
    /** The store's URI, or null for a local path. */
    private final URI remote;

    private StoragePath(String local, URI remote) {
        this.local = local;
        this.remote = remote;
    }

    /** A local path, or a URI with a scheme; {@code file:} URIs are local paths. */
    public static StoragePath of(String spec) {
        if (!SCHEME.matcher(spec).matches()) return of(Path.of(spec));
        URI uri = URI.create(spec).normalize();
        if ("file".equalsIgnoreCase(uri.getScheme())) return of(Path.of(uri));
        if (uri.getPath() == null || uri.getPath().isEmpty()) uri = uri.resolve("/");
        // Qualified as the store lists its files (hdfs:///x names the default file system's host), so
        // that a path built here and one from a listing compare equal.
        try {
            FileSystem fs = FileSystem.get(uri, configuration());
            return new StoragePath(null, fs.makeQualified(new org.apache.hadoop.fs.Path(uri)).toUri());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(Folders.reason(e), e);
        }
    }

    public static StoragePath of(Path local) {
        return new StoragePath(local.toString(), null);
    }

    /** The local path, or empty on another store. */
    public Optional<Path> local() {
        return local == null ? Optional.empty() : Optional.of(Path.of(local));
    }

    /** The path as Spark and Hadoop name it: an absolute URI. */
    public String uri() {
        if (remote != null) return remote.toString();
        String uri = Path.of(local).toAbsolutePath().normalize().toUri().toString();
        // java.nio ends the URI of an existing folder with a slash; Hadoop's paths never do.
        return uri.endsWith("/") && uri.length() > "file:///".length() ? uri.substring(0, uri.length() - 1) : uri;
    }

    public String name() {
        if (local != null) {
            Path n = Path.of(local).getFileName();
            return n == null ? "" : n.toString();
        }
        String p = remote.getPath();
        String trimmed = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** The parent folder, or null for a root. */
    public StoragePath parent() {
        if (local != null) {
            Path parent = Path.of(local).toAbsolutePath().normalize().getParent();
            return parent == null ? null : of(parent);
        }
        if (name().isEmpty()) return null;
        String p = remote.getPath();
        String trimmed = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        return remote(trimmed.substring(0, Math.max(1, trimmed.lastIndexOf('/'))));
    }

    /** {@code child} below this folder; {@code child} may hold slashes. */
    public StoragePath resolve(String child) {
        if (local != null) return of(Path.of(local).resolve(child));
        String p = remote.getPath();
        return remote((p.endsWith("/") ? p : p + "/") + child);
    }

    /** Another path on this store; {@code path} unescaped (a space is a space). */
    private StoragePath remote(String path) {
        try {
            return new StoragePath(null, new URI(remote.getScheme(), remote.getAuthority(), path, null, null).normalize());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A sibling of this path. */
    public StoragePath sibling(String name) {
        return parent().resolve(name);
    }

    /** Absolute and normalised, so that two spellings of one place compare equal. */
    public StoragePath absolute() {
        return local != null ? of(Path.of(local).toAbsolutePath().normalize()) : this;
    }

    /** Whether this path is {@code other} or lies below it. */
    public boolean startsWith(StoragePath other) {
        if (local != null || other.local != null) {
            return local != null && other.local != null && Path.of(absolute().local).startsWith(Path.of(other.absolute().local));
        }
        String a = remote.getPath(), b = other.remote.getPath();
        return sameStore(other) && (a.equals(b) || a.startsWith(b.endsWith("/") ? b : b + "/"));
    }

    private boolean sameStore(StoragePath other) {
        return java.util.Objects.equals(remote.getScheme(), other.remote.getScheme())
                && java.util.Objects.equals(remote.getAuthority(), other.remote.getAuthority());
    }

    /** The path of {@code below} relative to this folder, with forward slashes. */
    public String relative(StoragePath below) {
        if (!below.startsWith(this)) throw new IllegalArgumentException(below + " is not below " + this);
        if (local != null) {
            Path rel = Path.of(absolute().local).relativize(Path.of(below.absolute().local));
            return rel.toString().replace(rel.getFileSystem().getSeparator(), "/");
        }
        String a = remote.getPath(), b = below.remote.getPath();
        return b.substring(Math.min(b.length(), (a.endsWith("/") ? a : a + "/").length()));
    }

    // ---- reading

    /** What is there, a link not followed; empty when nothing is. */
    public Optional<Status> status() throws IOException {
        if (local != null) {
            try {
                return Optional.of(status(Path.of(local)));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(status(fs().getFileStatus(hadoop())));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        }
    }

    public boolean exists() {
        return quietly(() -> status().isPresent());
    }

    /** A folder (a local link to one counts). */
    public boolean isDirectory() {
        if (local != null) return Files.isDirectory(Path.of(local));
        return quietly(() -> status().map(s -> s.kind() == Kind.FOLDER).orElse(false));
    }

    /** A regular file (a local link to one counts). */
    public boolean isFile() {
        if (local != null) return Files.isRegularFile(Path.of(local));
        return quietly(() -> status().map(s -> s.kind() == Kind.FILE).orElse(false));
    }

    public long size() throws IOException {
        return local != null ? Files.size(Path.of(local)) : fs().getFileStatus(hadoop()).getLen();
    }

    /** The folder's children, by name; nothing when it is not a folder. */
    public List<Status> list() throws IOException {
        List<Status> out = new ArrayList<>();
        if (local != null) {
            Path dir = Path.of(local);
            if (!Files.isDirectory(dir)) return out;
            try (Stream<Path> children = Files.list(dir)) {
                for (Path c : children.toList()) {
                    try {
                        out.add(status(c));
                    } catch (NoSuchFileException gone) {
                        // removed since the listing: not there
                    }
                }
            }
        } else {
            try {
                for (FileStatus s : fs().listStatus(hadoop())) out.add(status(s));
            } catch (FileNotFoundException e) {
                return out;
            }
        }
        out.sort(Comparator.comparing(s -> s.path().name()));
        return out;
    }

    /** Everything below this folder (not itself), depth first, by name; links are not followed. */
    public List<Status> walk() throws IOException {
        List<Status> out = new ArrayList<>();
        for (Status c : list()) {
            out.add(c);
            if (c.kind() == Kind.FOLDER) out.addAll(c.path().walk());
        }
        return out;
    }

    public InputStream open() throws IOException {
        return local != null ? Files.newInputStream(Path.of(local)) : fs().open(hadoop());
    }

    // ---- writing

    /** A new or emptied file; on a store without atomic renames it appears when the stream is closed (S3) or grows as written (HDFS). */
    public OutputStream create() throws IOException {
        if (local != null) {
            Files.createDirectories(Path.of(local).toAbsolutePath().getParent());
            return Files.newOutputStream(Path.of(local));
        }
        return fs().create(hadoop(), true);
    }

    /** A new file; FileAlreadyExistsException when one is there (atomically so on local disk and HDFS). */
    public OutputStream createNew() throws IOException {
        if (local != null) return Files.newOutputStream(Path.of(local), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            return fs().create(hadoop(), false);
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(toString());
        }
    }

    /** This folder and its parents. */
    public void mkdirs() throws IOException {
        if (local != null) Files.createDirectories(Path.of(local));
        else if (!fs().mkdirs(hadoop())) throw new IOException("cannot create the folder " + this);
    }

    /** A new folder; FileAlreadyExistsException when something is there. */
    public void mkdir() throws IOException {
        if (local != null) {
            Files.createDirectory(Path.of(local));
            return;
        }
        if (exists()) throw new FileAlreadyExistsException(toString());
        mkdirs();
    }

    /** Removes a file or a folder with everything in it; nothing when it does not exist. */
    public void deleteTree() throws IOException {
        if (local == null) {
            fs().delete(hadoop(), true);
            return;
        }
        Path p = Path.of(local);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        }
    }

    /**
     * Renames this file or folder to {@code target}, which must not exist (a local empty folder
     * aside): atomic on local disk and HDFS; on object stores a copy, which is why the parsed cache
     * never relies on it.
     */
    public void moveTo(StoragePath target) throws IOException {
        if (local != null && target.local != null) {
            Files.move(Path.of(local), Path.of(target.local), StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        if (target.exists()) throw new FileAlreadyExistsException(target.toString());
        // Hadoop's rename moves into an existing folder rather than failing, hence the check above.
        if (!fs().rename(hadoop(), target.hadoop())) throw new IOException("cannot rename " + this + " to " + target);
    }

    /** Readable by its owner only, or by everyone ({@code shared}), where the store has permissions. */
    public void restrict(boolean shared) throws IOException {
        if (local != null) {
            Path p = Path.of(local);
            if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(shared ? "rwxr-xr-x" : "rwx------"));
            }
        } else {
            fs().setPermission(hadoop(), new FsPermission(shared ? (short) 0755 : (short) 0700));
        }
    }

    /** A relative symbolic link here to {@code name}; UnsupportedOperationException where the store has none. */
    public void linkTo(String name) throws IOException {
        if (local == null) throw new UnsupportedOperationException("symbolic links on " + remote.getScheme());
        Files.createSymbolicLink(Path.of(local), Path.of(name));
    }

    // ---- plumbing

    private static Status status(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Kind kind = a.isDirectory() ? Kind.FOLDER : a.isRegularFile() ? Kind.FILE : a.isSymbolicLink() ? Kind.LINK : Kind.OTHER;
        return new Status(of(p), kind, a.size(), a.lastModifiedTime().toInstant());
    }

    private Status status(FileStatus s) {
        Kind kind = s.isDirectory() ? Kind.FOLDER : s.isFile() ? Kind.FILE : Kind.OTHER;
        StoragePath p = s.getPath().equals(hadoop()) ? this
                : new StoragePath(null, s.getPath().toUri().normalize());
        return new Status(p, kind, s.getLen(), Instant.ofEpochMilli(s.getModificationTime()));
    }

    private org.apache.hadoop.fs.Path hadoop() {
        return new org.apache.hadoop.fs.Path(remote);
    }

    private FileSystem fs() throws IOException {
        return FileSystem.get(remote, configuration());
    }

    /**
     * Hadoop's settings: its *-site.xml files where the classpath or HADOOP_CONF_DIR has them, plus
     * the {@code spark.hadoop.*} properties of this JVM's Spark (its SparkConf on an executor, the
     * system properties spark-submit sets on the driver), as Spark's own readers see them.
     * Credentials come from there or from the environment, never from voorkant.
     */
    static Configuration configuration() {
        Configuration conf = new Configuration();
        org.apache.spark.SparkEnv env = org.apache.spark.SparkEnv.get();
        Map<String, String> settings = new java.util.HashMap<>();
        if (env != null) {
            for (scala.Tuple2<String, String> kv : env.conf().getAll()) settings.put(kv._1(), kv._2());
        } else {
            System.getProperties().stringPropertyNames().forEach(k -> settings.put(k, System.getProperty(k)));
        }
        settings.forEach((k, v) -> {
            if (k.startsWith(HADOOP_PREFIX)) conf.set(k.substring(HADOOP_PREFIX.length()), v);
        });
        return conf;
    }

    private interface IoCheck {
        boolean test() throws IOException;
    }

    /** A yes/no question whose I/O failure is unchecked (the callers' questions have no "cannot tell"). */
    private static boolean quietly(IoCheck check) {
        try {
            return check.test();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoragePath p && java.util.Objects.equals(local, p.local) && java.util.Objects.equals(remote, p.remote);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(local, remote);
    }

    /** As the user would type it: the local path as given, or the URI. */
    @Override
    public String toString() {
        return local != null ? local : remote.toString();
    }
}
