package nl.voorkant.report;

import static nl.voorkant.flow.tables.Dimensions.AREA;
import static nl.voorkant.flow.tables.Dimensions.AREA_LEVEL;
import static nl.voorkant.flow.tables.Dimensions.MONTH;
import static nl.voorkant.flow.tables.Dimensions.PRODUCT_GROUP;
import static nl.voorkant.flow.tables.Dimensions.YEAR;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.voorkant.core.Message;
import nl.voorkant.core.Table;
import nl.voorkant.core.schema.Column;
import nl.voorkant.flow.model.AreaLevel;
import nl.voorkant.flow.tables.FlowYear;
import nl.voorkant.flow.tables.LocalShareYear;
import nl.voorkant.scenario.Monitoring;
import nl.voorkant.scenario.ScenarioTables;
import nl.voorkant.scenario.ScenarioTables.TargetsSummary;
import nl.voorkant.scenario.ScenarioTables.TargetsTable;
import nl.voorkant.scenario.ScenarioTables.TrendsTable;

/**
 * The briefing's answer on one screen, before the contents: where the local share stands against
 * 10% → 30% → 70–80%, what the next steps take, how demand and cost grow, how the running plans do and
 * what to keep in mind about the data. Every sentence is worded from the run's own tables and manifest;
 * a figure left empty by disclosure control is left out of its sentence (or said to be unpublished),
 * never shown as an empty number and never worked back from other figures.
 */
final class KeyFindings {
    /** The policy's steps: where the region starts, the first step, and the goal's range. */
    static final double START = 0.10;
    static final double FIRST_STEP = 0.30;
    static final double GOAL_LOW = 0.70;
    static final double GOAL_HIGH = 0.80;
    /** The staircase chart's file name; the findings point the reader to it. */
    static final String STAIRCASE = "staircase";

    private final Map<String, Table> tables;
    private final Map<String, Object> manifest;
    private final Map<String, Message> texts;
    private final Names names;
    private final Texts t;
    private final Formats f;

    private KeyFindings(Map<String, Table> tables, Map<String, Object> manifest, Map<String, Message> texts, Names names,
                        Texts t) {
        this.tables = tables;
        this.manifest = manifest;
        this.texts = texts;
        this.names = names;
        this.t = t;
        this.f = new Formats(t.locale());
    }

    /**
     * @param tables the run's tables by name, as the report gets them
     * @param texts the messages behind the tables' text cells (the targets' binding constraint among them)
     */
    static Block.Findings build(Map<String, Table> tables, Map<String, Object> manifest, Map<String, Message> texts,
                                Names names, Texts t) {
        KeyFindings k = new KeyFindings(tables, manifest, texts, names, t);
        List<String> items = new ArrayList<>();
        addIfAny(items, k.localShare());
        items.addAll(k.targets());
        addIfAny(items, k.growth());
        addIfAny(items, k.monitoring());
        addIfAny(items, k.dataQuality());
        if (items.isEmpty()) items.add(t.get("findings.none"));
        // An item may open with a step's name ("the goal of 70–80% ..."), which is worded for the middle of a sentence.
        return new Block.Findings(t.get("findings.title"), items.stream()
                .map(s -> s.substring(0, 1).toUpperCase(t.locale()) + s.substring(1)).toList());
    }

    /**
     * The staircase of the local share (today's, then each target step with the groups its plan moves) and
     * a sentence on how to read it; nothing when the run made no targets.
     */
    static List<Block> staircase(Map<String, Table> tables, Map<String, Message> texts, Names names, Texts t) {
        Table summary = tables.get(TargetsSummary.SCHEMA.name());
        if (summary == null || summary.size() == 0) return List.of();
        KeyFindings k = new KeyFindings(tables, Map.of(), texts, names, t);
        String title = t.get("findings.chart.title");
        byte[] png = Charts.staircase(title, t.get("findings.chart.axis"),
                ChartData.staircase(summary, tables.get(TargetsTable.SCHEMA.name()), k.today(), k::ceiling, names, t),
                List.of(START, FIRST_STEP), GOAL_LOW, GOAL_HIGH, t);
        return List.of(new Block.Chart(STAIRCASE, title, png), new Block.Paragraph(t.get("findings.chart.meaning")));
    }

