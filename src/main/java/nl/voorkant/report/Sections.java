package nl.voorkant.report;

import static nl.voorkant.flow.tables.Dimensions.AREA;
import static nl.voorkant.flow.tables.Dimensions.AREA_LEVEL;
import static nl.voorkant.flow.tables.Dimensions.PRODUCT_GROUP;
import static nl.voorkant.flow.tables.Dimensions.YEAR;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.voorkant.core.Message;
import nl.voorkant.core.SeedFigures;
import nl.voorkant.core.Table;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.Role;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.schema.Type;
import nl.voorkant.flow.model.AreaLevel;
import nl.voorkant.flow.tables.CompositeYear;
import nl.voorkant.flow.tables.Durations;
import nl.voorkant.flow.tables.FlowMonth;
import nl.voorkant.flow.tables.FlowYear;
import nl.voorkant.flow.tables.KmSurvival;
import nl.voorkant.flow.tables.LocalShareYear;
import nl.voorkant.flow.tables.Placements;
import nl.voorkant.flow.tables.ProviderChangesYear;
import nl.voorkant.flow.tables.ProvidersYear;
import nl.voorkant.flow.tables.Revisions;
import nl.voorkant.scenario.Monitoring;
import nl.voorkant.scenario.ScenarioTables;
import nl.voorkant.scenario.ScenarioTables.BaselineProjection;
import nl.voorkant.scenario.ScenarioTables.MonteCarloMonths;
import nl.voorkant.scenario.ScenarioTables.MonteCarloTotals;
import nl.voorkant.scenario.ScenarioTables.ScenarioMonths;
import nl.voorkant.scenario.ScenarioTables.ScenarioOnBaseline;
import nl.voorkant.scenario.ScenarioTables.ScenarioSummary;
import nl.voorkant.scenario.ScenarioTables.SensitivityTable;
import nl.voorkant.scenario.ScenarioTables.TargetsSummary;
import nl.voorkant.scenario.ScenarioTables.TargetsTable;
import nl.voorkant.scenario.ScenarioTables.TrendsTable;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.time.Month;

/**
 * The report's content in numbered sections, each an explanation, the evidence, and what it means,
 * as a list of blocks for the writers. Every figure comes from the run's own tables; a table the
 * run did not make is named as missing, never a failure.
 */
final class Sections {
    private final Map<String, Table> tables;
    private final Map<String, Object> manifest;
    private final List<Message> notes;
    private final Map<String, Message> texts;
    private final Names names;
    private final Texts t;
    private final Formats f;
    private final List<Block> blocks = new ArrayList<>();
    /** What the appendix holds, in the order of the sections it belongs to: long tables and the detail per scenario. */
    private final List<Block> appendix = new ArrayList<>();
    private int sections;

    private Sections(Map<String, Table> tables, Map<String, Object> manifest, List<Message> notes,
                     Map<String, Message> texts, Names names, Texts t) {
        this.tables = tables;
        this.manifest = manifest;
        this.notes = notes;
        this.texts = texts;
        this.names = names;
        this.t = t;
        this.f = new Formats(t.locale());
    }

    /**
     * @param notes the other stages' notes for the reader
     * @param texts the messages behind the tables' text cells, by the Dutch text each cell holds: worded
     *              in the report's language wherever such a cell is shown
     */
    static List<Block> build(Map<String, Table> tables, Map<String, Object> manifest, List<Message> notes,
                             Map<String, Message> texts, Names names, Texts t) {
        Sections s = new Sections(tables, manifest, notes, texts, names, t);
        s.blocks.add(KeyFindings.build(tables, manifest, texts, names, t));
        s.dataAndQuality();
        s.careUse();
        s.flows();
        s.localShare();
        s.trends();
        s.scenarios();
        s.seedQuestions();
        s.uncertainty();
        s.method();
        s.appendix();
        return List.copyOf(s.blocks);
    }

    /** The blocks looked up rather than read, after the body: see {@link Block.Appendix}. */
    private void appendix() {
        if (appendix.isEmpty()) return;
        blocks.add(new Block.Appendix("appendix", t.get("appendix"), t.get("appendix.intro", FEW, BODY_AREAS)));
        blocks.addAll(appendix);
    }

