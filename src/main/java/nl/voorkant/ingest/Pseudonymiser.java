package nl.voorkant.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a client id (BSN or client number) by a keyed hash at the moment it is read, so that no
 * later stage, log or output ever holds the raw id. HMAC-SHA-256 with a secret key: without the key
 * a pseudonym cannot be recomputed from a guessed BSN (the BSN space is small enough to enumerate).
 * The first 64 bits serve as the pseudonym: collisions stay negligible at national scale (about
 * 3e-6 for ten million clients) and a long groups and shuffles far cheaper than a string.
 */
public final class Pseudonymiser implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String KEY_ENV = "VOORKANT_PSEUDONYM_KEY";
    public static final String KEY_FILE_ENV = "VOORKANT_PSEUDONYM_KEY_FILE";
    static final String DEVELOPMENT_KEY = "voorkant-development-key-do-not-use-for-real-data";

    private final byte[] key;
    private final String source;
    private transient Mac mac;
    private transient Map<String, Long> cache;

    private Pseudonymiser(byte[] key, String source) {
        if (key.length < 16) throw new InputError("the pseudonymisation key must be at least 16 bytes long");
        this.key = key.clone();
        this.source = source;
    }

    public static Pseudonymiser withKey(String key) {
        return new Pseudonymiser(key.getBytes(StandardCharsets.UTF_8), "explicit");
    }

    /** The key from --key-file, else VOORKANT_PSEUDONYM_KEY, else VOORKANT_PSEUDONYM_KEY_FILE, else the development key. */
    public static Pseudonymiser fromEnvironment(Path keyFile) {
        if (keyFile == null && System.getenv(KEY_ENV) != null && !System.getenv(KEY_ENV).isEmpty()) {
            return new Pseudonymiser(System.getenv(KEY_ENV).getBytes(StandardCharsets.UTF_8), "env " + KEY_ENV);
        }
        if (keyFile == null && System.getenv(KEY_FILE_ENV) != null && !System.getenv(KEY_FILE_ENV).isEmpty()) {
            keyFile = Path.of(System.getenv(KEY_FILE_ENV));
        }
        if (keyFile != null) {
            try {
                return new Pseudonymiser(Files.readString(keyFile, StandardCharsets.UTF_8).strip()
                        .getBytes(StandardCharsets.UTF_8), "file " + keyFile);
            } catch (IOException e) {
                throw new InputError("cannot read the pseudonymisation key file " + keyFile);
            }
        }
        return new Pseudonymiser(DEVELOPMENT_KEY.getBytes(StandardCharsets.UTF_8), "development key");
    }

    public boolean isDevelopmentKey() {
        return "development key".equals(source);
    }

    /** Where the key came from, for the manifest (never the key itself). */
    public String source() {
        return source;
    }

    /** A short fingerprint of the key: two runs with the same fingerprint produce linkable pseudonyms. */
    public String keyFingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The pseudonym of a client id. Ids made only of digits lose their leading zeros first, because
     * a BSN that passed through a spreadsheet often has; other ids are only trimmed.
     */
    public long pseudonym(String clientId) {
        String id = normalise(clientId);
        if (cache == null) {
            cache = new HashMap<>();
        } else if (cache.size() > 200_000) {
            cache.clear();
        }
        Long cached = cache.get(id);
        if (cached != null) return cached;
        byte[] h = mac().doFinal(id.getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (h[i] & 0xff);
        cache.put(id, v);
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
        if (mac == null) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        }
        return mac;
    }
}
