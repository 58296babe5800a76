package nl.voorkant.scenario;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.voorkant.core.Catalogue;
import nl.voorkant.core.CellRef;
import nl.voorkant.core.Message;
import nl.voorkant.core.Table;
import nl.voorkant.ingest.Reference;
import org.junit.jupiter.api.Test;

class FlowBaselinesTest {
    private static final Catalogue DUTCH = Catalogue.of("nl");

    static final String[] FLOW_YEAR = {"area", "area_level", "product_group", "year", "unique_clients",
            "avg_monthly_clients", "inflow", "outflow", "mean_duration_months", "km_median_duration_months", "cost_eur",
            "cost_per_client_month_eur", "local_referral_share", "local_referral_inflow"};

    /** Papendrecht 2019: 20 clients at EUR 500, inflow 48 (24 local); a lokaal_team row for the back-end budget. */
    static Map<String, Table> flow() {
        Table flowYear = Table.builder("flow_year", FLOW_YEAR)
                .row("GM0590", "municipality", "begeleiding", 2018, 30L, 18.0, null, 40L, 2.0, 3, new BigDecimal("108000.00"), 500.0, null, null)
                .row("GM0590", "municipality", "begeleiding", 2019, 31L, 20.0, 48L, 44L, 2.5, 3, new BigDecimal("120000.00"), 500.0, 0.5, 24L)
                .row("GM0590", "municipality", "lokaal_team", 2019, 50L, 30.0, 60L, 60L, 2.0, 2, new BigDecimal("30000.00"), 83.33, 1.0, 60L)
                .build();
        // Events at 2 months (half end) and 4 months (the rest): at(k) = 1, 1, 0.5, 0.5, mean 3, not the naive 2.5.
        Table km = Table.builder("km_survival", "area", "area_level", "product_group", "duration_months", "at_risk",
                        "events", "censored", "survival", "lower95", "upper95")
                .row("GM0590", "municipality", "begeleiding", 2, 10L, 5L, 0L, 0.5, 0.2, 0.7)
                .row("GM0590", "municipality", "begeleiding", 4, 5L, 5L, 0L, 0.0, null, null)
                .build();
        Table share = Table.builder("local_share_year", "area", "area_level", "year", "local_client_months",
                "total_client_months", "local_share", "local_cost_share")
                .row("GM0590", "municipality", 2019, 360L, 600L, 0.6, 0.2).build();
        return Map.of("flow_year", flowYear, "km_survival", km, "local_share_year", share);
    }

    @Test
    void readsTheBaseYearAndTheKaplanMeierDuration() {
        FlowBaselines.Lookup l = FlowBaselines.lookup(flow(), "GM0590", "begeleiding", 2019);
        assertTrue(l.found(), () -> DUTCH.render(l.problem()));
        Baseline b = l.baseline();
        assertEquals(20, b.avgMonthlyClients(), 1e-12);
        assertEquals(10_000, b.monthlyMarketCostEur(), 1e-9);
        assertEquals(4, b.monthlyInflow(), 1e-12);
        assertEquals(2, b.monthlyLocalInflow(), 1e-12);
        assertEquals(3, b.meanDurationMonths(), 1e-12);
        assertEquals(2019, b.year());
        // 150,000 of cost of which 20% local.
        assertEquals(120_000, FlowBaselines.backEndBudget(flow(), "GM0590", 2019), 1e-6);
    }