    private void dataAndQuality() {
        open("s1", "s1.intro");
        Table.Builder counts = ReportTables.QUALITY.builder();
        for (String k : List.of("rows_read", "rows_accepted", "rows_rejected")) counts.row(t.value(k), f.number(manifest.get(k)));
        for (String k : List.of("amount_read", "amount_accepted", "amount_rejected")) {
            counts.row(t.value(k), f.euros(new BigDecimal(String.valueOf(manifest.get(k)))));
        }
        table(counts.build());
        Table.Builder reasons = ReportTables.REJECTS_BY_REASON.builder();
        // By its label only: rejects/rejects_by_reason.csv and the rejects file carry the reason's code.
        asMap(manifest.get("rejects_by_reason")).forEach((k, v) -> reasons.row(t.value(k), asLong(v)));
        table(reasons.build());
        Table.Builder files = ReportTables.INPUT_FILES.builder();
        for (Object o : (List<?>) manifest.getOrDefault("input_files", List.of())) {
            Map<String, Object> m = asMap(o);
            files.row(m.get("name"), m.get("format"), asLong(m.get("size")), m.get("sha256"));
        }
        toAppendix(t.get("table.input_files"), files.build());
        boolean publish = "publish".equals(asMap(manifest.get("parameters")).get("disclosure"));
        paragraph(t.get(publish ? "s1.disclosure.publish" : "s1.disclosure.internal"));
        String provisional = LateClaims.provisional(asMap(manifest.get("nowcast")), t, f);
        if (provisional != null) paragraph(provisional);
        paragraph(t.get("s1.meaning"));
        List<String> revised = LateClaims.revisions(asMap(manifest.get("revisions")), tables.get(Revisions.SCHEMA.name()),
                tables.get(FlowMonth.SCHEMA.name()), t, f);
        if (!revised.isEmpty()) {
            blocks.add(new Block.Subheading(t.get("s1.revisions.heading")));
            paragraph(revised.get(0));
            if (revised.size() > 1) blocks.add(new Block.Bullets(revised.subList(1, revised.size())));
        }
    }

    private void careUse() {
        open("s2", "s2.intro", String.valueOf(SeedFigures.MEMO_YEAR));
        Table year = tables.get(FlowYear.SCHEMA.name());
        if (year == null) {
            paragraph(t.get("missing"));
            return;
        }
        // The memo's layout, one column per area: its municipalities while few, then subregions and regions.
        Shown shown = shownAreas(year, AREA_COLUMNS);
        List<String> areas = new ArrayList<>();
        for (AreaLevel level : List.of(AreaLevel.MUNICIPALITY, AreaLevel.SUBREGION, AreaLevel.REGION)) {
            Table rows = year.where(AREA_LEVEL, level.code());
            for (String a : shown.areas()) if (rows.where(AREA, a).size() > 0) areas.add(a);
        }
        Set<Object> years = new TreeSet<>();
        for (int i = 0; i < year.size(); i++) years.add(year.value(i, YEAR));
        Object latest = years.stream().reduce((a, b) -> b).orElse(null);
        List<String> groups = List.of("begeleiding", "jo_netwerk", "basis_ggz");
        for (Object y : years) {
            Schema layout = ReportTables.careUse(y, areas.stream().map(this::name).toList());
            List<List<Object>> rows = new ArrayList<>();
            for (String g : groups) {
                List<Object> computed = new ArrayList<>(List.of(names.group(g) + " (" + y + ")"));
                List<Object> memo = new ArrayList<>(List.of(names.group(g) + " (" + t.get("memo") + ")"));
                for (String a : areas) {
                    Table cell = year.where(AREA, a).where(PRODUCT_GROUP, g).where(YEAR, y);
                    computed.add(cell.size() == 0 ? Formats.EMPTY
                            : childrenAndCost(cell.value(0, FlowYear.UNIQUE_CLIENTS), cell.value(0, FlowYear.COST_EUR)));
                    SeedFigures.MemoCell seed = memoCell(a, g);
                    memo.add(seed == null ? Formats.EMPTY : childrenAndCost((long) seed.uniqueChildren(), seed.costEur()));
                }
                rows.add(computed);
                if (y.equals(SeedFigures.MEMO_YEAR)) rows.add(memo);
            }
            Table table = new Table(layout.name(), layout, rows, null);
            // The body compares with the memo and shows the newest year; the other years are looked up.
            if (y.equals(SeedFigures.MEMO_YEAR) || y.equals(latest)) table(table);
            else toAppendix(t.get("table.care_use", String.valueOf(y)), table); // a year, not a number: 2017, not 2.017
        }
        paragraph(t.get("s2.meaning"));
        shown.say(FlowYear.SCHEMA.name());
    }

