package nl.voorkant.report;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.voorkant.core.Message;
import nl.voorkant.core.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key findings on a small hand-built run whose figures are worked out by hand: every sentence states
 * the run's figure, a suppressed figure is never printed, and both languages say the same.
 */
class KeyFindingsTest {
    static final String REACHED_BINDING = "doel lokaal aandeel; verschuifbaar aandeel b";
    static final String OUT_OF_REACH_BINDING = "met de verschuifbare aandelen uit de catalogus komt het lokale aandeel hoogstens op 45.4%";

    static final Names NAMES = new Names(
            Map.of("R", "Zuid-Holland Zuid", "S", "Drechtsteden-Noord", "T", "Alblasserwaard", "GM0482", "Alblasserdam",
                    "GM0590", "Papendrecht"),
            Map.of("a", "Groep A", "b", "Begeleiding", "c", "Basis GGZ"),
            Map.of("plan_one", "Plan Alblasserdam"));

    /** The Dutch cells of the targets' binding constraint and the planner's messages behind them. */
    static final Map<String, Message> TEXTS = Map.of(
            REACHED_BINDING, Message.parts(List.of(Message.of("target.binding.share"), Message.of("target.binding.shiftable", "b"))),
            OUT_OF_REACH_BINDING, Message.of("target.max_by_shares", "45.4"));

    /**
     * Region R: 12.3% local in 2020 (5% by cost), 17.7 points short of 30%. Client-months 1,000 in 2017 and
     * 1,210 in 2019: +21%, +10% a year over the two years; cost 400 and 484 the same. 2020 is provisional and left out.
     * Target 30%: group b moves 75% of its market care, 180 client-months a year = 15 clients at a time.
     */
    static Map<String, Table> tables() {
        Map<String, Table> t = new LinkedHashMap<>();
        t.put("local_share_year", Table.builder("local_share_year", "area", "area_level", "year", "total_client_months",
                        "local_share", "local_cost_share")
                .row("GM0482", "municipality", 2020, 500L, 0.09, 0.03)
                .row("GM0590", "municipality", 2020, 700L, 0.15, 0.07)
                .row("S", "subregion", 2020, 1200L, 0.123, 0.05)
                .row("T", "subregion", 2020, null, null, null)
                .row("R", "region", 2017, 1000L, 0.1, 0.04)
                .row("R", "region", 2018, 1100L, 0.1, 0.04)
                .row("R", "region", 2019, 1210L, 0.11, 0.045)
                .row("R", "region", 2020, 1300L, 0.123, 0.05)
                .build());
        t.put("flow_year", Table.builder("flow_year", "area", "area_level", "product_group", "year", "unique_clients", "cost_eur",
                        "provisional")
                .row("R", "region", "a", 2017, 10L, 100.0, false).row("R", "region", "b", 2017, 20L, 300.0, false)
                .row("R", "region", "a", 2018, 11L, 140.0, false).row("R", "region", "b", 2018, 20L, 300.0, false)
                .row("R", "region", "a", 2019, 12L, 184.0, false).row("R", "region", "b", 2019, 22L, 300.0, false)
                .row("R", "region", "a", 2020, 9L, 90.0, true).row("R", "region", "b", 2020, 15L, 200.0, true)
                .build());
        t.put("targets", Table.builder("targets", "target_share", "objective", "product_group", "fraction_moved",
                        "moved_client_months_per_year", "yearly_net_saving_eur")
                .row(0.3, "max_saving", "a", 0.0, 0.0, 0.0)
                .row(0.3, "max_saving", "b", 0.75, 180.0, 9000.0)
                .build());
        t.put("targets_summary", Table.builder("targets_summary", "target_share", "feasible", "achieved_share",
                        "binding_constraint", "yearly_net_saving_eur", "front_budget_eur", "fund_draw_eur",
                        "months_to_target_gradual", "months_to_target_big_bang", "staff_fte", "paperwork_hours_saved",
                        "thirteen_percent_ok", "fund_cap_ok")
                .row(0.75, false, null, OUT_OF_REACH_BINDING, null, null, null, null, null, null, null, null, null)
                .row(0.3, true, 0.3, REACHED_BINDING, 9000.0, 81000.0, 5625.0, 4, 1, 3.0, 225.0, false, true)
                .build());
        t.put("trends", Table.builder("trends", "area", "product_group", "measure", "years", "growth_rate", "lower95", "upper95", "r2")
                .row("S", "a", "unique_clients", "2016-2019", 0.05, 0.01, 0.09, 0.9)
                .row("S", "b", "unique_clients", "2016-2019", 0.148, 0.097, 0.203, 0.98)
                .row("S", "b", "cost_eur", "2016-2019", 0.3, 0.1, 0.5, 0.9)
                .build());
        t.put("monitoring", Table.builder("monitoring", "scenario", "area", "product_group", "month", "planned_market_clients",
                        "observed_market_clients", "planned_market_inflow", "observed_market_inflow", "difference")
                .row("plan_one", "GM0482", "b", "2020-11", 20.0, 25L, 1.0, 3L, 5.0)
                .row("plan_one", "GM0482", "b", "2020-12", 18.0, 30L, 1.0, 4L, 12.0)
                .build());
        return t;
    }

