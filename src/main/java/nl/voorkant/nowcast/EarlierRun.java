package nl.voorkant.nowcast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.voorkant.core.StoragePath;
import nl.voorkant.ingest.ClaimParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.voorkant.core.Table;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.Role;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.flow.tables.Dimensions;
import nl.voorkant.flow.tables.FlowMonth;
import nl.voorkant.flow.tables.FlowYear;
import nl.voorkant.flow.tables.Revisions;

/**
 * The report an analyst ran before this one, and {@link Revisions} against it: the flow_month and
 * flow_year cells of the rows both runs have whose published value changed. The earlier tables are
 * read back from their CSV files, each cell by its column's declared type.
 */
public final class EarlierRun {
    private EarlierRun() {}

    /** A compared table and its period column. */
    private record Compared(Schema schema, Column period) {}

    private static final List<Compared> COMPARED = List.of(new Compared(FlowMonth.NOWCAST_SCHEMA, Dimensions.MONTH),
            new Compared(FlowYear.NOWCAST_SCHEMA, Dimensions.YEAR));

    /** The earlier run's tables, and why there are none (null when there are). */
    public record Found(Path folder, Map<String, Table> tables, String notCompared) {}

    /**
     * The earlier run for a report at {@code target}: the report there that this one replaces, else the
     * one {@code latest} beside it points at (the link, or {@code latest.txt} where links are refused).
     * A run published with all figures (internal) is not compared into a published one: its small counts would show.
     */
    public static Found find(StoragePath target, boolean publish) {
        // Earlier runs are read from local disk; a report folder on a cluster store is not compared yet.
        return target.local().map(local -> find(local, publish))
                .orElseGet(() -> new Found(null, Map.of(), "earlier runs on " + target.uri() + " are not read"));
    }

    static Found find(Path target, boolean publish) {
        Path folder = tablesIn(target) ? target : latest(target.toAbsolutePath().normalize().resolveSibling("latest"));
        if (folder == null) return new Found(null, Map.of(), "no earlier run beside " + target.getFileName());
        try {
            if (publish && !"publish".equals(disclosure(folder))) {
                return new Found(folder, Map.of(), "the earlier run was not published with disclosure control");
            }
            Map<String, Table> tables = new LinkedHashMap<>();
            for (Compared compared : COMPARED) {
                Schema s = compared.schema();
                Path csv = folder.resolve("tables").resolve(s.name() + ".csv");
                if (Files.isRegularFile(csv)) tables.put(s.name(), read(csv, s));
            }
            return new Found(folder, tables, null);
        } catch (IOException | RuntimeException e) {
            return new Found(folder, Map.of(), "the earlier run's tables cannot be read");
        }
    }

    private static boolean tablesIn(Path dir) {
        return dir != null && Files.isRegularFile(dir.resolve("tables").resolve(FlowMonth.SCHEMA.name() + ".csv"));
    }

    private static Path latest(Path link) {
        if (tablesIn(link)) return link;
        Path txt = link.resolveSibling("latest.txt");
        try {
            if (!Files.isRegularFile(txt)) return null;
            Path named = link.resolveSibling(Files.readString(txt, StandardCharsets.UTF_8).strip());
            return tablesIn(named) ? named : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String disclosure(Path folder) throws IOException {
        Path manifest = folder.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) return null;
        JsonNode mode = new ObjectMapper().readTree(manifest.toFile()).path("parameters").path("disclosure");
        return mode.isTextual() ? mode.asText() : null;
    }

    /**
     * A published CSV read back as a table of {@code schema}'s columns that it has, in its own order:
     * an earlier version may lack later columns. Columns the schema does not know are left out.
     */
    static Table read(Path csv, Schema schema) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = ClaimParser.splitLine(lines.get(0), ',');
        List<Integer> kept = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            Column c = schema.column(header.get(i));
            if (c != null) {
                kept.add(i);
                columns.add(c);
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isEmpty()) continue;
            List<String> f = ClaimParser.splitLine(line, ',');
            List<Object> row = new ArrayList<>();
            for (int k = 0; k < kept.size(); k++) row.add(columns.get(k).type().parse(f.get(kept.get(k))));
            rows.add(row);
        }
        return new Table(schema.name(), Schema.of(schema.name(), columns), rows, null);
    }

    /**
     * The numeric cells of the rows both runs have whose value changed, table by table, row by row in
     * this run's order. A row only one run has (a new month) is not a revision.
     */
    public static Table revisions(Map<String, Table> earlier, Map<String, Table> current) {
        Table.Builder out = Revisions.SCHEMA.builder();
        for (Compared compared : COMPARED) {
            Schema s = compared.schema();
            Table before = earlier.get(s.name()), now = current.get(s.name());
            if (before == null || now == null) continue;
            List<String> keys = new ArrayList<>();
            List<String> figures = new ArrayList<>();
            for (Column c : s.columns()) {
                if (!before.columns().contains(c.name()) || !now.columns().contains(c.name())) continue;
                if (c.role() == Role.DIMENSION) keys.add(c.name());
                else if (Number.class.isAssignableFrom(c.type().valueClass())) figures.add(c.name());
            }
            Map<List<Object>, Integer> beforeRows = new HashMap<>();
            for (int r = 0; r < before.size(); r++) beforeRows.put(key(before, r, keys), r);
            for (int r = 0; r < now.size(); r++) {
                Integer b = beforeRows.get(key(now, r, keys));
                if (b == null) continue;
                for (String c : figures) {
                    Object old = before.value(b, c), fresh = now.value(r, c);
                    if (same(old, fresh)) continue;
                    out.row(s.name(), now.value(r, Dimensions.AREA),
                            now.value(r, Dimensions.AREA_LEVEL),
                            now.value(r, Dimensions.PRODUCT_GROUP),
                            String.valueOf(now.value(r, compared.period())), c, old, fresh, difference(old, fresh),
                            relative(old, fresh));
                }
            }
        }
        return out.build();
    }

    private static List<Object> key(Table t, int r, List<String> keys) {
        List<Object> k = new ArrayList<>(keys.size());
        for (String c : keys) k.add(t.value(r, c));
        return k;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) return x.compareTo(y) == 0;
        return Objects.equals(a, b);
    }

    private static Number difference(Object old, Object fresh) {
        if (old == null || fresh == null) return null;
        if (old instanceof BigDecimal x && fresh instanceof BigDecimal y) return y.subtract(x);
        if (old instanceof Long x && fresh instanceof Long y) return y - x;
        return ((Number) fresh).doubleValue() - ((Number) old).doubleValue();
    }

    private static Double relative(Object old, Object fresh) {
        Number d = difference(old, fresh);
        if (d == null || ((Number) old).doubleValue() == 0) return null;
        return BigDecimal.valueOf(d.doubleValue() / ((Number) old).doubleValue())
                .setScale(4, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
