package nl.voorkant.report;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.voorkant.core.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The revisions summed up per month at region level, on a hand-built revisions table. */
class LateClaimsTest {
    static final Texts NL = new Texts("nl");
    static final Texts EN = new Texts("en");

    /**
     * Since the earlier run: in 2020-09 begeleiding's cost went from 1,000 to 1,042 and its clients from 10
     * to 11, jo_netwerk stayed at 0 cost and 10 clients; in 2020-10 begeleiding's cost fell from 1,000 to 980
     * (a credit). A municipality's cell, a flow_year cell, a nowcast cell and a change that rounds to 0.0%
     * (2020-08, 100,000 to 100,000.01) make no line of their own.
     */
    static Table revisions() {
        return Table.builder("revisions", "table", "area", "area_level", "product_group", "period", "column", "old", "new",
                        "difference", "relative_difference")
                .row("flow_month", "R", "region", "begeleiding", "2020-08", "cost_eur", new BigDecimal("100000.00"),
                        new BigDecimal("100000.01"), new BigDecimal("0.01"), 1e-7)
                .row("flow_month", "R", "region", "begeleiding", "2020-09", "cost_eur", new BigDecimal("1000.00"),
                        new BigDecimal("1042.00"), new BigDecimal("42.00"), 0.042)
                .row("flow_month", "R", "region", "begeleiding", "2020-09", "clients", 10L, 11L, 1L, 0.1)
                .row("flow_month", "R", "region", "begeleiding", "2020-09", "cost_eur_nowcast", new BigDecimal("1300.00"),
                        new BigDecimal("1200.00"), new BigDecimal("-100.00"), -0.0769)
                .row("flow_month", "GM0482", "municipality", "begeleiding", "2020-09", "cost_eur", new BigDecimal("500.00"),
                        new BigDecimal("900.00"), new BigDecimal("400.00"), 0.8)
                .row("flow_year", "R", "region", "begeleiding", "2020", "cost_eur", new BigDecimal("12000.00"),
                        new BigDecimal("12022.00"), new BigDecimal("22.00"), 0.0018)
                .row("flow_month", "R", "region", "begeleiding", "2020-10", "cost_eur", new BigDecimal("1000.00"),
                        new BigDecimal("980.00"), new BigDecimal("-20.00"), -0.02)
                .build();
    }

    /** This run's flow_month at region level: what the revisions are measured against. */
    static Table flowMonth() {
        return Table.builder("flow_month", "area", "area_level", "product_group", "month", "clients", "inflow", "outflow",
                        "cost_eur")
                .row("R", "region", "begeleiding", "2020-08", 200L, 5L, 5L, new BigDecimal("100000.01"))
                .row("R", "region", "begeleiding", "2020-09", 11L, 5L, 5L, new BigDecimal("1042.00"))
                .row("R", "region", "jo_netwerk", "2020-09", 10L, 5L, 5L, new BigDecimal("0.00"))
                .row("R", "region", "begeleiding", "2020-10", 12L, 5L, 5L, new BigDecimal("980.00"))
                .build();
    }

