package nl.voorkant.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import nl.voorkant.core.Table;
import nl.voorkant.core.schema.Column;
import nl.voorkant.flow.tables.CompositeYear;
import nl.voorkant.flow.tables.Dimensions;
import nl.voorkant.flow.tables.FlowYear;
import nl.voorkant.flow.tables.Placements;
import nl.voorkant.flow.tables.ProviderChangesYear;
import nl.voorkant.testing.ClaimsBuilder;
import nl.voorkant.testing.TestReference;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seeds' questions on tiny claims worked out by hand (TestReference: Noord = GM0482 + GM0590, Zuid =
 * GM0505, all in Regio; begeleiding = H300 + H153, each product its own provider P&lt;code&gt;; verblijf is
 * out of home; max_gap 1).
 */
class SeedQuestionsTest {
    /** Composite packages and providers, 2019-03 .. 2019-07. */
    static Map<String, Table> care;
    /** Placements and the first year's local-referral share: client 9 pins the data to 2018-01 .. 2020-12. */
    static Map<String, Table> placed;

    @BeforeAll
    static void compute() {
        Dataset<Row> careClaims = new ClaimsBuilder()
                // child 1: begeleiding and J&O in GM0482 in March and April (composite); begeleiding alone in GM0590 in May
                .month(1, "GM0482", "H300", "2019-03", 5000, "01").month(1, "GM0482", "JH-2A", "2019-03", 5000, "01")
                .month(1, "GM0482", "H300", "2019-04", 5000, "01").month(1, "GM0482", "JH-2A", "2019-04", 5000, "01")
                .month(1, "GM0590", "H300", "2019-05", 5000, "01")
                // child 2: begeleiding beside the local team, which is no market group
                .month(2, "GM0505", "H300", "2019-03", 5000, "01").month(2, "GM0505", "LT001", "2019-03", 5000, "01")
                // child 3: begeleiding and J&O, but in different months
                .month(3, "GM0505", "H300", "2019-03", 5000, "02").month(3, "GM0505", "JH-2A", "2019-04", 5000, "02")
                // child 4: a second provider (PH153) whose only month a credit removes
                .month(4, "GM0505", "H300", "2019-03", 5000, "02").month(4, "GM0505", "H300", "2019-04", 5000, "02")
                .month(4, "GM0505", "H153", "2019-04", 5000, "02")
                .line(4, "GM0505", "H153", "2019-04-01", "2019-04-30", 4, 5000, "C", "02")
                // child 5: PH300 in June, PH153 in July: two providers
                .month(5, "GM0505", "H300", "2019-06", 5000, "02").month(5, "GM0505", "H153", "2019-07", 5000, "02")
                .build();
        care = FlowMetrics.compute(careClaims, TestReference.small(), 1).tables();
        Dataset<Row> placementClaims = new ClaimsBuilder()
                .month(9, "GM0505", "H300", "2018-01", 10000, "02").month(9, "GM0505", "H300", "2020-12", 10000, "02")
                // child 10: a placement that started before the data (its first month is the data's first)
                .month(10, "GM0505", "VB01", "2018-01", 30000, "04").month(10, "GM0505", "VB01", "2018-02", 30000, "04")
                // child 11: a placement from 2019-02, its gap month March within max_gap (EUR 300 + 300.01)
                .month(11, "GM0505", "VB01", "2019-02", 30000, "04").month(11, "GM0505", "VB01", "2019-04", 30001, "04")
                // child 12: a one-month placement in 2019 (EUR 99.99)
                .month(12, "GM0505", "VB01", "2019-06", 9999, "08")
                // child 13: a placement still running at the data's end, EUR 600 so far
                .month(13, "GM0482", "VB01", "2020-11", 30000, "08").month(13, "GM0482", "VB01", "2020-12", 30000, "08")
                // 2018's begeleiding starts in GM0482: one censored (local team), then local, GP, and an unknown referrer
                .month(20, "GM0482", "H300", "2018-01", 5000, "01").month(21, "GM0482", "H300", "2018-05", 5000, "01")
                .month(22, "GM0482", "H300", "2018-06", 5000, "02").month(23, "GM0482", "H300", "2018-07", 5000, null)
                .build();
        placed = FlowMetrics.compute(placementClaims, false, TestReference.small(), 1, new Placements.Plan(0.25, 10)).tables();
    }