    private String childrenAndCost(Object children, Object cost) {
        return f.number(children) + " · " + f.wholeEuros(cost);
    }

    private SeedFigures.MemoCell memoCell(String area, String group) {
        List<SeedFigures.MemoCell> all = new ArrayList<>(SeedFigures.MEMO_2018);
        all.addAll(SeedFigures.MEMO_2018_TOTALS);
        return all.stream().filter(c -> c.municipalityCode().equals(area) && c.productGroup().equals(group))
                .findFirst().orElse(null);
    }

    private void flows() {
        open("s3", "s3.intro");
        Table month = nonEmpty(FlowMonth.SCHEMA.name());
        if (month != null) {
            Set<Month> provisional = ChartData.provisional(month);
            String dashed = provisional.isEmpty() ? "" : " " + t.get("s3.provisional", String.join(", ",
                    provisional.stream().map(m -> String.format("%d-%02d", m.getYearValue(), m.getMonth())).toList()));
            String clientsNote = provisional.isEmpty() ? ""
                    : dashed + " " + t.get(ChartData.anyNowcast(month) ? "s3.clients.nowcast" : "s3.clients.no_nowcast");
            chart("clients_per_month", t.get("chart.clients"), t.get("s3.clients.meaning") + clientsNote,
                    Charts.stacked(t.get("chart.clients"), t.get("chart.clients.axis"), t.get("chart.month"),
                            ChartData.clientsByGroup(month, names), ChartData.clientsTotal(month, t), t));
            String flowsNote = provisional.isEmpty() ? "" : dashed + " " + t.get("s3.flows.provisional");
            chart("inflow_outflow", t.get("chart.flows"), t.get("s3.flows.meaning") + flowsNote, Charts.monthly(t.get("chart.flows"),
                    t.get("chart.flows.axis"), t.get("chart.month"), ChartData.inflowOutflow(month, t), provisional, t));
        } else {
            skipped(FlowMonth.SCHEMA.name());
        }
        Table durations = tables.get(Durations.SCHEMA.name());
        Table km = nonEmpty(KmSurvival.SCHEMA.name());
        if (km != null) {
            // Each panel names its group's median and naive mean, so the gap between them is read off the chart.
            Map<String, String> titles = new LinkedHashMap<>();
            Table region = durations == null ? null : durations.where(AREA_LEVEL, AreaLevel.REGION.code());
            for (int i = 0; region != null && i < region.size(); i++) {
                String group = (String) region.value(i, PRODUCT_GROUP);
                titles.put(names.group(group), t.get("chart.km.panel", names.group(group),
                        f.number(region.value(i, Durations.KM_MEDIAN_MONTHS)),
                        f.number(region.value(i, Durations.NAIVE_MEAN_CLOSED_MONTHS))));
            }
            chart("km_survival", t.get("chart.km"), t.get("s3.km.meaning"), Charts.survivalPanels(t.get("chart.km"), t.get("chart.km.axis"),
                    t.get("chart.duration"), ChartData.survival(km, names), titles, t));
        } else {
            skipped(KmSurvival.SCHEMA.name());
        }
        if (durations != null) {
            // A national extract has dozens of regions: the rule's first twelve.
            Table regions = durations.where(AREA_LEVEL, AreaLevel.REGION.code());
            Shown shown = shownAreas(regions, BODY_AREAS);
            table(shown.rows(regions));
            shown.say(durations.name());
        }
        paragraph(t.get("s3.meaning"));
        Table providers = tables.get(ProvidersYear.SCHEMA.name());
        if (providers != null) {
            Table subregions = providers.where(AREA_LEVEL, AreaLevel.SUBREGION.code());
            paragraph(t.get("s3.providers", String.valueOf(latestYear(subregions))));
            newestInBody(subregions, t.get("table.providers_year"));
        }
    }

