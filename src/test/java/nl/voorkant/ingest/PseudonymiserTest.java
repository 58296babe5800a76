package nl.voorkant.ingest;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Where the pseudonymisation key comes from, and that no run falls back on a key anyone can know. */
class PseudonymiserTest {
    static final String BSN = "123456782";
    private final ByteArrayOutputStream noticeBytes = new ByteArrayOutputStream();
    private final PrintStream notices = new PrintStream(noticeBytes, true, StandardCharsets.UTF_8);

    @BeforeAll
    static void posix() {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "file permissions are POSIX ones here");
    }

    /** An environment with only XDG_CONFIG_HOME: a separate installation in {@code home}. */
    static Map<String, String> installation(Path home, String... more) {
        Map<String, String> env = new HashMap<>(Map.of("XDG_CONFIG_HOME", home.toString()));
        for (int i = 0; i < more.length; i += 2) env.put(more[i], more[i + 1]);
        return env;
    }

    Pseudonymiser configured(Path keyFile, Map<String, String> env) {
        return Pseudonymiser.configured(keyFile, env, notices);
    }

    static Path privateFile(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @Test
    void withoutAKeyAnInstallationMakesAPrivateRandomKeyOnceAndKeepsUsingIt(@TempDir Path home) throws IOException {
        Pseudonymiser first = configured(null, installation(home));
        Path file = home.resolve("voorkant").resolve("pseudonym.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "only the user reads the key");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())), "in a private folder");
        String said = noticeBytes.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains(file.toString()) && said.contains("linked"), "the run says where the key is and why to keep it: " + said);
        assertTrue(Files.readString(file).strip().matches("[0-9a-f]{64}"), "32 random bytes as hex");
        try (var left = Files.list(file.getParent())) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left beside the key");
        }

        noticeBytes.reset();
        Pseudonymiser second = configured(null, installation(home));
        assertEquals(first.keyFingerprint(), second.keyFingerprint(), "the second run uses the same key");
        assertEquals(first.pseudonym(BSN), second.pseudonym(BSN), "so its pseudonyms link to the first run's");
        assertEquals("", noticeBytes.toString(StandardCharsets.UTF_8), "the notice comes once, when the key is made");
        assertEquals("installation key file " + file, second.source(), "the manifest names the file, not the key");

        Pseudonymiser copied = configured(null, installation(home, Pseudonymiser.KEY_ENV, Files.readString(file)));
        assertEquals(first.pseudonym(BSN), copied.pseudonym(BSN), "the key file's text moves into the environment unchanged");
    }

    @Test
    void twoInstallationsGetDifferentRandomKeys(@TempDir Path one, @TempDir Path other) throws IOException {
        Pseudonymiser a = configured(null, installation(one));
        Pseudonymiser b = configured(null, installation(other));
        assertNotEquals(a.keyFingerprint(), b.keyFingerprint(), "no key is built in: each installation has its own");
        assertNotEquals(a.pseudonym(BSN), b.pseudonym(BSN));
        String key = Files.readString(one.resolve("voorkant/pseudonym.key")).strip();
        assertTrue(a.keyFingerprint().matches("[0-9a-f]{12}"), a.keyFingerprint());
        assertFalse(key.contains(a.keyFingerprint()), "the fingerprint is no piece of the key");
    }

    @Test
    void runsThatMakeTheKeyAtTheSameMomentEndUpWithOneKey(@TempDir Path home) throws Exception {
        Path file = home.resolve("voorkant").resolve("pseudonym.key");
        int runs = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            List<Future<Boolean>> made = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                made.add(pool.submit(() -> {
                    start.await();
                    return Pseudonymiser.createKeyFile(file);
                }));
            }
            start.countDown();
            int makers = 0;
            for (Future<Boolean> f : made) makers += f.get() ? 1 : 0;
            assertEquals(1, makers, "exactly one run makes the key, the others read it");
        } finally {
            pool.shutdown();
        }
        assertTrue(Files.readString(file).strip().matches("[0-9a-f]{64}"), "the key is whole");
    }

    @Test
    void anEmptyKeyVariableIsAFailedSecretLookupAndStopsTheRun(@TempDir Path home) throws IOException {
        Path good = privateFile(home.resolve("good.key"), "a perfectly good key of enough bytes\n");
        assertOneLineError("VOORKANT_PSEUDONYM_KEY", () -> configured(null,
                installation(home, Pseudonymiser.KEY_ENV, "", Pseudonymiser.KEY_FILE_ENV, good.toString())));
        assertOneLineError("VOORKANT_PSEUDONYM_KEY", () -> configured(null, installation(home, Pseudonymiser.KEY_ENV, " \n")));
        assertOneLineError("VOORKANT_PSEUDONYM_KEY_FILE", () -> configured(null,
                installation(home, Pseudonymiser.KEY_FILE_ENV, "")));
        assertFalse(Files.exists(home.resolve("voorkant")), "an empty variable never falls through to the installation key");
    }

    @Test
    void theSameKeyTextGivesTheSamePseudonymsFromTheEnvironmentAndFromAFile(@TempDir Path home) throws IOException {
        String text = "the same key text, typed once";
        Path file = privateFile(home.resolve("key.txt"), text + "\n");
        Pseudonymiser fromFile = configured(file, installation(home));
        Pseudonymiser fromVariable = configured(null, installation(home, Pseudonymiser.KEY_FILE_ENV, file.toString()));
        Pseudonymiser fromEnv = configured(null, installation(home, Pseudonymiser.KEY_ENV, text));
        Pseudonymiser fromEnvWithNewline = configured(null, installation(home, Pseudonymiser.KEY_ENV, " " + text + "\r\n"));
        for (Pseudonymiser p : List.of(fromVariable, fromEnv, fromEnvWithNewline)) {
            assertEquals(fromFile.pseudonym(BSN), p.pseudonym(BSN), p.source() + " gives the --key-file's pseudonyms");
            assertEquals(fromFile.keyFingerprint(), p.keyFingerprint(), p.source());
        }
        assertEquals(fromFile.pseudonym(BSN), Pseudonymiser.withKey(text).pseudonym(BSN));
        assertEquals("file " + file, fromFile.source());
        assertEquals("env VOORKANT_PSEUDONYM_KEY", fromEnv.source());
    }

    @Test
    void aKeyFileThatIsMissingEmptyShortOrOpenToOthersIsAOneLineError(@TempDir Path home) throws IOException {
        Map<String, String> env = installation(home);
        assertOneLineError("no such file", () -> configured(home.resolve("missing.key"), env));
        assertOneLineError("is empty", () -> configured(privateFile(home.resolve("empty.key"), "\n"), env));
        assertOneLineError("shorter than 16 bytes", () -> configured(privateFile(home.resolve("short.key"), "sesame\n"), env));
        assertOneLineError("cannot read", () -> configured(home, env));
        Path shared = privateFile(home.resolve("shared.key"), "a perfectly good key of enough bytes\n");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r-----"));
        String message = assertOneLineError("chmod 600", () -> configured(shared, env));
        assertFalse(message.contains("perfectly"), "the message never holds the key");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw----rw-"));
        assertOneLineError("open to other users", () -> configured(null,
                installation(home, Pseudonymiser.KEY_FILE_ENV, shared.toString())));
    }

    static String assertOneLineError(String expected, Executable run) {
        InputError e = assertThrows(InputError.class, run, "expected an InputError saying " + expected);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    /** The first 64 bits of HMAC-SHA256 under the key's bytes, over the id's text: the definition, worked out here. */
    private static long hmac64(String key, String id) throws Exception {
        javax.crypto.Mac m = javax.crypto.Mac.getInstance("HmacSHA256");
        m.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.nio.ByteBuffer.wrap(m.doFinal(id.getBytes(StandardCharsets.UTF_8))).getLong();
    }

    @Test
    void numericIdsArePseudonymisedAsTheirDigitsWithoutLeadingZerosWhetherCachedOrNot() throws Exception {
        String key = "a test key of thirty-two bytes!!";
        Pseudonymiser p = Pseudonymiser.withKey(key);
        long bsn = hmac64(key, "123456782");
        assertEquals(bsn, p.pseudonym("123456782"), "a BSN: the HMAC of its digits");
        assertEquals(bsn, p.pseudonym("0123456782"), "a leading zero (a spreadsheet's) does not change the pseudonym");
        assertEquals(bsn, p.pseudonym(" 123456782 "), "nor does surrounding space");
        assertEquals(bsn, p.pseudonym("123456782"), "asked again (from the cache): the same");
        assertEquals(hmac64(key, "0"), p.pseudonym("000"), "zeros only: the id 0");
        String nineteen = "1234567890123456789";
        assertEquals(hmac64(key, nineteen), p.pseudonym(nineteen), "19 digits, beyond the number cache: the same rule");
        assertEquals(hmac64(key, "A123"), p.pseudonym("A123"), "an id with letters: its text as it stands");
        // Many numbers through one cache of 2^18 slots: some share a slot and push each other out.
        for (long n = 100_000_000L; n < 100_600_000L; n += 997) {
            assertEquals(hmac64(key, Long.toString(n)), p.pseudonym(Long.toString(n)), "number " + n);
        }
        for (long n = 100_000_000L; n < 100_600_000L; n += 997 * 50) {
            assertEquals(hmac64(key, Long.toString(n)), p.pseudonym(Long.toString(n)), "number " + n + " again");
        }
    }
}