    /** 50 of 1,000 lines set aside (5%), € 200 of € 10,000 (2%); December 2020 is 30% in by an assumed profile. */
    static Map<String, Object> manifest() {
        Map<String, Object> m = new LinkedHashMap<>(HtmlReportTest.manifest());
        m.put("rows_read", 1000L);
        m.put("rows_rejected", 50L);
        m.put("amount_read", "10000.00");
        m.put("amount_rejected", "200.00");
        m.put("rejects_by_reason", Map.of("unknown_product", 30L, "invalid_date", 20L, "malformed_row", 0L));
        m.put("nowcast", Map.of("extract_date", "2020-12-31", "provisional_months", Map.of("2020-12", 0.3),
                "assumed_profile", List.of(0.3, 0.75)));
        return m;
    }

    static List<String> findings(Map<String, Table> tables, String lang) {
        Block.Findings f = KeyFindings.build(tables, manifest(), TEXTS, NAMES, new Texts(lang));
        return f.items();
    }

    static String item(List<String> items, String start) {
        return items.stream().filter(i -> i.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no item starting with " + start + " in " + items));
    }

    @Test
    void theLocalShareOfTheRegionAndItsSubregionsStandsAgainstTheSteps() {
        String share = item(findings(tables(), "en"), "In 2020");
        assertTrue(share.startsWith("In 2020 (still provisional) the local share"), "late claims are still to come for 2020");
        assertTrue(share.contains("the local share of Zuid-Holland Zuid was 12.3% of client-months (by cost 5%)"),
                "the region's latest share by its name, with the cost share: " + share);
        assertTrue(share.contains("17.7 percentage points short of the first step of 30%"), "30% − 12.3% = 17.7 points: " + share);
        assertTrue(share.contains("above the starting point of 10%"), "12.3% lies past today's 10%");
        assertTrue(share.contains("Subregions: Drechtsteden-Noord 12.3%, Alblasserwaard not published."),
                "each subregion, the suppressed one said to be unpublished: " + share);
        assertTrue(share.contains("By municipality from 9% (Alblasserdam) to 15% (Papendrecht)."), "the municipalities' range");
    }

    @Test
    void reachingThirtyPercentNamesTheGroupsAndWhatItTakes() {
        List<String> items = findings(tables(), "en");
        String step = item(items, "Reaching 30%");
        assertTrue(step.contains("moving Begeleiding (75% of its market care, on average 15 clients at a time) to the local team"),
                "the group that moves by its display name, 180 client-months a year = 15 at a time: " + step);
        assertFalse(step.contains("Groep A"), "a group that moves nothing is not named");
        assertTrue(step.contains("a front-end budget of € 81,000 a year, € 5,625 from the transformation fund, about 3 FTE"
                + " in the local team, 4 months with new cases only (gradual), 1 month if all current cases move at once"),
                "front-end budget, fund draw, staff and months: " + step);
        assertTrue(step.contains("saves a net € 9,000 a year"), "the yearly net saving");
        assertTrue(step.contains("What limits the choice: all care the catalogue marks as shiftable in Begeleiding moves."),
                "the binding constraint in plain words, the group by its name: " + step);
        assertTrue(step.contains("more than the 13% of the back-end budget"), "the 13% rule is broken");
        assertTrue(step.contains("within the fund cap"), "the fund cap holds");
        // The lowest target first, although the table lists 75% first.
        assertTrue(items.indexOf(step) < items.indexOf(item(items, "The goal of 70–80%")), "30% before the goal");
    }

    @Test
    void theGoalOutOfReachSaysHowFarTheCatalogueGoes() {
        String goal = item(findings(tables(), "en"), "The goal of 70–80%");
        assertTrue(goal.startsWith("The goal of 70–80% (modelled at 75%) is out of reach with the shares the product catalogue"
                + " marks as shiftable: the local share gets to at most 45.4%."), goal);
        assertTrue(goal.contains("The chart “Path of the local share: 10% → 30% → 70–80%” under Shift scenarios shows the steps."),
                "the last target item points to the staircase chart: " + goal);
    }

    @Test
    void growthMonitoringAndTheDataCaveatAreWorkedOutFromTheRun() {
        List<String> items = findings(tables(), "en");
        String growth = item(items, "From 2017 to 2019");
        assertTrue(growth.contains("care in the region grew from 1,000 to 1,210 client-months (+21%, +10% a year)"),
                "client-months of the complete years: " + growth);
        assertTrue(growth.contains("the cost of care grew from € 400 to € 484 (+21%, +10% a year)"), "cost summed over the groups");
        assertTrue(growth.contains("2020 is left out: late claims are still to come."), "the provisional year is named");
        assertTrue(growth.contains("Begeleiding in Drechtsteden-Noord grows fastest: +14.8% clients a year over 2016-2019"
                + " (95% interval +9.7% to +20.3%)"), "the fastest trend fit of clients, not of cost: " + growth);
        String monitoring = item(items, "Monitoring");
        assertTrue(monitoring.contains("in 1 of 1 plans more clients are still in market care than planned (latest month December 2020)"),
                monitoring);
        assertTrue(monitoring.contains("30 against 18 planned in Plan Alblasserdam."), "the plan by its title, its latest month");
        String data = item(items, "Late claims are still to come");
        assertTrue(data.contains("(December 2020: 30% of the claims in, by an assumed delay profile"), data);
        // 70% of December still to come outweighs the 2% of the amount set aside: the late claims come first.
        assertTrue(data.indexOf("December") < data.indexOf("50 of 1,000 claim lines (5%) were set aside, worth € 200"
                + " (2% of the amount read); most often: unknown product (30 lines)."), "rejects after the late claims: " + data);
    }

    @Test
    void suppressedFiguresAreLeftOutNeverPrintedEmpty() {
        Map<String, Table> t = new LinkedHashMap<>(tables());
        List<List<Object>> shares = new ArrayList<>();
        for (List<Object> row : t.get("local_share_year").rows()) {
            List<Object> r = new ArrayList<>(row);
            if ("R".equals(r.get(0)) && Integer.valueOf(2020).equals(r.get(2))) {
                r.set(4, null);
                r.set(5, null);
            }
            shares.add(r);
        }
        t.put("local_share_year", t.get("local_share_year").withRows(shares));
        t.put("targets", t.get("targets").withRows(List.of(List.of(0.3, "max_saving", "b", 0.75, 180.0, 9000.0))
                .stream().map(r -> {
                    List<Object> x = new ArrayList<>(r);
                    x.set(4, null);
                    return (List<Object>) x;
                }).toList()));
        List<Object> reached = new ArrayList<>(java.util.Arrays.asList(0.3, true, 0.3, REACHED_BINDING, null, null, null, null,
                null, null, null, null, null));
        t.put("targets_summary", t.get("targets_summary").withRows(List.of(reached)));
        List<List<Object>> years = new ArrayList<>();
        for (List<Object> row : t.get("flow_year").rows()) {
            List<Object> r = new ArrayList<>(row);
            if ("a".equals(r.get(2)) && Integer.valueOf(2019).equals(r.get(3))) r.set(5, null);
            years.add(r);
        }
        t.put("flow_year", t.get("flow_year").withRows(years));
        List<String> items = findings(t, "en");
        String share = item(items, "The local share of Zuid-Holland Zuid in 2020 (still provisional) is not published");
        assertFalse(share.contains("12.3% of client-months"), "no share of the region: " + share);
        String step = item(items, "Reaching 30%");
        assertTrue(step.contains("moving Begeleiding (75% of its market care) to the local team"),
                "the group without its suppressed client-months: " + step);
        assertTrue(step.contains("Its figures are not published (disclosure control)."), step);
        assertFalse(step.contains("€"), "no amount where all are suppressed: " + step);
        String growth = item(items, "From 2017 to 2019");
        assertFalse(growth.contains("€"), "a cost total with a suppressed group is not summed from the rest: " + growth);
        assertTrue(growth.contains("The total cost is not published for these years"), growth);
        for (String i : items) {
            // The dash of an empty cell stands alone; the one in "70–80%" joins two figures.
            assertFalse(i.matches("(?s).*(^|[\\s(])" + Formats.EMPTY + "([\\s,.;)]|$).*") || i.contains("null"),
                    "no empty figure in " + i);
        }
    }

    @Test
    void dutchSaysTheSameInDutchFormat() {
        List<String> items = findings(tables(), "nl");
        String share = item(items, "In 2020");
        assertTrue(share.contains("was het lokale aandeel van Zuid-Holland Zuid 12,3% van de cliëntmaanden (naar kosten 5%)"), share);
        assertTrue(share.contains("nog 17,7 procentpunt onder de eerste stap van 30%"), share);
        String step = item(items, "30% halen");
        assertTrue(step.contains("Begeleiding (75% van de zorg op de markt, gemiddeld 15 cliënten tegelijk)"), step);
        assertTrue(step.contains("een budget voorkant van € 81.000 per jaar, € 5.625 uit het transformatiefonds"), step);
        assertTrue(item(items, "Het doel van 70–80% (gerekend met 75%) is niet haalbaar").contains("hoogstens op 45,4%"));
        assertTrue(item(items, "Monitoring").contains("laatste maand december 2020"));
        assertEquals(findings(tables(), "en").size(), items.size(), "as many findings in both languages");
    }

    @Test
    void theFindingsComeFirstInTheReport(@TempDir Path out) throws Exception {
        Map<String, Table> t = new LinkedHashMap<>(HtmlReportTest.tables());
        t.putAll(tables());
        // The scenario section shows the targets (and their staircase) of a run that made scenarios.
        t.put("scenario_summary", Table.builder("scenario_summary", "scenario").build());
        for (String lang : List.of("nl", "en")) {
            Report.write(out, t, manifest(), List.of(), TEXTS, NAMES, lang);
            String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
            String title = lang.equals("nl") ? "Kernpunten" : "Key findings";
            int findings = html.indexOf("<aside class=\"findings\"><h2>" + title + "</h2>");
            assertTrue(findings > 0, lang + ": the findings are in the page");
            assertTrue(findings < html.indexOf("<nav>") && findings < html.indexOf("<main>"), lang + ": before the contents");
            assertTrue(html.contains("Zuid-Holland Zuid"), lang);
            assertTrue(Files.exists(out.resolve("charts/staircase.png")), lang + ": the staircase chart is written");
        }
    }
}