    /** The one row of a table at an area and, where given, a group and a year column's value. */
    static Table row(Map<String, Table> tables, String table, String area, String group, Column yearColumn, int year) {
        Table t = tables.get(table).where(Dimensions.AREA, area).where(yearColumn, year);
        if (group != null) t = t.where(Dimensions.PRODUCT_GROUP, group);
        assertEquals(1, t.size(), table + " has one row for " + area + " " + group + " " + year);
        return t;
    }

    static Table composite(String area, String group) {
        return row(care, CompositeYear.SCHEMA.name(), area, group, Dimensions.YEAR, 2019);
    }

    @Test
    void aChildInTwoMarketGroupsOfOneMunicipalityInOneMonthIsComposite() {
        Table alblasserdam = composite("GM0482", "begeleiding");
        assertEquals(1L, alblasserdam.value(0, CompositeYear.UNIQUE_CLIENTS), "GM0482 begeleiding: child 1");
        assertEquals(1L, alblasserdam.value(0, CompositeYear.COMPOSITE_CLIENTS),
                "child 1 had J&O in the same months, and counts once for the two");
        assertEquals(1.0, alblasserdam.value(0, CompositeYear.COMPOSITE_SHARE), "all of GM0482's begeleiding");
        assertEquals("jo_netwerk", alblasserdam.value(0, CompositeYear.MOST_COMBINED_WITH), "combined with J&O");
        assertEquals(1.0, alblasserdam.value(0, CompositeYear.MOST_COMBINED_SHARE), "every composite client had J&O");
        assertEquals(1L, alblasserdam.value(0, CompositeYear.MOST_COMBINED_CLIENTS), "once, over two months");
        assertEquals("begeleiding", composite("GM0482", "jo_netwerk").value(0, CompositeYear.MOST_COMBINED_WITH),
                "and J&O with begeleiding");
        Table papendrecht = composite("GM0590", "begeleiding");
        assertEquals(0L, papendrecht.value(0, CompositeYear.COMPOSITE_CLIENTS), "in GM0590 child 1 had begeleiding alone");
        assertNull(papendrecht.value(0, CompositeYear.MOST_COMBINED_WITH), "so nothing is combined there");
        Table noord = composite("Noord", "begeleiding");
        assertEquals(1L, noord.value(0, CompositeYear.UNIQUE_CLIENTS), "Noord: child 1 once");
        assertEquals(1L, noord.value(0, CompositeYear.COMPOSITE_CLIENTS), "composite in one of its municipalities");
    }

    @Test
    void theLocalTeamAndAnotherMonthMakeNoCompositePackage() {
        Table dordrecht = composite("GM0505", "begeleiding");
        assertEquals(4L, dordrecht.value(0, CompositeYear.UNIQUE_CLIENTS), "children 2 to 5");
        assertEquals(0L, dordrecht.value(0, CompositeYear.COMPOSITE_CLIENTS),
                "child 2's other group is local, child 3's J&O came a month later");
        assertEquals(0.0, composite("GM0505", "jo_netwerk").value(0, CompositeYear.COMPOSITE_SHARE), "child 3's J&O neither");
        assertEquals(0, care.get(CompositeYear.SCHEMA.name()).where(Dimensions.PRODUCT_GROUP, "lokaal_team").size(),
                "the local team is no market group: no composite rows");
        Table regio = composite("Regio", "begeleiding");
        assertEquals(5L, regio.value(0, CompositeYear.UNIQUE_CLIENTS), "the region's five children");
        assertEquals(0.2, regio.value(0, CompositeYear.COMPOSITE_SHARE), "one of five composite");
    }

    static Table providers(String area) {
        return row(care, ProviderChangesYear.SCHEMA.name(), area, "begeleiding", Dimensions.YEAR, 2019);
    }