    // ---- where the local share stands ----

    /** The local share of one area in one year; a share left empty is null. */
    record Share(String area, int year, Double local, Double cost) {}

    /** The region's latest year in local_share_year, published or not; null without a region row. */
    Share today() {
        Table region = regionRows(tables.get(LocalShareYear.SCHEMA.name()));
        if (region == null || region.size() == 0) return null;
        int latest = Integer.MIN_VALUE;
        for (int i = 0; i < region.size(); i++) latest = Math.max(latest, year(region.value(i, YEAR)));
        int year = latest;
        return share(region.where(YEAR, y -> year(y) == year), 0);
    }

    private static Share share(Table rows, int i) {
        return new Share((String) rows.value(i, AREA), year(rows.value(i, YEAR)), number(cell(rows, i, LocalShareYear.LOCAL_SHARE)),
                number(cell(rows, i, LocalShareYear.LOCAL_COST_SHARE)));
    }

    private String localShare() {
        Share now = today();
        if (now == null) return null;
        List<String> parts = new ArrayList<>();
        if (now.local() == null) {
            parts.add(t.get("findings.share.suppressed", yearShown(now.year()), names.area(now.area())));
        } else {
            String cost = now.cost() == null ? "" : " " + t.get("findings.share.cost", f.percent(now.cost()));
            parts.add(t.get("findings.share", yearShown(now.year()), names.area(now.area()), f.percent(now.local()), cost,
                    position(now.local())));
        }
        Table sameYear = tables.get(LocalShareYear.SCHEMA.name()).where(YEAR, y -> year(y) == now.year());
        Table subregions = sameYear.where(AREA_LEVEL, AreaLevel.SUBREGION.code());
        List<String> named = new ArrayList<>();
        for (int i = 0; i < subregions.size(); i++) {
            Share s = share(subregions, i);
            named.add(t.get("findings.share.area", names.area(s.area()),
                    s.local() == null ? t.get("findings.unpublished") : f.percent(s.local())));
        }
        if (!named.isEmpty()) parts.add(t.get("findings.share.subregions", String.join(", ", named)));
        String range = municipalityRange(sameYear.where(AREA_LEVEL, AreaLevel.MUNICIPALITY.code()));
        if (range != null) parts.add(range);
        return String.join(" ", parts);
    }

    /** A year, marked when late claims are still to come for it, so the share is read as a first figure. */
    private String yearShown(int year) {
        return provisionalYears().contains(year) ? t.get("findings.share.provisional", String.valueOf(year)) : String.valueOf(year);
    }

    /** The years flow_year marks provisional at region level in any product group. */
    private Set<Integer> provisionalYears() {
        Table year = regionRows(tables.get(FlowYear.SCHEMA.name()));
        Set<Integer> out = new TreeSet<>();
        for (int i = 0; year != null && i < year.size(); i++) {
            if (Boolean.TRUE.equals(cell(year, i, FlowYear.PROVISIONAL))) out.add(year(year.value(i, YEAR)));
        }
        return out;
    }

    /** Where a share stands on the path: below the start, on the way to 30%, past it, or at the goal. */
    private String position(double share) {
        if (share >= GOAL_LOW) return t.get("findings.share.goal");
        if (share >= FIRST_STEP) return t.get("findings.share.past_first", points(GOAL_LOW - share));
        return t.get(share < START ? "findings.share.below_start" : "findings.share.towards_first", points(FIRST_STEP - share));
    }

    /** The lowest and highest published municipality share, each with its municipality; null with fewer than two. */
    private String municipalityRange(Table municipalities) {
        List<Share> published = new ArrayList<>();
        for (int i = 0; i < municipalities.size(); i++) {
            Share s = share(municipalities, i);
            if (s.local() != null) published.add(s);
        }
        if (published.size() < 2) return null;
        published.sort(Comparator.comparingDouble(Share::local));
        Share low = published.get(0);
        Share high = published.get(published.size() - 1);
        return t.get("findings.share.municipalities", f.percent(low.local()), names.area(low.area()), f.percent(high.local()),
                names.area(high.area()));
    }

