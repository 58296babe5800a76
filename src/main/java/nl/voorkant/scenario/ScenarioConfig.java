package nl.voorkant.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import nl.voorkant.core.SeedFigures;
import nl.voorkant.flow.tables.Placements;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The scenario configuration (data/scenarios.yaml, see the README): scenarios typed in by hand or
 * read from the data, target shares, trends, Monte Carlo and sensitivity settings. Every value is
 * checked here, so a run never starts on a bad value and the error names the field.
 */
public final class ScenarioConfig {

    public enum Objective {
        MAX_SAVING("max_saving"), MIN_FUND_DRAW("min_fund_draw");

        private final String label;

        Objective(String label) { this.label = label; }

        public String label() { return label; }
    }

    /**
     * One scenario. Typed in by hand when {@code baseClients} is given (then cost, inflow and
     * duration are required too), otherwise read from the flow tables for {@code baseYear}.
     * {@code title} is how the report names it; null when the file gives none.
     */
    public record ScenarioSpec(String name, String title, String area, String productGroup, Integer baseYear, Double baseClients,
                               Double monthlyCostEur, Double monthlyInflow, Double monthlyLocalInflow,
                               Integer durationMonths, Scenario.Mode mode, Scenario.Diversion diversion,
                               double frontCostRatio, int lagMonths, YearMonth start, int horizonMonths,
                               double inducedDemand, Double fundCapEur, Double backEndBudgetEur) {
        public boolean dataDriven() { return baseClients == null; }

        /**
         * The scenario as the report names it: its title, or else its area and product group by the names
         * the reader knows them by (e.g. "Alblasserdam: Begeleiding (l)vb"), in no language of its own.
         */
        public String title(UnaryOperator<String> areaName, UnaryOperator<String> groupName) {
            return title != null ? title : areaName.apply(area) + ": " + groupName.apply(productGroup);
        }

        /** The scenario for a baseline typed in or read from the data. */
        public Scenario scenario(Baseline baseline, Double backEndBudgetFallback) {
            return new Scenario(name, baseline, mode, diversion, frontCostRatio, lagMonths, start, horizonMonths,
                    inducedDemand, fundCapEur, backEndBudgetEur != null ? backEndBudgetEur : backEndBudgetFallback);
        }

        /** The typed-in baseline; only for scenarios that are not data-driven. */
        public Baseline typedBaseline() {
            return new Baseline(area, productGroup, baseYear, baseClients, monthlyCostEur, monthlyInflow,
                    monthlyLocalInflow == null ? monthlyInflow : monthlyLocalInflow, Survival.fixed(durationMonths));
        }
    }

    /** Staged targets for one area: local shares to reach from the base year's data. */
    public record Targets(String area, int baseYear, List<Double> shares, Objective objective,
                          boolean thirteenPercentRule, Double fundCapEur, double frontCostRatio, int lagMonths) {}

    public record Trends(List<String> areas, List<String> productGroups, int horizonYears) {}

    public record MonteCarlo(int runs, long seed) {}

    public record Sensitivity(double swing) {}

    private final List<ScenarioSpec> scenarios;
    private final Targets targets;
    private final Trends trends;
    private final MonteCarlo monteCarlo;
    private final Sensitivity sensitivity;
    private final Path reference;
    private final Placements.Plan placements;

    public ScenarioConfig(List<ScenarioSpec> scenarios, Targets targets, Trends trends, MonteCarlo monteCarlo,
                          Sensitivity sensitivity, Path reference, Placements.Plan placements) {
        this.scenarios = List.copyOf(scenarios);
        this.targets = targets;
        this.trends = trends;
        this.monteCarlo = monteCarlo;
        this.sensitivity = sensitivity;
        this.reference = reference;
        this.placements = placements;
    }

    public List<ScenarioSpec> scenarios() { return scenarios; }
    /** Null when the configuration asks for no targets. */
    public Targets targets() { return targets; }
    /** Null when the configuration asks for no trends. */
    public Trends trends() { return trends; }
    /** Null when the configuration asks for no Monte Carlo runs. */
    public MonteCarlo monteCarlo() { return monteCarlo; }
    /** Null when the configuration asks for no sensitivity analysis. */
    public Sensitivity sensitivity() { return sensitivity; }
    /**
     * The reference catalogue folder the file names (shiftable shares, clients per FTE, hours per decision), or
     * null; {@code scenario} reads it, {@code analyse} hands the scenarios the catalogue it was run with instead.
     */
    public Path reference() { return reference; }
    /** The placement deal of the placements table: the memo's (a quarter fewer, ten as incentive) unless the file says. */
    public Placements.Plan placements() { return placements; }