    private void localShare() {
        open("s4", "s4.intro");
        Table share = tables.get(LocalShareYear.SCHEMA.name());
        if (share == null) {
            paragraph(t.get("missing"));
            return;
        }
        Shown shown = shownAreas(share, BODY_AREAS);
        Table areas = shown.rows(share);
        Map<String, TreeMap<Integer, Double>> series = new LinkedHashMap<>();
        for (String a : shown.areas()) {
            Table rows = areas.where(AREA, a);
            for (int i = 0; i < rows.size(); i++) {
                if (rows.value(i, LocalShareYear.LOCAL_SHARE) instanceof Number n) {
                    series.computeIfAbsent(name(a), k -> new TreeMap<>()).put(((Number) rows.value(i, YEAR)).intValue(), n.doubleValue());
                }
            }
        }
        blocks.add(new Block.Chart("local_share", t.get("chart.share"), Charts.shares(t.get("chart.share"),
                t.get("chart.share.axis"), t.get("chart.year"), series, List.of(0.1, 0.3, 0.7, 0.8), t)));
        Object latest = latestYear(areas);
        paragraph(t.get("s4.latest", String.valueOf(latest)));
        table(areas.where(YEAR, latest));
        paragraph(t.get("s4.meaning"));
        shown.sayWithChart(LocalShareYear.SCHEMA.name());
        toAppendix(t.get("table.local_share_year"), areas);
    }

    private void scenarios() {
        open("s6", "s6.intro");
        Table summary = tables.get(ScenarioSummary.SCHEMA.name());
        if (summary == null) {
            paragraph(t.get("missing"));
            return;
        }
        blocks.add(transposed(tableBlock(summary)));
        paragraph(t.get("s6.rounding"));
        for (Table table : tables.values()) {
            String scenario = ScenarioMonths.scenarioOf(table.name());
            if (scenario != null) {
                String title = names.scenario(scenario);
                blocks.add(new Block.Subheading(title));
                if (table.size() == 0) {
                    skipped(table.name());
                } else if (!anyFigure(table, ScenarioMonths.FUND_DRAW_EUR)) {
                    paragraph(t.get("chart.suppressed", title));
                } else {
                    String chartTitle = t.get("chart.payback", title);
                    chart("payback_" + scenario, chartTitle, t.get("s6.payback.meaning", payback(scenario)),
                            Charts.barsAndBalance(chartTitle, t.get("chart.euros"), t.get("chart.month"), ChartData.payback(table, t), t));
                }
                // A year of months reads in the body; a longer horizon is looked up.
                if (table.size() <= MONTHS_IN_BODY) table(table);
                else {
                    paragraph(t.get("s6.months.appendix", table.size()));
                    toAppendix(t.get("table.scenario_months", title), table);
                }
            }
        }
        Table on = tables.get(ScenarioOnBaseline.SCHEMA.name());
        if (on != null && on.size() > 0) toAppendix(t.get("table.scenario_on_baseline"), on);
        paragraph(t.get("s6.targets"));
        Table targets = tables.get(TargetsSummary.SCHEMA.name());
        if (targets != null) blocks.add(transposed(tableBlock(targets)));
        Table moves = tables.get(TargetsTable.SCHEMA.name());
        if (moves != null) table(moves.where(TargetsTable.FRACTION_MOVED, v -> v instanceof Number n && n.doubleValue() > 0));
        blocks.addAll(KeyFindings.staircase(tables, texts, names, t));
    }

    private String payback(String scenario) {
        Table summary = tables.get(ScenarioSummary.SCHEMA.name()).where(ScenarioTables.SCENARIO, scenario);
        Object month = summary.size() == 0 ? null : summary.value(0, ScenarioSummary.PAYBACK_MONTH);
        if (month != null) return month.toString();
        // No payback month is a finding only when the scenario's figures are published at all.
        return anyFigure(summary, ScenarioSummary.TOTAL_FUND_DRAW_EUR) ? t.get("s6.payback.none") : t.get("s6.payback.suppressed");
    }

    /** Whether a column holds any figure: in publish mode a modelled table may have been left empty. */
    private static boolean anyFigure(Table table, Column column) {
        for (int i = 0; i < table.size(); i++) if (table.value(i, column) instanceof Number) return true;
        return false;
    }

    private void trends() {
        open("s5", "s5.intro");
        Table baseline = nonEmpty(BaselineProjection.SCHEMA.name());
        if (baseline != null) {
            for (Column measure : ScenarioTables.TREND_MEASURES) {
                String title = t.get("chart.trend." + measure.name());
                chart("baseline_" + measure.name(), title, t.get("s5.chart.meaning"), Charts.projectionPanels(title,
                        t.column(measure.name()), t.get("chart.year"), ChartData.projection(baseline, measure, names, t),
                        Formats.euros(measure.type()), t));
            }
            Table year = tables.get(FlowYear.SCHEMA.name());
            if (year != null && year.columns().contains(FlowYear.PROVISIONAL.name())
                    && year.rows().stream().anyMatch(r -> Boolean.TRUE.equals(r.get(year.columnIndex(FlowYear.PROVISIONAL))))) {
                paragraph(t.get("s5.provisional"));
            }
        } else {
            skipped(BaselineProjection.SCHEMA.name());
        }
        tablesOrMissing(TrendsTable.SCHEMA.name());
        Table projection = tables.get(BaselineProjection.SCHEMA.name());
        if (projection != null) toAppendix(t.get("table.baseline_projection"), projection);
    }

