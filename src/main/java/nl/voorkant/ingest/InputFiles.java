package nl.voorkant.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Name, size and SHA-256 of each input file, so a report can be traced to the exact extract it
 * came from, and whether this run parsed it or found it parsed in the cache.
 */
public final class InputFiles {
    private InputFiles() {}

    public static List<Map<String, Object>> describe(List<ParsedCache.Entry> entries) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ParsedCache.Entry e : entries) {
            ClaimIngest.InputFile f = e.file();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("format", f.format());
            m.put("size", f.size());
            m.put("sha256", f.sha256());
            m.put("parsed", e.reused() ? "from cache" : "this run");
            if (!e.notes().isEmpty()) m.put("notes", e.notes());
            if (f.ijw()) m.put("ijw", e.ijw());
            out.add(m);
        }
        return out;
    }

    /**
     * What the run read of iJw messages, or empty without any: the message kinds and versions read,
     * the files that are not readable iJw messages (their lines counted as unreadable), the JW323
     * messages whose TotaalIngediendBedrag differs from their lines, and the accepted lines without a
     * referrer (no allocation found in the folder's JW301 messages).
     */
    public static java.util.Optional<Map<String, Object>> ijwSummary(List<ParsedCache.Entry> entries) {
        java.util.TreeMap<String, Long> versions = new java.util.TreeMap<>();
        List<Map<String, Object>> unreadable = new ArrayList<>(), mismatches = new ArrayList<>();
        long unreadableLines = 0, withoutReferrer = 0;
        boolean any = false;
        for (ParsedCache.Entry e : entries) {
            if (!e.file().ijw()) continue;
            any = true;
            Map<String, String> n = e.ijw();
            if (n.containsKey("problem")) {
                Map<String, Object> u = new LinkedHashMap<>();
                u.put("name", e.file().name());
                u.put("reason", n.get("problem"));
                u.put("unreadable_lines", Long.parseLong(n.getOrDefault("unreadable_lines", "0")));
                unreadable.add(u);
                unreadableLines += Long.parseLong(n.getOrDefault("unreadable_lines", "0"));
                continue;
            }
            versions.merge(n.get("message") + " " + n.get("ijw_version"), 1L, Long::sum);
            withoutReferrer += Long.parseLong(n.getOrDefault("lines_without_referrer", "0"));
            if ("mismatch".equals(n.get("total_check"))) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", e.file().name());
                m.put("total_declared", n.get("total_declared"));
                m.put("total_lines", n.get("total_lines"));
                mismatches.add(m);
            }
        }
        if (!any) return java.util.Optional.empty();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("messages_read", versions);
        out.put("lines_without_referrer", withoutReferrer);
        out.put("files_unreadable", unreadable);
        out.put("rows_unreadable", unreadableLines);
        out.put("total_mismatches", mismatches);
        return java.util.Optional.of(out);
    }
}