    public static final String PRESET_ALBLASSERDAM_2020 = "alblasserdam-2020";

    public static ScenarioConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "cannot read (" + e.getMessage() + ")");
        }
        return parse(text, file.getFileName().toString());
    }

    /** The plan's two tables for Alblasserdam from June 2020, from the seed figures. */
    public static ScenarioConfig preset(String name) {
        if (!PRESET_ALBLASSERDAM_2020.equals(name)) {
            throw new ConfigException("preset", "unknown preset '" + name + "' (known: " + PRESET_ALBLASSERDAM_2020 + ")");
        }
        List<ScenarioSpec> specs = new ArrayList<>();
        for (SeedFigures.PlanBaseline p : SeedFigures.ALBLASSERDAM_2019) {
            double local = p.inflowIsLocalOnly() ? p.monthlyInflow() : p.monthlyInflow() * p.localReferralShare();
            // The plan's begeleiding table builds up over 5 months: it takes the low end of "5 to 6 months".
            int duration = (int) Math.floor(p.durationMonths());
            specs.add(new ScenarioSpec("alblasserdam_" + p.productGroup(), null, p.municipalityCode(), p.productGroup(),
                    p.year(), p.avgMonthlyClients(), p.monthlyCostEur(), p.monthlyInflow(), local, duration,
                    Scenario.Mode.GRADUAL, Scenario.Diversion.ALL, SeedFigures.FRONT_COST_RATIO, 1,
                    YearMonth.of(2020, 6), 7, 0, (double) SeedFigures.ALBLASSERDAM_FUND_EUR, null));
        }
        return new ScenarioConfig(specs, null, null, new MonteCarlo(10_000, 20200601L), new Sensitivity(0.2), null,
                Placements.Plan.MEMO);
    }

    public static ScenarioConfig parse(String yaml, String source) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new ConfigException(source, "not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        Node top = Node.of(root == null ? Map.of() : root, source, "");
        Node defaults = top.child("defaults");
        List<ScenarioSpec> specs = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        List<Node> list = top.list("scenarios");
        for (Node s : list) {
            ScenarioSpec spec = scenario(s, defaults);
            if (!names.add(spec.name())) throw new ConfigException(s.path("name"), "appears twice: " + spec.name());
            specs.add(spec);
        }
        if (defaults != null) defaults.checkUnknown(SCENARIO_PARAMS);
        Targets targets = top.has("targets") ? targets(top.child("targets")) : null;
        Trends trends = top.has("trends") ? trends(top.child("trends")) : null;
        MonteCarlo mc = null;
        if (top.has("montecarlo")) {
            Node m = top.child("montecarlo");
            mc = new MonteCarlo(m.intValue("runs", 10_000, 1, 10_000_000), m.longValue("seed", 1L));
            m.checkUnknown(Set.of("runs", "seed"));
        }
        Sensitivity sens = null;
        if (top.has("sensitivity")) {
            Node m = top.child("sensitivity");
            sens = new Sensitivity(m.doubleValue("swing", 0.2, 0.01, 0.9));
            m.checkUnknown(Set.of("swing"));
        }
        Placements.Plan placements = Placements.Plan.MEMO;
        if (top.has("placements")) {
            Node m = top.child("placements");
            placements = new Placements.Plan(m.doubleValue("reduction_share", Placements.Plan.MEMO.reductionShare(), 0, 1),
                    m.intValue("incentive_placements", Placements.Plan.MEMO.incentivePlacements(), 0, 100_000));
            m.checkUnknown(Set.of("reduction_share", "incentive_placements"));
        }
        String ref = top.string("reference", null);
        top.checkUnknown(Set.of("defaults", "scenarios", "targets", "trends", "montecarlo", "sensitivity", "placements",
                "reference"));
        return new ScenarioConfig(specs, targets, trends, mc, sens, ref == null ? null : Path.of(ref), placements);
    }

    /** Parameters a scenario may take from the defaults section. */
    static final Set<String> SCENARIO_PARAMS = Set.of("mode", "diverted_inflow", "front_cost_ratio", "lag_months",
            "start_month", "horizon_months", "induced_demand", "fund_cap_eur", "back_end_budget_eur", "base_year", "area");

    private static ScenarioSpec scenario(Node s, Node defaults) {
        Node p = s.withFallback(defaults);
        String name = s.required("name");
        if (!name.matches("[a-z0-9_]+")) {
            throw new ConfigException(s.path("name"), "use lower case letters, digits and _ only, got '" + name + "'");
        }
        String area = p.required("area");
        String group = s.required("product_group");
        Double clients = s.optionalDouble("base_clients", 0.000001, 1e9);
        Integer baseYear = p.has("base_year") ? p.intValue("base_year", 0, 1990, 2100) : null;
        Double cost = null, inflow = null, local = null;
        Integer duration = null;
        if (clients != null) {
            cost = s.requiredDouble("monthly_cost_eur", 0, 1e12);
            inflow = s.requiredDouble("monthly_inflow", 0, 1e9);
            local = s.optionalDouble("monthly_local_inflow", 0, 1e9);
            duration = s.intValue("duration_months", null, 1, 600);
            if (local != null && local > inflow) {
                throw new ConfigException(s.path("monthly_local_inflow"), "must be <= monthly_inflow (" + inflow + "), got " + local);
            }
        } else if (baseYear == null) {
            throw new ConfigException(s.path("base_year"), "required for a scenario read from the data (or give base_clients, monthly_cost_eur, monthly_inflow, duration_months)");
        }
        String title = s.string("title", null);
        if (title != null && title.isBlank()) throw new ConfigException(s.path("title"), "must not be empty");
        ScenarioSpec spec = new ScenarioSpec(name, title, area, group, baseYear, clients, cost, inflow, local, duration,
                p.choice("mode", Scenario.Mode.GRADUAL, Scenario.Mode.values(), Scenario.Mode::label),
                p.choice("diverted_inflow", Scenario.Diversion.ALL, Scenario.Diversion.values(), Scenario.Diversion::label),
                p.doubleValue("front_cost_ratio", 0.9, 0, 2), p.intValue("lag_months", 1, 0, 24),
                p.month("start_month", YearMonth.of(2020, 1)), p.intValue("horizon_months", 12, 1, 600),
                p.doubleValue("induced_demand", 0.0, 0, 10), p.optionalDouble("fund_cap_eur", 0, 1e12),
                p.optionalDouble("back_end_budget_eur", 0, 1e13));
        Set<String> known = new LinkedHashSet<>(SCENARIO_PARAMS);
        known.addAll(List.of("name", "title", "product_group", "base_clients", "monthly_cost_eur", "monthly_inflow",
                "monthly_local_inflow", "duration_months"));
        s.checkUnknown(known);
        return spec;
    }

    private static Targets targets(Node t) {
        List<Double> shares = new ArrayList<>();
        for (Node share : t.list("shares")) shares.add(share.asDouble(0, 1));
        if (shares.isEmpty()) throw new ConfigException(t.path("shares"), "give at least one target share, e.g. [0.30, 0.75]");
        Targets targets = new Targets(t.required("area"), t.intValue("base_year", null, 1990, 2100), shares,
                t.choice("objective", Objective.MAX_SAVING, Objective.values(), Objective::label),
                t.bool("thirteen_percent_rule", false), t.optionalDouble("fund_cap_eur", 0, 1e12),
                t.doubleValue("front_cost_ratio", 0.9, 0, 2), t.intValue("lag_months", 1, 0, 24));
        t.checkUnknown(Set.of("area", "base_year", "shares", "objective", "thirteen_percent_rule", "fund_cap_eur",
                "front_cost_ratio", "lag_months"));
        return targets;
    }

    private static Trends trends(Node t) {
        List<String> areas = new ArrayList<>();
        for (Node a : t.list("areas")) areas.add(a.asString());
        List<String> groups = new ArrayList<>();
        for (Node g : t.list("product_groups")) groups.add(g.asString());
        Trends trends = new Trends(areas, groups, t.intValue("horizon_years", 5, 1, 50));
        t.checkUnknown(Set.of("areas", "product_groups", "horizon_years"));
        return trends;
    }

    /** A YAML value with its path for messages ("scenarios[1].duration_months"); maps also remember a fallback. */
    static final class Node {
        private final Object value;
        private final String source;
        private final String path;
        private final Node fallback;

        private Node(Object value, String source, String path, Node fallback) {
            this.value = value;
            this.source = source;
            this.path = path;
            this.fallback = fallback;
        }

        static Node of(Object value, String source, String path) {
            return new Node(value, source, path, null);
        }

        Node withFallback(Node other) {
            return new Node(value, source, path, other);
        }

        String path(String key) {
            String p = path.isEmpty() ? key : path + "." + key;
            return p.isEmpty() ? source : p;
        }

        private Map<?, ?> map() {
            if (value instanceof Map<?, ?> m) return m;
            throw new ConfigException(path.isEmpty() ? source : path, "must be a mapping of key: value");
        }

        boolean has(String key) {
            return map().get(key) != null || (fallback != null && fallback.has(key));
        }

        /** The value and its path, from this node or else its fallback; null if neither has it. */
        private Node get(String key) {
            Object v = map().get(key);
            if (v != null) return new Node(v, source, path(key), null);
            return fallback == null ? null : fallback.get(key);
        }

        Node child(String key) {
            return get(key);
        }

        List<Node> list(String key) {
            Node n = get(key);
            if (n == null) return List.of();
            if (!(n.value instanceof List<?> l)) throw new ConfigException(n.path, "must be a list");
            List<Node> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) out.add(new Node(l.get(i), source, n.path + "[" + i + "]", null));
            return out;
        }

        void checkUnknown(Set<String> known) {
            for (Object k : map().keySet()) {
                if (!known.contains(String.valueOf(k))) {
                    throw new ConfigException(path(String.valueOf(k)), "unknown key (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
                }
            }
        }

        String asString() {
            if (value instanceof Map || value instanceof List) throw new ConfigException(path, "must be a single value");
            return value.toString().trim();
        }

        double asDouble(double min, double max) {
            double d;
            if (value instanceof Number n) {
                d = n.doubleValue();
            } else {
                try {
                    d = Double.parseDouble(asString());
                } catch (NumberFormatException e) {
                    throw new ConfigException(path, "must be a number, got '" + value + "'");
                }
            }
            if (Double.isNaN(d)) throw new ConfigException(path, "must be a number, got " + value);
            if (d < min) throw new ConfigException(path, "must be " + (min == 0 ? ">= 0" : min < 0.001 ? "> 0" : ">= " + fmt(min)) + ", got " + fmt(d));
            if (d > max) throw new ConfigException(path, "must be <= " + fmt(max) + ", got " + fmt(d));
            return d;
        }

        String required(String key) {
            Node n = get(key);
            if (n == null) throw new ConfigException(path(key), "required");
            return n.asString();
        }

        String string(String key, String dflt) {
            Node n = get(key);
            return n == null ? dflt : n.asString();
        }

        Double optionalDouble(String key, double min, double max) {
            Node n = get(key);
            return n == null ? null : n.asDouble(min, max);
        }

        double requiredDouble(String key, double min, double max) {
            Node n = get(key);
            if (n == null) throw new ConfigException(path(key), "required when base_clients is given");
            return n.asDouble(min, max);
        }

        double doubleValue(String key, double dflt, double min, double max) {
            Node n = get(key);
            return n == null ? dflt : n.asDouble(min, max);
        }

        Integer intValue(String key, Integer dflt, int min, int max) {
            Node n = get(key);
            if (n == null) {
                if (dflt == null) throw new ConfigException(path(key), "required");
                return dflt;
            }
            if (!(n.value instanceof Integer || n.value instanceof Long) && !n.asString().matches("-?\\d+")) {
                throw new ConfigException(n.path, "must be a whole number, got '" + n.value + "'");
            }
            long v = Long.parseLong(n.asString());
            if (v < min) throw new ConfigException(n.path, "must be " + (min == 1 ? "> 0" : ">= " + min) + ", got " + v);
            if (v > max) throw new ConfigException(n.path, "must be <= " + max + ", got " + v);
            return (int) v;
        }

        long longValue(String key, long dflt) {
            Node n = get(key);
            if (n == null) return dflt;
            try {
                return Long.parseLong(n.asString());
            } catch (NumberFormatException e) {
                throw new ConfigException(n.path, "must be a whole number, got '" + n.value + "'");
            }
        }

        boolean bool(String key, boolean dflt) {
            Node n = get(key);
            if (n == null) return dflt;
            if (n.value instanceof Boolean b) return b;
            throw new ConfigException(n.path, "must be true or false, got '" + n.value + "'");
        }

        YearMonth month(String key, YearMonth dflt) {
            Node n = get(key);
            if (n == null) return dflt;
            if (n.value instanceof Date d) {
                return YearMonth.from(d.toInstant().atZone(java.time.ZoneOffset.UTC));
            }
            try {
                return YearMonth.parse(n.asString());
            } catch (DateTimeParseException e) {
                throw new ConfigException(n.path, "must be a month yyyy-MM, got '" + n.value + "'");
            }
        }

        <E extends Enum<E>> E choice(String key, E dflt, E[] values, java.util.function.Function<E, String> label) {
            Node n = get(key);
            if (n == null) return dflt;
            String v = n.asString().toLowerCase(Locale.ROOT);
            List<String> labels = new ArrayList<>();
            for (E e : values) {
                if (label.apply(e).equals(v) || label.apply(e).replace('-', '_').equals(v.replace('-', '_'))) return e;
                labels.add(label.apply(e));
            }
            throw new ConfigException(n.path, "unknown value '" + n.value + "' (use " + String.join(" or ", labels) + ")");
        }

        private static String fmt(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
        }
    }
}