    @Test
    void explainsWhatIsMissing() {
        assertEquals("gebied GM0482 komt niet voor in de data",
                DUTCH.render(FlowBaselines.lookup(flow(), "GM0482", "begeleiding", 2019).problem()));
        assertEquals("productgroep voogdij komt in GM0590 niet voor in de data",
                DUTCH.render(FlowBaselines.lookup(flow(), "GM0590", "voogdij", 2019).problem()));
        assertEquals("jaar 2020 ontbreekt voor begeleiding in GM0590",
                DUTCH.render(FlowBaselines.lookup(flow(), "GM0590", "begeleiding", 2020).problem()));
        assertEquals("year 2020 is missing for begeleiding in GM0590",
                Catalogue.of("en").render(FlowBaselines.lookup(flow(), "GM0590", "begeleiding", 2020).problem()),
                "the same reason in English");
        assertEquals(Message.of("baseline.inflow_unknown", "2018", "begeleiding", "GM0590"),
                FlowBaselines.lookup(flow(), "GM0590", "begeleiding", 2018).problem());
        assertFalse(FlowBaselines.lookup(null, "GM0590", "begeleiding", 2019).found());
        assertFalse(FlowBaselines.lookup(Map.of(), "GM0590", "begeleiding", 2019).found());
    }

    @Test
    void runsADataDrivenScenario() {
        ScenarioConfig c = ScenarioConfig.parse("""
                scenarios:
                  - name: p
                    area: GM0590
                    product_group: begeleiding
                    base_year: 2019
                    diverted_inflow: local_referred
                    horizon_months: 4
                """, "t.yaml");
        ScenarioRun.Result r = ScenarioRun.run(c, flow(), null);
        Table months = r.tables().get("scenario_p_months");
        // Local inflow 2 a month on the curve 1, 1, 0.5, 0.5: front 2, 4, 5, 6.
        assertEquals(6.0, months.value(3, "front_clients"));
        // Month 1: budget 0.9 x 500 x 4 = 1800, saving 500 x 2 = 1000.
        assertEquals(new BigDecimal("800.00"), months.value(1, "fund_draw_eur"));
        Table summary = r.tables().get("scenario_summary");
        // Highest yearly front budget 12 x 0.9 x 500 x 6 = 32,400 > 13% of 120,000.
        assertEquals(false, summary.value(0, "thirteen_percent_ok"));
        assertTrue(r.notes().isEmpty());
    }

    @Test
    void plansTargetsOnTheDataWithTheShippedCatalogue() {
        ScenarioConfig c = ScenarioConfig.parse("""
                targets:
                  area: GM0590
                  base_year: 2019
                  shares: [0.75, 0.95]
                reference: data/reference
                """, "t.yaml");
        ScenarioRun.Result r = ScenarioRun.run(c, flow(), Reference.load(Path.of("data/reference")));
        // Local 360 of 600 client-months (60%); begeleiding's 240 may move up to 80% (catalogue): at most 92%.
        // 75% needs 90 more client-months: 90 / 240 = 0.375 of begeleiding, the full 80% would save 9,600, so 0.375 / 0.8 of it: 4,500.
        Table rows = r.tables().get("targets");
        assertEquals(1, rows.size());
        assertEquals("begeleiding", rows.value(0, "product_group"));
        assertEquals(0.375, rows.value(0, "fraction_moved"));
        assertEquals(new BigDecimal("4500.00"), rows.value(0, "yearly_net_saving_eur"));
        Table summary = r.tables().get("targets_summary");
        assertEquals(0.75, summary.value(0, "achieved_share"));
        assertEquals(false, summary.value(1, "feasible"));
        assertEquals("met de verschuifbare aandelen uit de catalogus komt het lokale aandeel hoogstens op 92.0%",
                summary.value(1, "binding_constraint"));
    }

    @Test
    void fitsTrendsAndProjectsTheBaseline() {
        ScenarioConfig c = ScenarioConfig.parse("""
                trends:
                  areas: [GM0590, GM9999]
                  product_groups: [begeleiding]
                  horizon_years: 2
                """, "t.yaml");
        ScenarioRun.Result r = ScenarioRun.run(c, flow(), null);
        Table fits = r.tables().get("trends");
        // Two years: 30 -> 31 clients, 108,000 -> 120,000 euro; no interval from two points.
        assertEquals(2, fits.size());
        assertEquals("2018-2019", fits.value(0, "years"));
        assertEquals(0.0333, fits.value(0, "growth_rate"));
        assertNull(fits.value(0, "lower95"));
        assertEquals(0.1111, fits.value(1, "growth_rate"));
        Table p = r.tables().get("baseline_projection");
        assertEquals(8, p.size());
        assertEquals(new BigDecimal("148148.15"), p.where("measure", "cost_eur").where("year", 2021).value(0, "projected"));
        assertEquals(List.of(Message.of("note.trends.no_area", "GM9999")), r.notes());
    }

