package nl.voorkant.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Name, size and SHA-256 of each input file, so a report can be traced to the exact extract it came from. */
public final class InputFiles {
    private InputFiles() {}

    public static List<Map<String, Object>> describe(List<ClaimIngest.InputFile> files) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ClaimIngest.InputFile f : files) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("format", f.parquet() ? "parquet" : "csv");
            m.put("size", f.size());
            m.put("sha256", sha256(f));
            out.add(m);
        }
        return out;
    }

    private static String sha256(ClaimIngest.InputFile f) {
        try (InputStream in = Files.newInputStream(f.path())) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