    @Test
    void aCreditThatRemovesAProvidersOnlyMonthLeavesOneProvider() {
        Table dordrecht = providers("GM0505");
        assertEquals(4L, dordrecht.value(0, ProviderChangesYear.UNIQUE_CLIENTS), "children 2 to 5");
        assertEquals(1L, dordrecht.value(0, ProviderChangesYear.PROVIDER_CHANGE_CLIENTS),
                "child 5 had two providers; child 4's second was credited away");
        assertEquals(0.25, dordrecht.value(0, ProviderChangesYear.PROVIDER_CHANGE_SHARE), "one of four");
        assertEquals(1.25, dordrecht.value(0, ProviderChangesYear.MEAN_PROVIDERS_PER_CLIENT), "(1 + 1 + 1 + 2) / 4");
        Table noord = providers("Noord");
        assertEquals(0L, noord.value(0, ProviderChangesYear.PROVIDER_CHANGE_CLIENTS),
                "child 1 had PH300 in both municipalities: one provider in Noord");
        assertEquals(1.0, noord.value(0, ProviderChangesYear.MEAN_PROVIDERS_PER_CLIENT), "one provider per client");
        assertEquals(1.2, providers("Regio").value(0, ProviderChangesYear.MEAN_PROVIDERS_PER_CLIENT), "(1 + 5) / 5");
    }

    static Table placements(String area, int year) {
        return row(placed, Placements.SCHEMA.name(), area, null, Placements.BASE_YEAR, year);
    }

    @Test
    void aPlacementThatStartedBeforeTheDataIsNone() {
        assertEquals(List.of(2019, 2020, 2019, 2020, 2019, 2020, 2019, 2020, 2019, 2020),
                placed.get(Placements.SCHEMA.name()).rows().stream().map(r -> r.get(2)).toList(),
                "2018 has unknown starts, so no row; GM0482, GM0505, Noord, Zuid, Regio each 2019 and 2020");
        Table zuid = placements("GM0505", 2019);
        assertEquals(2L, zuid.value(0, Placements.PLACEMENTS), "children 11 and 12; child 10 began before the data");
        assertEquals(350.0, zuid.value(0, Placements.COST_PER_PLACEMENT_EUR), "(600.01 + 99.99) / 2");
        assertEquals(0.5, zuid.value(0, Placements.FEWER_PLACEMENTS), "a quarter of 2");
        assertEquals(3500.0, zuid.value(0, Placements.INCENTIVE_EUR), "10 placements' cost");
        assertEquals(-3325.0, zuid.value(0, Placements.YEARLY_NET_SAVING_EUR), "(0.5 - 10) x 350");
        Table none = placements("GM0505", 2020);
        assertEquals(0L, none.value(0, Placements.PLACEMENTS), "no placement started in 2020");
        assertNull(none.value(0, Placements.COST_PER_PLACEMENT_EUR), "no cost of no placement");
        Table running = placements("Regio", 2020);
        assertEquals(1L, running.value(0, Placements.PLACEMENTS), "child 13, still running");
        assertEquals(600.0, running.value(0, Placements.COST_PER_PLACEMENT_EUR), "at its cost so far");
    }

    @Test
    void theFirstYearsShareIsOverItsKnownStartsWhileItsInflowStaysEmpty() {
        Table first = row(placed, FlowYear.SCHEMA.name(), "GM0482", "begeleiding", Dimensions.YEAR, 2018);
        assertNull(first.value(0, FlowYear.INFLOW), "2018 has censored months: its inflow is unknown");
        assertEquals(2L, first.value(0, FlowYear.REFERRED_INFLOW),
                "May (local team) and June (GP); July's referrer is unknown, January's start is not known");
        assertEquals(1L, first.value(0, FlowYear.LOCAL_REFERRAL_INFLOW), "May");
        assertEquals(0.5, first.value(0, FlowYear.LOCAL_REFERRAL_SHARE), "one of the two known starts with a known referrer");
    }

    @Test
    void theSharesDenominatorOfOneToFourIsSuppressedAndTheShareWithIt() {
        Map<String, Table> published = Disclosure.publish(placed, Disclosure.Mode.PUBLISH, TestReference.small()).tables();
        Table first = row(published, FlowYear.SCHEMA.name(), "GM0482", "begeleiding", Dimensions.YEAR, 2018);
        assertNull(first.value(0, FlowYear.REFERRED_INFLOW), "2 known starts with a known referrer: suppressed");
        assertNull(first.value(0, FlowYear.LOCAL_REFERRAL_SHARE), "and the share that would give them away");
        assertNull(row(published, Placements.SCHEMA.name(), "GM0505", null, Placements.BASE_YEAR, 2019)
                .value(0, Placements.COST_PER_PLACEMENT_EUR), "two placements' mean cost goes with their count");
        assertEquals(10, row(published, Placements.SCHEMA.name(), "GM0505", null, Placements.BASE_YEAR, 2019)
                .value(0, Placements.INCENTIVE_PLACEMENTS), "a parameter stays");
    }
}