    static final String[] NOWCAST = {"completeness", "clients_completeness", "provisional", "avg_monthly_clients_nowcast",
            "avg_monthly_clients_nowcast_lower90", "avg_monthly_clients_nowcast_upper90", "cost_eur_nowcast",
            "cost_eur_nowcast_lower90", "cost_eur_nowcast_upper90"};

    /** A flow_year row of GM0590 begeleiding with its nowcast block: provisional, and the two nowcasts (or null). */
    static Object[] yearRow(int year, long unique, double avg, String cost, boolean provisional, Double avgNowcast,
                            String costNowcast) {
        return new Object[] {"GM0590", "municipality", "begeleiding", year, unique, avg, 48L, 44L, 2.5, 3,
                new BigDecimal(cost), 500.0, 0.5, 24L, provisional ? 0.8 : null, provisional ? 0.8 : null, provisional,
                avgNowcast, null, null, costNowcast == null ? null : new BigDecimal(costNowcast), null, null};
    }

    /** {@link #flow()}'s curve and local share, with a flow_year of these rows and its nowcast columns. */
    static Map<String, Table> withNowcast(Object[]... rows) {
        String[] columns = java.util.stream.Stream.concat(java.util.Arrays.stream(FLOW_YEAR), java.util.Arrays.stream(NOWCAST))
                .toArray(String[]::new);
        Table.Builder b = Table.builder("flow_year", columns);
        for (Object[] r : rows) b.row(r);
        Map<String, Table> flow = new java.util.HashMap<>(flow());
        flow.put("flow_year", b.build());
        flow.put("local_share_year", Table.builder("local_share_year", "area", "area_level", "year", "local_client_months",
                "total_client_months", "local_share", "local_cost_share").row("GM0590", "municipality", 2020, 360L, 600L, 0.6, 0.2)
                .build());
        return flow;
    }