    private void uncertainty() {
        open("s7", "s7.intro");
        tablesOrMissing(MonteCarloTotals.SCHEMA.name());
        // The fan and the tornado of each scenario are looked up: the table above has every scenario's outcome.
        Table months = nonEmpty(MonteCarloMonths.SCHEMA.name());
        Table sensitivity = nonEmpty(SensitivityTable.SCHEMA.name());
        if (months != null || sensitivity != null) paragraph(t.get("s7.appendix"));
        if (months == null) skipped(MonteCarloMonths.SCHEMA.name());
        else ChartData.fan(months, t).forEach((scenario, data) -> {
            String title = names.scenario(scenario);
            if (!anyFigure(months.where(ScenarioTables.SCENARIO, scenario), MonteCarloTotals.P50)) {
                appendix.add(new Block.Paragraph(t.get("chart.suppressed", title)));
                return;
            }
            String chartTitle = t.get("chart.fan", title);
            appendixChart("fan_" + scenario, chartTitle, t.get("s7.fan.meaning"),
                    Charts.fan(chartTitle, t.get("chart.euros"), t.get("chart.month"), data, t));
        });
        Table summary = tables.get(ScenarioSummary.SCHEMA.name());
        if (sensitivity == null || summary == null) {
            skipped(sensitivity == null ? SensitivityTable.SCHEMA.name() : ScenarioSummary.SCHEMA.name());
            return;
        }
        int scenarioColumn = sensitivity.columnIndex(ScenarioTables.SCENARIO);
        for (Object scenario : sensitivity.rows().stream().map(r -> r.get(scenarioColumn)).distinct().toList()) {
            Table base = summary.where(ScenarioTables.SCENARIO, scenario);
            if (base.size() == 0) continue;
            // The bars are changes from the scenario's own outcome; without it there is nothing to measure from.
            if (!(base.value(0, ScenarioSummary.TOTAL_FUND_DRAW_EUR) instanceof Number draw)
                    || !(base.value(0, ScenarioSummary.STEADY_STATE_YEARLY_SAVING_EUR) instanceof Number saving)) continue;
            Table rows = sensitivity.where(ScenarioTables.SCENARIO, scenario);
            Map<String, CategoryDataset> outcomes = new LinkedHashMap<>();
            outcomes.put(t.get("chart.tornado.draw", f.euros(draw)), ChartData.tornado(rows, SensitivityTable.FUND_DRAW_LOW_EUR,
                    SensitivityTable.FUND_DRAW_HIGH_EUR, draw.doubleValue(), t));
            outcomes.put(t.get("chart.tornado.saving", f.euros(saving)), ChartData.tornado(rows, SensitivityTable.SAVING_LOW_EUR,
                    SensitivityTable.SAVING_HIGH_EUR, saving.doubleValue(), t));
            String title = t.get("chart.tornado", names.scenario((String) scenario));
            appendixChart("tornado_" + scenario, title, t.get("s7.tornado.meaning"),
                    Charts.tornados(title, outcomes, t.get("chart.tornado.axis"), t));
        }
        toAppendix(t.get("table.sensitivity"), sensitivity);
    }

    /** A chart, its caption and a sentence of what it shows. */
    private void chart(String file, String caption, String meaning, byte[] png) {
        blocks.add(new Block.Chart(file, caption, png));
        paragraph(meaning);
    }

    /** The table by name when the run made it with at least one row, else null. */
    private Table nonEmpty(String name) {
        Table table = tables.get(name);
        return table == null || table.size() == 0 ? null : table;
    }

    /** A chart and its sentence in the appendix, under its own heading. */
    private void appendixChart(String file, String caption, String meaning, byte[] png) {
        appendix.add(new Block.Subheading(caption));
        appendix.add(new Block.Chart(file, caption, png));
        appendix.add(new Block.Paragraph(meaning));
    }