    // ---- what the next steps take ----

    private List<String> targets() {
        Table summary = tables.get(TargetsSummary.SCHEMA.name());
        if (summary == null || summary.size() == 0) return List.of();
        List<String> out = new ArrayList<>();
        for (int i : byTarget(summary)) {
            double target = number(summary.value(i, TargetsSummary.TARGET_SHARE));
            String step = step(target);
            Message why = message(summary.value(i, TargetsSummary.BINDING_CONSTRAINT));
            if (!Boolean.TRUE.equals(summary.value(i, TargetsSummary.FEASIBLE))) {
                out.add(unreachable(step, why, summary.value(i, TargetsSummary.BINDING_CONSTRAINT)));
            } else if (why != null && why.key().equals("target.already_met")) {
                out.add(t.get("findings.target.met", step));
            } else {
                out.add(reachable(summary, i, step, why));
            }
        }
        out.set(out.size() - 1, out.get(out.size() - 1) + " " + t.get("findings.target.chart", t.get("findings.chart.title"),
                t.get("s6")));
        return out;
    }

    /** The summary's rows, the lowest target first. */
    private static List<Integer> byTarget(Table summary) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < summary.size(); i++) order.add(i);
        order.sort(Comparator.comparingDouble(i -> number(summary.value(i, TargetsSummary.TARGET_SHARE))));
        return order;
    }

    /** A target as the policy names it: the goal's range is said as such, with the share modelled. */
    private String step(double target) {
        return target >= GOAL_LOW && target <= GOAL_HIGH ? t.get("findings.target.goal", f.percent(target))
                : f.percent(target);
    }

    /** What a reachable step takes, each figure in its own clause so that an empty one is simply left out. */
    private String reachable(Table summary, int i, String step, Message why) {
        List<String> sentences = new ArrayList<>();
        List<String> groups = movedGroups(number(summary.value(i, TargetsSummary.TARGET_SHARE)));
        sentences.add(groups.isEmpty() ? t.get("findings.target.reachable", step)
                : t.get("findings.target.moves", step, String.join(t.get("findings.and"), joinAllButLast(groups))));
        List<String> takes = new ArrayList<>();
        clause(takes, "findings.target.front_budget", euros(cell(summary, i, TargetsSummary.FRONT_BUDGET_EUR)));
        clause(takes, "findings.target.fund_draw", euros(cell(summary, i, TargetsSummary.FUND_DRAW_EUR)));
        clause(takes, "findings.target.staff", one(cell(summary, i, TargetsSummary.STAFF_FTE)));
        Object gradual = cell(summary, i, TargetsSummary.MONTHS_TO_TARGET_GRADUAL);
        Object bigBang = cell(summary, i, TargetsSummary.MONTHS_TO_TARGET_BIG_BANG);
        if (gradual != null) {
            takes.add(bigBang == null ? t.get("findings.target.months", gradual)
                    : t.get("findings.target.months_both", gradual, bigBang));
        }
        if (takes.isEmpty()) sentences.add(t.get("findings.target.unpublished"));
        else sentences.add(t.get("findings.target.takes", String.join(", ", takes)));
        Object saving = euros(cell(summary, i, TargetsSummary.YEARLY_NET_SAVING_EUR));
        if (saving != null) sentences.add(t.get("findings.target.saving", saving));
        String limit = limit(why);
        if (limit != null) sentences.add(limit);
        Object thirteen = cell(summary, i, TargetsSummary.THIRTEEN_PERCENT_OK);
        if (thirteen instanceof Boolean ok) sentences.add(t.get(ok ? "findings.target.thirteen_ok" : "findings.target.thirteen_over"));
        Object cap = cell(summary, i, TargetsSummary.FUND_CAP_OK);
        if (cap instanceof Boolean ok) sentences.add(t.get(ok ? "findings.target.cap_ok" : "findings.target.cap_over"));
        return String.join(" ", sentences);
    }

    /** "a, b, c" and the last one apart, for "a, b and c". */
    private static List<String> joinAllButLast(List<String> items) {
        if (items.size() < 2) return items;
        return List.of(String.join(", ", items.subList(0, items.size() - 1)), items.get(items.size() - 1));
    }

    /**
     * The groups a step's plan moves, each with the share of its market care and the clients that is on
     * average at any time (a year's client-months over twelve); a figure left empty is not said.
     */
    private List<String> movedGroups(double target) {
        Table moves = tables.get(TargetsTable.SCHEMA.name());
        if (moves == null) return List.of();
        Table step = moves.where(TargetsTable.TARGET_SHARE, v -> v instanceof Number n && n.doubleValue() == target);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < step.size(); i++) {
            if (!(step.value(i, TargetsTable.FRACTION_MOVED) instanceof Number fraction) || fraction.doubleValue() <= 0) continue;
            String group = names.group((String) step.value(i, PRODUCT_GROUP));
            Object clientMonths = cell(step, i, TargetsTable.MOVED_CLIENT_MONTHS_PER_YEAR);
            out.add(clientMonths instanceof Number cm
                    ? t.get("findings.target.group", group, f.percent(fraction), f.number(Math.round(cm.doubleValue() / 12)))
                    : t.get("findings.target.group_share", group, f.percent(fraction)));
        }
        return out;
    }

    /** What holds a reachable step back, in plain words; null when only the target itself does. */
    private String limit(Message why) {
        List<String> parts = new ArrayList<>();
        for (Message m : leaves(why)) {
            if (m.key().equals("target.binding.shiftable")) {
                List<String> groups = new ArrayList<>();
                for (String g : String.valueOf(m.args().get(0)).split(",\\s*")) groups.add(names.group(g));
                parts.add(t.get("findings.limit.shiftable", String.join(", ", groups)));
            } else if (m.key().equals("target.binding.thirteen")) {
                parts.add(t.get("findings.limit.thirteen"));
            }
        }
        return parts.isEmpty() ? null : t.get("findings.limit", String.join("; ", parts));
    }

    /** Why a step is out of reach, with the share the constraint allows; the cell as worded when no message is known. */
    private String unreachable(String step, Message why, Object cell) {
        Double ceiling = ceiling(cell);
        if (why != null && why.key().equals("target.max_by_shares") && ceiling != null) {
            return t.get("findings.target.max_by_shares", step, f.percent(ceiling));
        }
        if (why != null && why.key().equals("target.max_by_thirteen") && ceiling != null) {
            return t.get("findings.target.max_by_thirteen", step, f.percent(ceiling),
                    euros(new BigDecimal(String.valueOf(why.args().get(0)))));
        }
        String reason = why != null ? t.render(why) : cell == null ? null : cell.toString();
        return reason == null ? t.get("findings.target.unreachable", step) : t.get("findings.target.unreachable_because", step, reason);
    }

    /**
     * The highest local share an out-of-reach step's constraint allows, from the planner's message behind
     * the binding-constraint cell (its percentage argument); null for any other cell.
     */
    Double ceiling(Object bindingCell) {
        Message m = message(bindingCell);
        if (m == null) return null;
        int at = switch (m.key()) {
            case "target.max_by_shares" -> 0;
            case "target.max_by_thirteen" -> 1;
            default -> -1;
        };
        return at < 0 ? null : Double.parseDouble(String.valueOf(m.args().get(at))) / 100;
    }

    private Message message(Object cell) {
        return cell instanceof String s ? texts.get(s) : null;
    }

    /** A message's own parts, or the message itself. */
    private static List<Message> leaves(Message m) {
        if (m == null) return List.of();
        if (!m.key().equals(Message.PARTS)) return List.of(m);
        List<Message> out = new ArrayList<>();
        for (Object a : m.args()) if (a instanceof Message inner) out.add(inner);
        return out;
    }

    // ---- how demand and cost grow ----

    private String growth() {
        Table shares = regionRows(tables.get(LocalShareYear.SCHEMA.name()));
        Table year = regionRows(tables.get(FlowYear.SCHEMA.name()));
        TreeMap<Integer, Double> clientMonths = new TreeMap<>();
        for (int i = 0; shares != null && i < shares.size(); i++) {
            if (cell(shares, i, LocalShareYear.TOTAL_CLIENT_MONTHS) instanceof Number n) {
                clientMonths.put(year(shares.value(i, YEAR)), n.doubleValue());
            }
        }
        TreeMap<Integer, Double> cost = new TreeMap<>();
        Set<Integer> costUnknown = new TreeSet<>();
        Set<Integer> provisional = provisionalYears();
        for (int i = 0; year != null && i < year.size(); i++) {
            int y = year(year.value(i, YEAR));
            if (cell(year, i, FlowYear.COST_EUR) instanceof Number n) cost.merge(y, n.doubleValue(), Double::sum);
            else costUnknown.add(y);
        }
        // A provisional year still lacks late claims: its fall would read as a fall in demand.
        TreeSet<Integer> complete = new TreeSet<>(clientMonths.keySet());
        complete.addAll(cost.keySet());
        complete.removeAll(provisional);
        List<String> parts = new ArrayList<>();
        if (complete.size() >= 2) {
            int first = complete.first();
            int last = complete.last();
            List<String> grew = new ArrayList<>();
            if (clientMonths.containsKey(first) && clientMonths.containsKey(last)) {
                grew.add(t.get("findings.growth.client_months", f.number(Math.round(clientMonths.get(first))),
                        f.number(Math.round(clientMonths.get(last))), change(clientMonths.get(first), clientMonths.get(last), last - first)));
            }
            if (cost.containsKey(first) && cost.containsKey(last) && !costUnknown.contains(first) && !costUnknown.contains(last)) {
                grew.add(t.get("findings.growth.cost", euros(cost.get(first)), euros(cost.get(last)),
                        change(cost.get(first), cost.get(last), last - first)));
            }
            if (!grew.isEmpty()) {
                parts.add(t.get("findings.growth", String.valueOf(first), String.valueOf(last), String.join(t.get("findings.and"), grew)));
            }
            if (grew.size() < 2 && (costUnknown.contains(first) || costUnknown.contains(last))) {
                parts.add(t.get("findings.growth.cost_unpublished"));
            }
            if (provisional.stream().anyMatch(y -> y > last)) {
                parts.add(t.get("findings.growth.provisional", provisional.stream().filter(y -> y > last).map(String::valueOf)
                        .reduce((a, b) -> a + ", " + b).orElseThrow()));
            }
        }
        addIfAny(parts, fastestTrend());
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    /** "+28.2%, +8.6% a year": the change over the years and, over more than one, its yearly rate. */
    private String change(double from, double to, int years) {
        double total = to / from - 1;
        if (years == 1) return signed(total);
        double yearly = Math.pow(to / from, 1.0 / years) - 1;
        return t.get("findings.growth.change", signed(total), signed(yearly));
    }

    /** The trend fit of clients that grows fastest, with its interval; null without one published. */
    private String fastestTrend() {
        Table trends = tables.get(TrendsTable.SCHEMA.name());
        if (trends == null) return null;
        Table clients = trends.where(ScenarioTables.MEASURE, FlowYear.UNIQUE_CLIENTS.name());
        int best = -1;
        for (int i = 0; i < clients.size(); i++) {
            if (clients.value(i, TrendsTable.GROWTH_RATE) instanceof Number g
                    && (best < 0 || g.doubleValue() > number(clients.value(best, TrendsTable.GROWTH_RATE)))) best = i;
        }
        if (best < 0) return null;
        Object low = clients.value(best, TrendsTable.LOWER95);
        Object high = clients.value(best, TrendsTable.UPPER95);
        String interval = low instanceof Number l && high instanceof Number h
                ? " " + t.get("findings.growth.interval", signed(l.doubleValue()), signed(h.doubleValue())) : "";
        return t.get("findings.growth.trend", names.group((String) clients.value(best, PRODUCT_GROUP)),
                names.area((String) clients.value(best, AREA)), signed(number(clients.value(best, TrendsTable.GROWTH_RATE))),
                clients.value(best, TrendsTable.YEARS), interval);
    }

    // ---- how the running plans do ----

    /** Per plan its latest month with both planned and observed market clients, and how many plans lag. */
    private String monitoring() {
        Table monitoring = tables.get(Monitoring.SCHEMA.name());
        if (monitoring == null || monitoring.size() == 0) return null;
        int scenarioColumn = monitoring.columnIndex(ScenarioTables.SCENARIO);
        // Per plan: its name, observed and planned clients, and the month they are from.
        List<String[]> behind = new ArrayList<>();
        List<String[]> onPlan = new ArrayList<>();
        int unpublished = 0;
        String latest = null;
        for (Object scenario : monitoring.rows().stream().map(r -> r.get(scenarioColumn)).distinct().toList()) {
            Table rows = monitoring.where(ScenarioTables.SCENARIO, scenario);
            int last = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.value(i, Monitoring.PLANNED_MARKET_CLIENTS) instanceof Number
                        && rows.value(i, Monitoring.OBSERVED_MARKET_CLIENTS) instanceof Number
                        && (last < 0 || rows.value(i, MONTH).toString().compareTo(rows.value(last, MONTH).toString()) > 0)) last = i;
            }
            if (last < 0) {
                unpublished++;
                continue;
            }
            double planned = number(rows.value(last, Monitoring.PLANNED_MARKET_CLIENTS));
            double observed = number(rows.value(last, Monitoring.OBSERVED_MARKET_CLIENTS));
            String month = rows.value(last, MONTH).toString();
            if (latest == null || month.compareTo(latest) > 0) latest = month;
            (observed > planned ? behind : onPlan).add(new String[] {names.scenario((String) scenario),
                    f.number(Math.round(observed)), f.number(Math.round(planned)), month});
        }
        int plans = behind.size() + onPlan.size();
        List<String> parts = new ArrayList<>();
        if (plans > 0) {
            parts.add(t.get("findings.monitoring", String.valueOf(behind.size()), String.valueOf(plans), month(latest)));
            List<String> lines = new ArrayList<>();
            for (List<String[]> list : List.of(behind, onPlan)) {
                for (String[] p : list) {
                    // A plan whose latest published month is an earlier one says so.
                    lines.add(p[3].equals(latest) ? t.get("findings.monitoring.plan", p[0], p[1], p[2])
                            : t.get("findings.monitoring.plan_month", p[0], p[1], p[2], month(p[3])));
                }
            }
            parts.add(String.join("; ", lines) + ".");
        }
        if (unpublished > 0) parts.add(t.get("findings.monitoring.unpublished", String.valueOf(unpublished)));
        if (plans > 0 && latest.equals(latestProvisional())) parts.add(t.get("findings.monitoring.provisional"));
        return String.join(" ", parts);
    }

    /** The newest provisional month of the nowcast, or null. */
    private String latestProvisional() {
        Map<?, ?> months = provisionalMonths();
        return months.isEmpty() ? null : new TreeMap<>(months).lastKey().toString();
    }

    // ---- the data's largest caveat ----

    /**
     * Set-aside lines and late claims in one item, the larger first: the provisional months when the share
     * still to come of the least complete month exceeds the share of the amount set aside.
     */
    private String dataQuality() {
        String rejects = rejects();
        String late = lateClaims();
        if (rejects == null && late == null) return null;
        if (rejects == null || late == null) return rejects == null ? late : rejects;
        double missing = 1 - provisionalMonths().values().stream()
                .mapToDouble(v -> v instanceof Number n ? n.doubleValue() : 1).min().orElse(1);
        return missing > rejectedAmountShare() ? late + " " + rejects : rejects + " " + late;
    }

    private String rejects() {
        if (!(manifest.get("rows_rejected") instanceof Number rejected) || !(manifest.get("rows_read") instanceof Number read)
                || read.longValue() == 0) return null;
        if (rejected.longValue() == 0) return t.get("findings.data.no_rejects", f.number(read.longValue()));
        String reason = "";
        if (manifest.get("rejects_by_reason") instanceof Map<?, ?> reasons) {
            var top = reasons.entrySet().stream().filter(e -> e.getValue() instanceof Number n && n.longValue() > 0)
                    .max(Comparator.comparingLong(e -> ((Number) e.getValue()).longValue()));
            if (top.isPresent()) {
                reason = t.get("findings.data.reason", t.value(top.get().getKey().toString()),
                        f.number(((Number) top.get().getValue()).longValue()));
            }
        }
        Object amount = manifest.get("amount_rejected");
        String worth = amount == null ? "" : t.get("findings.data.amount", euros(new BigDecimal(amount.toString())),
                f.percent(rejectedAmountShare()));
        return t.get("findings.data.rejects", f.number(rejected.longValue()), f.number(read.longValue()),
                f.percent(rejected.doubleValue() / read.doubleValue()), worth, reason);
    }

    private double rejectedAmountShare() {
        Object rejected = manifest.get("amount_rejected");
        Object read = manifest.get("amount_read");
        if (rejected == null || read == null) return 0;
        double total = new BigDecimal(read.toString()).doubleValue();
        return total == 0 ? 0 : new BigDecimal(rejected.toString()).doubleValue() / total;
    }

    private String lateClaims() {
        Map<?, ?> months = provisionalMonths();
        if (months.isEmpty()) return null;
        List<String> named = new ArrayList<>();
        new TreeMap<>(months).forEach((month, share) -> named.add(t.get("findings.data.month", month(month.toString()),
                f.percent(share))));
        boolean assumed = nowcast().get("assumed_profile") instanceof List<?>;
        return t.get("findings.data.provisional", String.join(", ", named),
                t.get(assumed ? "findings.data.assumed" : "findings.data.estimated"));
    }

    private Map<?, ?> provisionalMonths() {
        return nowcast().get("provisional_months") instanceof Map<?, ?> m ? m : Map.of();
    }

    private Map<?, ?> nowcast() {
        return manifest.get("nowcast") instanceof Map<?, ?> m ? m : Map.of();
    }

    // ---- small helpers ----

    /** The region's rows of a table, or null without the table. */
    private static Table regionRows(Table table) {
        return table == null ? null : table.where(AREA_LEVEL, AreaLevel.REGION.code());
    }

    /** A cell, or null when the table lacks the column (a run of an older version, an excerpt). */
    private static Object cell(Table table, int row, Column column) {
        return table.columns().contains(column.name()) ? table.value(row, column) : null;
    }

    private static void addIfAny(List<String> items, String item) {
        if (item != null) items.add(item);
    }

    private void clause(List<String> clauses, String key, Object figure) {
        if (figure != null) clauses.add(t.get(key, figure));
    }

    private static int year(Object v) {
        return ((Number) v).intValue();
    }

    private static Double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : null;
    }

    /** Whole euros, as a briefing quotes them; null for an empty figure. */
    private String euros(Object v) {
        return v instanceof Number ? f.wholeEuros(v) : null;
    }

    /** One decimal; null for an empty figure. */
    private String one(Object v) {
        if (!(v instanceof Number n)) return null;
        NumberFormat format = NumberFormat.getNumberInstance(t.locale());
        format.setMaximumFractionDigits(1);
        return format.format(n.doubleValue());
    }

    /** Percentage points with one decimal. */
    private String points(double difference) {
        return t.get("findings.points", one(difference * 100));
    }

    /** A month "yyyy-MM" as a reader says it: "december 2020". */
    private String month(String yyyyMm) {
        return java.time.YearMonth.parse(yyyyMm).format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", t.locale()));
    }

    private String signed(double share) {
        return (share > 0 ? "+" : "") + f.percent(share);
    }
}