    @Test
    void aProvisionalYearEntersTheTrendWithItsNowcastOrNotAtAll() {
        // Cost 100,000, 110,000, 121,000 and in provisional 2020 100,000 in so far, nowcast 133,100: with the
        // nowcast exactly 10% a year. Unique clients 100, 120, 144 and 130 so far in 2020, which has no nowcast
        // of unique clients: left out, the fit is 20% a year on 2017-2019.
        Map<String, Table> flow = withNowcast(
                yearRow(2017, 100, 20.0, "100000.00", false, null, null),
                yearRow(2018, 120, 20.0, "110000.00", false, null, null),
                yearRow(2019, 144, 20.0, "121000.00", false, null, null),
                yearRow(2020, 130, 20.0, "100000.00", true, 25.0, "133100.00"));
        ScenarioConfig c = ScenarioConfig.parse("""
                trends:
                  areas: [GM0590]
                  product_groups: [begeleiding]
                  horizon_years: 1
                """, "t.yaml");
        ScenarioRun.Result r = ScenarioRun.run(c, flow, null);
        Table fits = r.tables().get("trends");
        Table clients = fits.where("measure", "unique_clients");
        Table cost = fits.where("measure", "cost_eur");
        assertEquals("2017-2019", clients.value(0, "years"), "the provisional year without a nowcast is left out");
        assertEquals(0.2, clients.value(0, "growth_rate"), "100, 120, 144: 20% a year, not bent down by 2020's 130");
        assertEquals("2017-2020", cost.value(0, "years"), "the provisional year counts with its nowcast");
        assertEquals(0.1, cost.value(0, "growth_rate"), "100,000 ... 133,100: 10% a year, not the fall to 100,000");
        assertEquals(1.0, cost.value(0, "r2"), "the nowcast lies on the line");
        Table p = r.tables().get("baseline_projection");
        assertEquals(new BigDecimal("146410.00"), p.where("measure", "cost_eur").where("year", 2021).value(0, "projected"),
                "133,100 x 1.1");
        assertEquals(new BigDecimal("100000.00"), p.where("measure", "cost_eur").where("year", 2020).value(0, "observed"),
                "observed stays what flow_year holds");
        assertEquals(List.of(2017, 2018, 2019, 2020, 2021), p.where("measure", "unique_clients").rows().stream()
                .map(row -> row.get(p.columnIndex("year"))).toList(), "the horizon counts from the data's last year");
        assertEquals(172.8, p.where("measure", "unique_clients").where("year", 2020).value(0, "projected"), "144 x 1.2");
        assertEquals(List.of(Message.of("note.trends.provisional_left_out", "GM0590", "2020", "unique_clients")), r.notes());
        List<CellRef> basis = fits.bases().get(fits.rows().indexOf(cost.rows().get(0)));
        Map<String, Object> key = Map.of("area", "GM0590", "product_group", "begeleiding");
        assertTrue(basis.contains(new CellRef("flow_year", key, "cost_eur_nowcast")),
                "the cost trend is modelled on the nowcast cells too: " + basis);
        assertTrue(basis.contains(new CellRef("flow_year", key, "provisional")), "and on which years are provisional");
    }

    @Test
    void aProvisionalBaseYearTakesItsNowcastOrIsRefused() {
        // 2020 provisional: 20 average clients so far, nowcast 25, at EUR 500 a client-month as observed;
        // cost 90,000 so far, nowcast 150,000, of which 20% local: a back-end budget of 120,000.
        Map<String, Table> flow = withNowcast(yearRow(2020, 31, 20.0, "90000.00", true, 25.0, "150000.00"));
        FlowBaselines.Lookup l = FlowBaselines.lookup(flow, "GM0590", "begeleiding", 2020);
        assertTrue(l.found(), () -> DUTCH.render(l.problem()));
        assertEquals(25, l.baseline().avgMonthlyClients(), 1e-12, "the nowcast of the average monthly clients");
        assertEquals(12_500, l.baseline().monthlyMarketCostEur(), 1e-9, "25 x EUR 500");
        assertEquals(120_000, FlowBaselines.backEndBudget(flow, "GM0590", 2020), 1e-6, "80% of the cost nowcast");
        List<CellRef> basis = FlowBaselines.basis(flow, "GM0590", "begeleiding", 2020);
        assertTrue(basis.contains(new CellRef("flow_year", Map.of("area", "GM0590", "product_group", "begeleiding",
                "year", 2020), "avg_monthly_clients_nowcast")), "the scenario is modelled on the nowcast cell: " + basis);
        assertTrue(basis.contains(new CellRef("flow_year", Map.of("area", "GM0590", "year", 2020), "cost_eur_nowcast")),
                "and its back-end budget on the area's cost nowcasts");

        Map<String, Table> unknown = withNowcast(yearRow(2020, 31, 20.0, "90000.00", true, null, null));
        assertEquals("jaar 2020 is voorlopig voor begeleiding in GM0590 en heeft geen nowcast (er komen nog declaraties "
                + "binnen); kies een volledig basisjaar",
                DUTCH.render(FlowBaselines.lookup(unknown, "GM0590", "begeleiding", 2020).problem()),
                "a provisional year without a nowcast is no baseline");
        assertNull(FlowBaselines.backEndBudget(unknown, "GM0590", 2020), "nor a back-end budget");
    }
}