    /** A table in the appendix under its heading, with the number of the body's section it belongs to. */
    private void toAppendix(String heading, Table table) {
        appendix.add(new Block.Subheading(sections + ". " + heading));
        appendix.add(tableBlock(table));
    }

    private void skipped(String table) {
        paragraph(t.get("chart.skipped", file(table)));
    }

    /** A published table as the reader finds it in the report folder. */
    private static String file(String table) {
        return "tables/" + table + ".csv";
    }

    private void method() {
        open("s8", "s8.intro");
        Table.Builder p = ReportTables.PARAMETERS.builder();
        // Each setting by its label; its key, as manifest.json has it, is for the analyst.
        asMap(manifest.get("parameters")).forEach((k, v) -> p.row(t.parameter(k), String.valueOf(v)));
        asMap(manifest.get("versions")).forEach((k, v) -> p.row(t.get("parameter.version", k), String.valueOf(v)));
        asMap(manifest.get("stage_timings")).forEach((k, v) -> p.row(t.get("parameter.seconds", k), String.valueOf(v)));
        paragraph(t.get("s8.appendix"));
        toAppendix(t.get("table.parameters"), p.build());
        if (!notes.isEmpty()) {
            blocks.add(new Block.Subheading(t.get("notes")));
            blocks.add(new Block.Bullets(notes.stream().map(n -> t.render(n, names)).toList()));
        }
    }

    /** The tables by name, each shown or named as missing. */
    private void tablesOrMissing(String... names) {
        for (String n : names) {
            Table table = tables.get(n);
            if (table == null) paragraph(t.get("missing") + " (" + file(n) + ")");
            else table(table);
        }
    }

    private void open(String key, String intro, Object... args) {
        sections++;
        blocks.add(new Block.Section(key, sections, t.get(key)));
        paragraph(t.get(intro, args));
    }

    private void paragraph(String text) {
        blocks.add(new Block.Paragraph(text));
    }

    private void table(Table table) {
        blocks.add(tableBlock(table));
    }