    static Map<String, Object> compared(long cells) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("earlier_run", "20201101-120000");
        m.put("compared", true);
        m.put("changed_cells", cells);
        return m;
    }

    @Test
    void revisionsAreSummedPerMonthInTheRegionNewestFirst() {
        // 2020-09: cost 1,042 + 0 now, 1,000 before: +4.2%; clients 21 now, 20 before: +5%. 2020-10: -20 on 1,000: -2%.
        assertEquals(List.of("Sinds de vorige run (20201101-120000) zijn 7 cellen van de maand- en jaartabellen veranderd "
                        + "(tables/revisions.csv). Per maand in de regio, alle productgroepen samen:",
                        "2020-10 kosten -2% door late declaraties",
                        "2020-09 kosten +4,2%, cliënten +5% door late declaraties"),
                LateClaims.revisions(compared(7), revisions(), flowMonth(), NL, new Formats(NL.locale())),
                "Dutch: the region's months, the 0.0% of 2020-08 and the other cells left out");
        assertEquals(List.of("Since the last run (20201101-120000) 7 cells of the month and year tables have changed "
                        + "(tables/revisions.csv). Per month in the region, all product groups together:",
                        "2020-10 cost -2% from late claims",
                        "2020-09 cost +4.2%, clients +5% from late claims"),
                LateClaims.revisions(compared(7), revisions(), flowMonth(), EN, new Formats(EN.locale())), "English");
    }

    @Test
    void nothingIsSaidWithoutAnEarlierRunAndLittleWhenNothingChanged() {
        Map<String, Object> none = Map.of("earlier_run", "", "compared", false, "changed_cells", 0);
        assertEquals(List.of(), LateClaims.revisions(none, null, flowMonth(), NL, new Formats(NL.locale())),
                "no earlier run: no lines at all");
        assertEquals(List.of("Since the last run (20201101-120000) no cell of the month and year tables has changed."),
                LateClaims.revisions(compared(0), null, flowMonth(), EN, new Formats(EN.locale())), "compared, unchanged");
        Table elsewhere = revisions().where("area_level", "municipality");
        assertEquals(List.of("Since the last run (20201101-120000) 1 cell of the month and year tables has changed "
                        + "(tables/revisions.csv); the region's monthly cost and clients have not."),
                LateClaims.revisions(compared(1), elsewhere, flowMonth(), EN, new Formats(EN.locale())),
                "changes outside the region's monthly figures only");
    }

    @Test
    void theReportShowsTheRevisionsUnderTheirHeading(@TempDir Path out) throws IOException {
        Map<String, Object> manifest = HtmlReportTest.manifest();
        manifest.put("revisions", compared(7));
        Map<String, Table> tables = new LinkedHashMap<>(HtmlReportTest.tables());
        tables.put("flow_month", flowMonth());
        tables.put("revisions", revisions());
        Report.write(out, tables, manifest, List.of(), Map.of(), Names.NONE, "nl");
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("Wat is veranderd sinds de vorige run"), "the heading");
        assertTrue(html.contains("<li>2020-09 kosten +4,2%, cliënten +5% door late declaraties</li>"), "a line as a bullet");
    }

    /** Without declaration dates the report names where the provisional months' shares came from. */
    @Test
    void theSourceOfAnUndatedProfileIsNamed() {
        Map<String, Object> nowcast = new LinkedHashMap<>();
        nowcast.put("extract_date", "2020-12-31");
        nowcast.put("lines_with_declaration_date", 0L);
        nowcast.put("provisional_months", Map.of("2020-12", 0.01));
        nowcast.put("assumed_profile", List.of(0.3, 0.75));
        Formats f = new Formats(EN.locale());
        assertTrue(LateClaims.provisional(nowcast, EN, f).endsWith("Assumption: the claims carry no declaration dates, so the "
                + "newest months may be incomplete. They are marked provisional from an assumed delay profile: the share of a "
                + "month's claims in by its age in months (the extract's month being age 0) is, at age 0: 30%, 1: 75%, later: "
                + "100%. They are not completed. The parsed-claims cache holds no earlier extract of these files to learn the "
                + "delays from."), "the default, and why");
        nowcast.put("earlier_extracts", Map.of("count", 1, "extract_months", List.of("2020-06"),
                "product_groups_too_few", List.of("crisis")));
        nowcast.put("learned_profile", Map.of("begeleiding", Map.of()));
        String learned = LateClaims.provisional(nowcast, EN, f);
        assertTrue(learned.contains("They are marked provisional from the delays seen in 1 earlier extract of the same files "
                + "in the parsed-claims cache (extract month 2020-06)"), "the earlier extract named: " + learned);
        assertTrue(learned.endsWith("1 product group (crisis) shown at too few ages keeps an assumed delay profile: at age 0: "
                + "30%, 1: 75%, later: 100%."), "and a group left at the default: " + learned);
    }
}
