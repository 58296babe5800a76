package nl.voorkant.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.voorkant.core.SeedFigures;
import nl.voorkant.core.Table;

/**
 * The report an analyst hands on: one self-contained {@code index.html} (charts embedded, no
 * network, prints on A4) in numbered sections, each an explanation, the evidence, and what it
 * means; the charts also as PNG in {@code charts/}. Every figure comes from the run's own tables;
 * a table the run did not make is named as missing, never a failure.
 */
public final class HtmlReport {
    private final Map<String, Table> tables;
    private final Map<String, Object> manifest;
    private final List<String> notes;
    private final Map<String, String> areaNames;
    private final Texts t;
    private final Formats f;
    private final Path charts;
    private final StringBuilder body = new StringBuilder();
    private final List<String> toc = new ArrayList<>();

    private HtmlReport(Path outDir, Map<String, Table> tables, Map<String, Object> manifest, List<String> notes,
                       Map<String, String> areaNames, String lang) {
        this.tables = tables;
        this.manifest = manifest;
        this.notes = notes;
        this.areaNames = areaNames;
        this.t = new Texts(lang);
        this.f = new Formats(t.locale());
        this.charts = outDir.resolve("charts");
    }

    /** Writes OUT/index.html and OUT/charts/*.png. */
    public static void write(Path outDir, Map<String, Table> tables, Map<String, Object> manifest, List<String> notes,
                             Map<String, String> areaNames, String lang) {
        HtmlReport r = new HtmlReport(outDir, tables, manifest, notes, areaNames, lang);
        try {
            Files.createDirectories(r.charts);
            r.build();
            Files.writeString(outDir.resolve("index.html"), r.page(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void build() throws IOException {
        dataAndQuality();
        careUse();
        flows();
        localShare();
        section("s5", "s5.intro", null, "trends", "baseline_projection");
        scenarios();
        section("s7", "s7.intro", null, "montecarlo");
        method();
    }

    private void dataAndQuality() {
        open("s1", "s1.intro");
        Table.Builder counts = Table.builder("quality", "measure", "value");
        for (String k : List.of("rows_read", "rows_accepted", "rows_rejected")) counts.row(k, manifest.get(k));
        for (String k : List.of("amount_read", "amount_accepted", "amount_rejected")) {
            counts.row(k, f.euros(new java.math.BigDecimal(String.valueOf(manifest.get(k)))));
        }
        table(counts.build());
        Table.Builder reasons = Table.builder("rejects_by_reason", "reason", "rows");
        asMap(manifest.get("rejects_by_reason")).forEach((k, v) -> reasons.row(k, v));
        table(reasons.build());
        Table.Builder files = Table.builder("input_files", "name", "format", "size", "sha256");
        for (Object o : (List<?>) manifest.getOrDefault("input_files", List.of())) {
            Map<String, Object> m = asMap(o);
            files.row(m.get("name"), m.get("format"), m.get("size"), m.get("sha256"));
        }
        table(files.build());
        boolean publish = "publish".equals(asMap(manifest.get("parameters")).get("disclosure"));
        paragraph(t.get(publish ? "s1.disclosure.publish" : "s1.disclosure.internal"));
        paragraph(t.get("s1.meaning"));
    }

    private void careUse() {
        open("s2", "s2.intro", String.valueOf(SeedFigures.MEMO_YEAR));
        Table year = tables.get("flow_year");
        if (year == null) {
            paragraph(t.get("missing"));
            return;
        }
        List<String> areas = new ArrayList<>();
        for (int i = 0; i < year.size(); i++) {
            String level = (String) year.value(i, "area_level");
            String area = (String) year.value(i, "area");
            if (level.equals("municipality") || area.equals(SeedFigures.SUBREGION)) {
                if (!areas.contains(area)) areas.add(area);
            }
        }
        Set<Object> years = new TreeSet<>();
        for (int i = 0; i < year.size(); i++) years.add(year.value(i, "year"));
        List<String> groups = List.of("begeleiding", "jo_netwerk", "basis_ggz");
        for (Object y : years) {
            // The memo's layout: one column per area, children · cost in each cell.
            List<String> columns = new ArrayList<>(List.of("product_group"));
            for (String a : areas) columns.add(name(a));
            List<List<Object>> rows = new ArrayList<>();
            for (String g : groups) {
                List<Object> computed = new ArrayList<>(List.of(g + " (" + y + ")"));
                List<Object> memo = new ArrayList<>(List.of(g + " (" + t.get("memo") + ")"));
                for (String a : areas) {
                    Table cell = year.where("area", a).where("product_group", g).where("year", y);
                    computed.add(cell.size() == 0 ? Formats.EMPTY
                            : childrenAndCost(cell.value(0, "unique_clients"), cell.value(0, "cost_eur")));
                    SeedFigures.MemoCell seed = memoCell(a, g);
                    memo.add(seed == null ? Formats.EMPTY : childrenAndCost((long) seed.uniqueChildren(), seed.costEur()));
                }
                rows.add(computed);
                if (y.equals(SeedFigures.MEMO_YEAR)) rows.add(memo);
            }
            table(new Table("care_use_" + y, columns, rows));
        }
        paragraph(t.get("s2.meaning"));
    }

    private String childrenAndCost(Object children, Object cost) {
        String euros = cost instanceof Number n ? f.euros(java.math.BigDecimal.valueOf(Math.round(n.doubleValue())))
                .replaceAll("[.,]00$", "") : Formats.EMPTY;
        return f.number(children) + " · " + euros;
    }

    private SeedFigures.MemoCell memoCell(String area, String group) {
        List<SeedFigures.MemoCell> all = new ArrayList<>(SeedFigures.MEMO_2018);
        all.addAll(SeedFigures.MEMO_2018_TOTALS);
        return all.stream().filter(c -> c.municipalityCode().equals(area) && c.productGroup().equals(group))
                .findFirst().orElse(null);
    }

    private void flows() throws IOException {
        open("s3", "s3.intro");
        Table month = tables.get("flow_month");
        if (month != null) {
            Map<String, TreeMap<String, Double>> series = new LinkedHashMap<>();
            Table region = month.where("area_level", "region");
            for (int i = 0; i < region.size(); i++) {
                Object clients = region.value(i, "clients");
                if (clients instanceof Number n) {
                    series.computeIfAbsent((String) region.value(i, "product_group"), k -> new TreeMap<>())
                            .put((String) region.value(i, "month"), n.doubleValue());
                }
            }
            chart("clients_per_month", t.get("chart.clients"), Charts.monthly(t.get("chart.clients"),
                    t.get("chart.clients.axis"), t.get("chart.month"), series, t));
        }
        Table durations = tables.get("durations");
        if (durations != null) table(durations.where("area_level", "region"));
        Table providers = tables.get("providers_year");
        if (providers != null) table(providers.where("area_level", "subregion"));
        paragraph(t.get("s3.meaning"));
    }

    private void localShare() throws IOException {
        open("s4", "s4.intro");
        Table share = tables.get("local_share_year");
        if (share == null) {
            paragraph(t.get("missing"));
            return;
        }
        Map<String, TreeMap<Integer, Double>> series = new LinkedHashMap<>();
        Table upper = share.where("area_level", v -> !"municipality".equals(v));
        for (int i = 0; i < share.size(); i++) {
            if (share.value(i, "local_share") instanceof Number n) {
                series.computeIfAbsent(name((String) share.value(i, "area")), k -> new TreeMap<>())
                        .put(((Number) share.value(i, "year")).intValue(), n.doubleValue());
            }
        }
        chart("local_share", t.get("chart.share"), Charts.shares(t.get("chart.share"), t.get("chart.share.axis"),
                t.get("chart.year"), series, List.of(0.1, 0.3, 0.7, 0.8), t));
        table(upper);
        paragraph(t.get("s4.meaning"));
    }

    private void scenarios() {
        open("s6", "s6.intro");
        Table summary = tables.get("scenario_summary");
        if (summary == null) {
            paragraph(t.get("missing"));
            return;
        }
        table(summary);
        paragraph(t.get("s6.rounding"));
        for (Table table : tables.values()) {
            if (table.name().startsWith("scenario_") && table.name().endsWith("_months")) {
                body.append("<h3>").append(esc(table.name())).append("</h3>\n");
                table(table);
            }
        }
        Table on = tables.get("scenario_on_baseline");
        if (on != null && on.size() > 0) table(on);
        paragraph(t.get("s6.targets"));
        Table targets = tables.get("targets_summary");
        if (targets != null) table(targets);
        Table moves = tables.get("targets");
        if (moves != null) table(moves.where("fraction_moved", v -> v instanceof Number n && n.doubleValue() > 0));
    }

    private void method() {
        open("s8", "s8.intro");
        Table.Builder p = Table.builder("parameters", "parameter", "value");
        asMap(manifest.get("parameters")).forEach((k, v) -> p.row(k, String.valueOf(v)));
        asMap(manifest.get("versions")).forEach((k, v) -> p.row(k, String.valueOf(v)));
        asMap(manifest.get("stage_timings")).forEach((k, v) -> p.row("seconds: " + k, String.valueOf(v)));
        table(p.build());
        if (!notes.isEmpty()) {
            body.append("<h3>").append(esc(t.get("notes"))).append("</h3>\n<ul>\n");
            for (String n : notes) body.append("<li>").append(esc(n)).append("</li>\n");
            body.append("</ul>\n");
        }
    }

    private void section(String key, String intro, String meaning, String... tableNames) {
        open(key, intro);
        for (String n : tableNames) {
            Table table = tables.get(n);
            if (table == null) paragraph(t.get("missing") + " (" + n + ")");
            else table(table);
        }
        if (meaning != null) paragraph(t.get(meaning));
    }

    private void open(String key, String intro, Object... args) {
        toc.add(key);
        body.append("<section id=\"").append(key).append("\">\n<h2>").append(toc.size()).append(". ")
                .append(esc(t.get(key))).append("</h2>\n");
        paragraph(t.get(intro, args));
    }

    private void paragraph(String text) {
        body.append("<p>").append(esc(text)).append("</p>\n");
    }

    private void chart(String file, String caption, byte[] png) throws IOException {
        Files.write(charts.resolve(file + ".png"), png);
        body.append("<figure><img alt=\"").append(esc(caption)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>").append(esc(caption))
                .append("</figcaption></figure>\n");
    }

    private void table(Table table) {
        body.append("<div class=\"table\"><table><thead><tr>");
        for (String c : table.columns()) body.append("<th>").append(esc(c.replace("_eur", " (€)").replace('_', ' '))).append("</th>");
        body.append("</tr></thead><tbody>\n");
        for (List<Object> row : table.rows()) {
            body.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i);
                String column = table.columns().get(i);
                String cls = v instanceof Number || v == null ? " class=\"num\"" : "";
                String text = column.equals("area") && v instanceof String s ? name(s) : f.cell(column, v);
                body.append("<td").append(cls).append(">").append(esc(text)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table></div>\n");
    }

    private String name(String area) {
        return areaNames.getOrDefault(area, area);
    }

    private String page() {
        StringBuilder toc = new StringBuilder("<nav><h2>" + esc(t.get("toc")) + "</h2><ol>");
        for (String k : this.toc) toc.append("<li><a href=\"#").append(k).append("\">").append(esc(t.get(k))).append("</a></li>");
        toc.append("</ol></nav>\n");
        String subtitle = t.get("subtitle", LocalDate.now().toString(), f.number(manifest.get("rows_read")),
                String.valueOf(manifest.getOrDefault("period_first_month", "?")),
                String.valueOf(manifest.getOrDefault("period_last_month", "?")));
        return "<!DOCTYPE html>\n<html lang=\"" + t.locale().getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + esc(t.get("title"))
                + "</title><style>" + CSS + "</style></head><body><header><h1>" + esc(t.get("title")) + "</h1><p>"
                + esc(subtitle) + "</p></header>\n" + toc + "<main>\n" + body + "</main></body></html>\n";
    }

    static final String CSS = """
            body{font-family:'DejaVu Sans',Arial,sans-serif;color:#222;max-width:1100px;margin:2em auto;padding:0 1em;line-height:1.45}
            h1{color:#1f4e79;margin-bottom:.2em}h2{color:#1f4e79;border-bottom:2px solid #1f4e79;padding-bottom:.2em;margin-top:1.6em}
            h3{color:#333;font-size:1em}nav ol{columns:2}figure{margin:1em 0}img{max-width:100%;height:auto;border:1px solid #ddd}
            figcaption{font-size:.85em;color:#555}.table{overflow-x:auto;margin:.8em 0}
            table{border-collapse:collapse;font-size:.82em}th,td{border:1px solid #ccc;padding:.25em .5em}
            th{background:#eef3f8;text-align:left}td.num{text-align:right;white-space:nowrap}tbody tr:nth-child(even){background:#fafafa}
            @page{size:A4 portrait;margin:15mm}
            @media print{body{max-width:none;margin:0;font-size:10pt}section{break-inside:auto}h2{break-after:avoid}
            figure,tr{break-inside:avoid}.table{overflow:visible}table{font-size:7.5pt}nav{break-after:page}}
            """;

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
