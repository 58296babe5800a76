package nl.voorkant.report;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import nl.voorkant.core.Table;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

/** The staircase of the local share on the hand-built run of {@link KeyFindingsTest}: today, 30% reached, 75% out of reach. */
class StaircaseChartTest {
    static final Texts EN = new Texts("en");
    static final double EPS = 1e-9;

    static DefaultCategoryDataset staircase(Map<String, Table> tables, KeyFindings.Share today) {
        return ChartData.staircase(tables.get("targets_summary"), tables.get("targets"), today,
                cell -> KeyFindingsTest.OUT_OF_REACH_BINDING.equals(cell) ? 0.454 : null, KeyFindingsTest.NAMES, EN);
    }

    @Test
    void theStepsRunFromTodayThroughEachTargetWithTheGroupsThatMove() throws Exception {
        DefaultCategoryDataset data = staircase(KeyFindingsTest.tables(), new KeyFindings.Share("R", 2020, 0.123, 0.05));
        assertEquals(List.of("Today (2020)", "30%\n+ Begeleiding (75%)", "75%\nout of reach: at most 45.4%"), data.getColumnKeys(),
                "today first, then the targets lowest first, each labelled with the groups its plan moves");
        assertEquals(0.123, data.getValue(0, 0).doubleValue(), EPS, "today's local share");
        assertEquals(0.3, data.getValue(0, 1).doubleValue(), EPS, "30% is reached");
        assertNull(data.getValue(1, 1), "nothing of 30% stays out of reach");
        assertEquals(0.454, data.getValue(0, 2).doubleValue(), EPS, "75% reaches at most 45.4%");
        assertEquals(0.75 - 0.454, data.getValue(1, 2).doubleValue(), EPS, "the rest of 75% is out of reach");
        byte[] png = Charts.staircase("t", "y", data, List.of(KeyFindings.START, KeyFindings.FIRST_STEP), KeyFindings.GOAL_LOW,
                KeyFindings.GOAL_HIGH, EN);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(Charts.WIDTH, image.getWidth(), "slide-sized");
        assertEquals(Charts.HEIGHT, image.getHeight(), "slide-sized");
    }

    @Test
    void aSuppressedShareIsNoBarAndAnUnknownCeilingLeavesTheWholeTargetOutOfReach() {
        Map<String, Table> tables = new java.util.LinkedHashMap<>(KeyFindingsTest.tables());
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : tables.get("targets_summary").rows()) {
            List<Object> r = new ArrayList<>(row);
            r.set(2, null);
            // A binding constraint without a known message: no ceiling.
            r.set(3, "unknown");
            rows.add(r);
        }
        tables.put("targets_summary", tables.get("targets_summary").withRows(rows));
        DefaultCategoryDataset data = staircase(tables, new KeyFindings.Share("R", 2020, null, null));
        assertNull(data.getValue(0, 0), "today's suppressed share is no bar");
        assertNull(data.getValue(0, 1), "a suppressed achieved share is no bar, not the target");
        assertEquals("75%\nout of reach", data.getColumnKeys().get(2));
        assertNull(data.getValue(0, 2), "no ceiling is known");
        assertEquals(0.75, data.getValue(1, 2).doubleValue(), EPS, "the whole target is out of reach");
    }

    @Test
    void withoutTargetsThereIsNoStaircase() {
        assertEquals(List.of(), KeyFindings.staircase(Map.of(), Map.of(), Names.NONE, EN));
        List<Block> blocks = KeyFindings.staircase(KeyFindingsTest.tables(), KeyFindingsTest.TEXTS, KeyFindingsTest.NAMES, EN);
        assertEquals(KeyFindings.STAIRCASE, ((Block.Chart) blocks.get(0)).file(), "the chart, then how to read it");
        assertTrue(blocks.get(1) instanceof Block.Paragraph);
    }
}
