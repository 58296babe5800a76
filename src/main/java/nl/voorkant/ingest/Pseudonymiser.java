package nl.voorkant.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a client id (BSN or client number) by a keyed hash at the moment it is read, so that no
 * later stage, log or output ever holds the raw id. HMAC-SHA-256 with a secret key: without the key
 * a pseudonym cannot be recomputed from a guessed BSN (the BSN space is small enough to enumerate).
 * The first 64 bits serve as the pseudonym: collisions stay negligible at national scale (about
 * 3e-6 for ten million clients) and a long groups and shuffles far cheaper than a string.
 *
 * <p>There is no built-in key: a key in the source is a key anyone can know. Without a configured
 * key each installation makes its own random one, once, in a file only the user can read.
 */
public final class Pseudonymiser implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String KEY_ENV = "VOORKANT_PSEUDONYM_KEY";
    public static final String KEY_FILE_ENV = "VOORKANT_PSEUDONYM_KEY_FILE";
    static final int MIN_KEY_BYTES = 16;
    static final int RANDOM_KEY_BYTES = 32;
    /** Keys the fingerprint's HMAC, so that a fingerprint is no plain SHA-256 of a (perhaps typed) key. */
    private static final byte[] FINGERPRINT_LABEL = "voorkant pseudonymisation key fingerprint".getBytes(StandardCharsets.UTF_8);
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final byte[] key;
    private final String source;
    private transient Mac mac;
    private transient Map<String, Long> cache;
    /** The numbers and pseudonyms of the number cache ({@link #numbered}); −1: an empty slot. */
    private transient long[] numbers, numberPseudonyms;
    private static final int NUMBER_SLOTS = 1 << 18;

    private Pseudonymiser(byte[] key, String source) {
        this.key = key.clone();
        this.source = source;
    }

    /** A key given as text (tests, the benchmark's throwaway key), read as a key from a file or the environment is. */
    public static Pseudonymiser withKey(String key) {
        return fromText(key, "explicit");
    }

    /**
     * The key from --key-file, else VOORKANT_PSEUDONYM_KEY, else VOORKANT_PSEUDONYM_KEY_FILE, else the
     * installation's key file, made on first use. The first of these that is set is used: a set but
     * empty variable is a failed secret lookup, and an error rather than a reason to try the next.
     */
    public static Pseudonymiser fromEnvironment(Path keyFile) {
        return configured(keyFile, System.getenv(), System.err);
    }

    static Pseudonymiser configured(Path keyFile, Map<String, String> env, PrintStream notices) {
        if (keyFile != null) return fromFile(keyFile, "file " + keyFile);
        if (env.get(KEY_ENV) != null) return fromText(env.get(KEY_ENV), "env " + KEY_ENV);
        String named = env.get(KEY_FILE_ENV);
        if (named != null) {
            if (named.isBlank()) throw new InputError(KEY_FILE_ENV + " is set but empty: name the key file, or unset it");
            return fromFile(Path.of(named), "file " + named + " (" + KEY_FILE_ENV + ")");
        }
        Path installation = installationKeyFile(env);
        if (createKeyFile(installation)) {
            notices.println("voorkant: made a new pseudonymisation key for this installation in " + installation
                    + " (readable only by you).");
            notices.println("voorkant: keep that file: runs with the same key give the same pseudonyms, so their results"
                    + " can be linked; without it, new pseudonyms no longer match earlier ones.");
        }
        return fromFile(installation, "installation key file " + installation);
    }

    /** Where an installation keeps its own key: $XDG_CONFIG_HOME/voorkant, else ~/.config/voorkant. */
    static Path installationKeyFile(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG rules ignore a relative path.
        Path config = xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("voorkant").resolve("pseudonym.key");
    }

    /** 32 bytes from SecureRandom as hex: text, so that it can be moved into an environment variable unchanged. */
    public static String randomKeyText() {
        byte[] b = new byte[RANDOM_KEY_BYTES];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * Key text as it is used, from any source: without surrounding whitespace, so that a file's final
     * newline or a pasted space does not make other pseudonyms than the same text elsewhere.
     */
    static String normaliseKey(String text) {
        return text.strip();
    }

    private static Pseudonymiser fromText(String text, String source) {
        String k = normaliseKey(text);
        if (k.isEmpty()) throw new InputError("the pseudonymisation key (" + source + ") is empty");
        byte[] bytes = k.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_KEY_BYTES) {
            throw new InputError("the pseudonymisation key (" + source + ") is shorter than " + MIN_KEY_BYTES + " bytes");
        }
        return new Pseudonymiser(bytes, source);
    }

    /** A key file must be private, as ssh wants of a private key: whoever reads it can pseudonymise a list of all BSNs. */
    private static Pseudonymiser fromFile(Path file, String source) {
        String text;
        try {
            if (posix(file)) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                if (!Collections.disjoint(perms, OTHERS)) {
                    throw new InputError("the pseudonymisation key file " + file + " is open to other users ("
                            + PosixFilePermissions.toString(perms) + "): make it private with chmod 600 " + file);
                }
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputError("cannot read the pseudonymisation key file " + file + ": " + reason(e));
        }
        return fromText(text, source);
    }

    /**
     * Makes the installation's key file unless it exists; true when this call made it. The key is
     * written whole into a private temporary file that is then linked to its name: a link never
     * replaces an existing file, so of two runs that start at once one makes the key and the other
     * reads that one, and no run ever reads a half-written key.
     */
    static boolean createKeyFile(Path file) {
        if (Files.exists(file)) return false;
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir, ownerOnly(dir, "rwx------"));
            Path temporary = Files.createTempFile(dir, ".pseudonym.key-", ".tmp", ownerOnly(dir, "rw-------"));
            try {
                try (FileChannel c = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    c.write(ByteBuffer.wrap((randomKeyText() + "\n").getBytes(StandardCharsets.US_ASCII)));
                    c.force(true); // the only copy of the key: on disk before anything uses it
                }
                Files.createLink(file, temporary);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false; // another run made it first; its key is the one
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new InputError("cannot make the pseudonymisation key file " + file + ": " + reason(e)
                    + "; set " + KEY_FILE_ENV + " or use --key-file");
        }
    }

    /** Permissions given at creation, so that the file or folder is never open to others, not even briefly. */
    private static FileAttribute<?>[] ownerOnly(Path onFileSystem, String permissions) {
        return posix(onFileSystem) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString(permissions))} : new FileAttribute<?>[0];
    }

    private static boolean posix(Path onFileSystem) {
        return onFileSystem.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** The cause of a file problem in a few words, never the file's content. */
    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof CharacterCodingException) return "not UTF-8 text";
        if (e instanceof UnsupportedOperationException) return "the file system cannot link files";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Where the key came from, for the manifest (never the key itself). */
    public String source() {
        return source;
    }

    /**
     * A short fingerprint of the key: two runs with the same fingerprint produce linkable pseudonyms.
     * 48 bits of an HMAC under a fixed label, so that it reveals nothing about a random key and
     * cannot be looked up in a table of plain SHA-256 digests of guessable keys.
     */
    public String keyFingerprint() {
        return HexFormat.of().formatHex(hmac(FINGERPRINT_LABEL).doFinal(key), 0, 6);
    }

    /**
     * The pseudonym of a client id. Ids made only of digits lose their leading zeros first, because
     * a BSN that passed through a spreadsheet often has; other ids are only trimmed.
     */
    public long pseudonym(String clientId) {
        String id = clientId.strip();
        long number = number(id);
        if (number >= 0) return numbered(number);
        id = normalise(id);
        if (cache == null) {
            cache = new HashMap<>();
        } else if (cache.size() > 200_000) {
            cache.clear();
        }
        Long cached = cache.get(id);
        if (cached != null) return cached;
        long v = mac(id);
        cache.put(id, v);
        return v;
    }

    /**
     * A number's pseudonym through a direct-mapped cache of numbers: most client ids are BSNs or client
     * numbers, and a map of their strings cost a string hash, a comparison and a boxed value per line
     * (measured at ten million lines: about 4% of the ingest).
     */
    private long numbered(long number) {
        if (numbers == null) {
            numbers = new long[NUMBER_SLOTS];
            java.util.Arrays.fill(numbers, -1);
            numberPseudonyms = new long[NUMBER_SLOTS];
        }
        int slot = (int) ((number * 0x9E3779B97F4A7C15L) >>> (64 - Integer.numberOfTrailingZeros(NUMBER_SLOTS)));
        if (numbers[slot] == number) return numberPseudonyms[slot];
        // The number's digits without leading zeros: the id normalise gives, as text.
        long v = mac(Long.toString(number));
        numbers[slot] = number;
        numberPseudonyms[slot] = v;
        return v;
    }

    /** The value of an id of 1 to 18 digits (leading zeros count for nothing, as in normalise); −1 for any other id. */
    static long number(String id) {
        int n = id.length();
        if (n == 0 || n > 18) return -1;
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The first 64 bits of the id's HMAC. */
    private long mac(String id) {
        byte[] h = mac().doFinal(id.getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (h[i] & 0xff);
        return v;
    }

    public static String hex(long pseudonym) {
        return HexFormat.of().toHexDigits(pseudonym);
    }

    static String normalise(String clientId) {
        String id = clientId.strip();
        int i = 0;
        boolean digits = !id.isEmpty();
        for (int k = 0; k < id.length(); k++) {
            if (id.charAt(k) < '0' || id.charAt(k) > '9') { digits = false; break; }
        }
        if (!digits) return id;
        while (i < id.length() - 1 && id.charAt(i) == '0') i++;
        return id.substring(i);
    }

    private Mac mac() {
        if (mac == null) mac = hmac(key);
        return mac;
    }

    private static Mac hmac(byte[] macKey) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(macKey, "HmacSHA256"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