    /** The table as the reader sees it: every header by its label, every cell in the reader's words. */
    private Block.TableBlock tableBlock(Table table) {
        // A table of one area level says it in its heading or its text; a column of the same word on every row is noise.
        int level = table.columns().indexOf(AREA_LEVEL.name());
        boolean oneLevel = level >= 0 && table.rows().stream().map(r -> r.get(level)).distinct().count() == 1;
        List<Integer> shownColumns = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) if (!(oneLevel && i == level)) shownColumns.add(i);
        List<String> headers = shownColumns.stream().map(i -> t.column(table.columns().get(i))).toList();
        List<List<Block.Cell>> rows = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) types.add(Formats.type(table, i));
        int measure = table.columns().indexOf(ScenarioTables.MEASURE.name());
        for (List<Object> row : table.rows()) {
            // A long table of several measures (baseline_projection) holds each row's figures in its measure's unit.
            Column of = measure < 0 ? null : FlowYear.SCHEMA.column(String.valueOf(row.get(measure)));
            List<Block.Cell> cells = new ArrayList<>();
            for (int i : shownColumns) {
                Object v = row.get(i);
                String column = table.columns().get(i);
                Type type = types.get(i) == Type.FIGURE && of != null ? of.type() : types.get(i);
                if (type == Type.LONG && v instanceof Double d) v = Math.round(d);
                cells.add(new Block.Cell(shown(table.name(), column, v, type), v instanceof Number || v == null));
            }
            rows.add(cells);
        }
        return new Block.TableBlock(table.name(), headers, rows);
    }

    /**
     * A table of a few rows and many columns (a summary per scenario or per target) turned a quarter:
     * one row per measure, one column per scenario, so that a printed page or a portrait Word page
     * holds it without squeezing its headers into broken words. The first column names the columns.
     */
    private static Block.TableBlock transposed(Block.TableBlock table) {
        List<String> headers = new ArrayList<>(List.of(table.headers().get(0)));
        for (List<Block.Cell> row : table.rows()) headers.add(row.get(0).text());
        List<List<Block.Cell>> rows = new ArrayList<>();
        for (int c = 1; c < table.headers().size(); c++) {
            List<Block.Cell> cells = new ArrayList<>(List.of(new Block.Cell(table.headers().get(c), false)));
            for (List<Block.Cell> row : table.rows()) cells.add(row.get(c));
            rows.add(cells);
        }
        return new Block.TableBlock(table.name(), headers, rows);
    }

    /**
     * A cell as the reader sees it: a code (area, group, scenario, level, mode, measure) by its name,
     * another stage's text in the report's language, a figure by its type, a modelled count of clients
     * in whole clients and a growth rate as a percentage.
     */
    private String shown(String tableName, String column, Object v, Type type) {
        if (v instanceof Boolean b) return t.yesNo(b);
        if (v instanceof String s) {
            Message m = texts.get(s);
            if (m != null) return t.render(m, names);
            return switch (column) {
                case "area" -> name(s);
                case "product_group", "most_combined_with" -> names.group(s);
                case "scenario" -> names.scenario(s);
                case "measure", "parameter" -> t.column(s);
                case "area_level", "mode", "objective" -> t.value(s);
                default -> f.cell(type, v);
            };
        }
        // A random seed is a code to type in again, not an amount: no thousands mark.
        if (v instanceof Number n && column.equals(MonteCarloTotals.SEED.name())) return String.valueOf(n.longValue());
        if (v instanceof Number n && wholeClients(tableName, column, type)) return f.number(Math.round(n.doubleValue()));
        if (v instanceof Number n && type == Type.DOUBLE && TrendsTable.SCHEMA.name().equals(tableName)
                && PERCENT_IN_TRENDS.contains(column)) return f.percent(n);
        return f.cell(type, v);
    }

    /** A modelled count of clients is an expectation: shown in whole clients, as no one is a fraction. */
    private static boolean wholeClients(String tableName, String column, Type type) {
        if (type != Type.DOUBLE && type != Type.FIGURE && type != Type.LONG && type != Type.INT) return false;
        if (column.contains("clients")) {
            Schema schema = ReportTables.published(tableName);
            Column c = schema == null ? null : schema.column(column);
            return c != null && c.role() == Role.MODELLED;
        }
        return false;
    }

    /** The trends' rates, a share per year. */
    private static final Set<String> PERCENT_IN_TRENDS = Set.of(TrendsTable.GROWTH_RATE.name(), TrendsTable.LOWER95.name(),
            TrendsTable.UPPER95.name());

    private String name(String area) {
        return names.area(area);
    }

    /** A count from the manifest, which holds whichever whole number its writer had. */
    private static Long asLong(Object v) {
        return v instanceof Number n ? n.longValue() : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    // ---- the seeds' remaining questions (issue 18): composite packages, providers, placements, monitoring ----

    private void seedQuestions() {
        open("s9", "s9.intro");
        blocks.add(new Block.Subheading(t.get("s9.composite")));
        Table composite = nonEmpty(CompositeYear.SCHEMA.name());
        if (composite != null) {
            Map<String, TreeMap<Integer, Double>> shares = ChartData.compositeShares(composite, names);
            if (!shares.isEmpty()) {
                chart("composite_share", t.get("chart.composite"), t.get("s9.composite.meaning"), Charts.shares(
                        t.get("chart.composite"), t.get("chart.share.axis"), t.get("chart.year"), shares, List.of(), t));
            }
            Table subregions = composite.where(AREA_LEVEL, AreaLevel.SUBREGION.code());
            newestInBody(subregions, t.get("table.composite_year"));
        } else {
            skipped(CompositeYear.SCHEMA.name());
        }
        blocks.add(new Block.Subheading(t.get("s9.providers")));
        Table changes = nonEmpty(ProviderChangesYear.SCHEMA.name());
        if (changes != null) {
            // Guardianship first: the memo's complaint is about the spread of guardians.
            Table subregion = changes.where(AREA_LEVEL, AreaLevel.SUBREGION.code());
            newestInBody(subregion.where(PRODUCT_GROUP, g -> String.valueOf(g).startsWith(GUARDIANSHIP)),
                    t.get("table.provider_changes_guardianship"));
            newestInBody(subregion.where(PRODUCT_GROUP, g -> !String.valueOf(g).startsWith(GUARDIANSHIP)),
                    t.get("table.provider_changes_year"));
            paragraph(t.get("s9.providers.meaning"));
        } else {
            skipped(ProviderChangesYear.SCHEMA.name());
        }
        blocks.add(new Block.Subheading(t.get("s9.placements")));
        Table placements = nonEmpty(Placements.SCHEMA.name());
        if (placements != null) {
            Shown shown = shownAreas(placements.where(AREA_LEVEL, v -> !AreaLevel.MUNICIPALITY.code().equals(v)), BODY_AREAS);
            table(shown.rows(placements));
            shown.say(placements.name());
            paragraph(t.get("s9.placements.meaning"));
        } else {
            paragraph(t.get("s9.placements.none"));
        }
        blocks.add(new Block.Subheading(t.get("s9.monitoring")));
        Table monitoring = nonEmpty(Monitoring.SCHEMA.name());
        if (monitoring == null) {
            paragraph(t.get("s9.monitoring.none"));
            return;
        }
        paragraph(t.get("s9.monitoring.appendix"));
        int scenarioColumn = monitoring.columnIndex(ScenarioTables.SCENARIO);
        // The observed months that late claims have not completed yet are drawn dashed, as in the flow charts.
        Table month = nonEmpty(FlowMonth.SCHEMA.name());
        Set<Month> provisional = month == null ? Set.of() : ChartData.provisional(month);
        for (Object scenario : monitoring.rows().stream().map(r -> r.get(scenarioColumn)).distinct().toList()) {
            String title = t.get("chart.monitoring", names.scenario((String) scenario));
            appendixChart("monitoring_" + scenario, title, t.get("s9.monitoring.meaning"), Charts.monthly(title,
                    t.get("chart.clients.axis"), t.get("chart.month"), ChartData.monitoring(monitoring, scenario, t),
                    provisional, t));
        }
        toAppendix(t.get("table.monitoring"), monitoring);
    }

    /**
     * A table over years: its newest year in the body, every year in the appendix, both of the areas the
     * rule shows (at a national extract, dozens of subregions would make either a list to scroll past).
     */
    private void newestInBody(Table table, String heading) {
        Shown shown = shownAreas(table, BODY_AREAS);
        Table areas = shown.rows(table);
        table(areas.where(YEAR, latestYear(areas)));
        shown.say(table.name());
        toAppendix(heading, areas);
    }

    // ---- which areas the body shows: it stays the same length whatever the number of municipalities ----

    /** Municipalities are shown while there are at most this many; their detail is always in tables/ and Parquet. */
    static final int FEW = 8;
    /** The areas a body's table or chart shows at most: regions first, then subregions, then municipalities. */
    static final int BODY_AREAS = 12;
    /** The area columns of the memo's care-use layout at most. */
    static final int AREA_COLUMNS = 7;
    /** A scenario's months table is in the body up to a year of months. */
    static final int MONTHS_IN_BODY = 12;

    /** The areas shown of a table's, in the order region, subregions, municipalities, and how many were left out. */
    private record Shown(List<String> areas, int left, Sections s) {
        /** The rows of {@code table} in the shown areas. */
        Table rows(Table table) {
            return table.where(AREA, areas::contains);
        }

        /** Says what the body leaves out and where it is. */
        void say(String table) {
            say("areas.left", table);
        }

        /** {@link #say}, of a table and the chart drawn from the same areas. */
        void sayWithChart(String table) {
            say("areas.left.chart", table);
        }

        private void say(String message, String table) {
            if (left > 0) s.paragraph(s.t.get(message, left, file(table)));
        }
    }

    /** The rule: regions and subregions, municipalities only while few, at most {@code max} areas. */
    private Shown shownAreas(Table table, int max) {
        List<String> all = new ArrayList<>();
        int municipalities = 0;
        for (AreaLevel level : List.of(AreaLevel.REGION, AreaLevel.SUBREGION, AreaLevel.MUNICIPALITY)) {
            Table rows = table.where(AREA_LEVEL, level.code());
            List<String> areas = new ArrayList<>(new TreeSet<>(rows.rows().stream()
                    .map(r -> (String) r.get(rows.columnIndex(AREA))).toList()));
            if (level == AreaLevel.MUNICIPALITY) {
                municipalities = areas.size();
                if (areas.size() > FEW) continue;
            }
            all.addAll(areas);
        }
        int shown = Math.min(max, all.size());
        int notShown = all.size() - shown + (municipalities > FEW ? municipalities : 0);
        return new Shown(List.copyOf(all.subList(0, shown)), notShown, this);
    }

    private static Object latestYear(Table table) {
        Object latest = null;
        for (int i = 0; i < table.size(); i++) {
            Object y = table.value(i, YEAR);
            if (latest == null || ((Number) y).intValue() > ((Number) latest).intValue()) latest = y;
        }
        return latest;
    }

    /** The guardianship groups (voogdij, voogdij_lvb) by their code's start. */
    private static final String GUARDIANSHIP = "voogdij";
}
