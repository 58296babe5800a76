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
            m.put("format", f.parquet() ? "parquet" : WorkbookSheet.isWorkbook(f.path()) ? "xlsx" : "csv");
            m.put("size", f.size());
            m.put("sha256", f.sha256());
            m.put("parsed", e.reused() ? "from cache" : "this run");
            if (!e.notes().isEmpty()) m.put("notes", e.notes());
            out.add(m);
        }
        return out;
    }
}
