package nl.voorkant.core;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.schema.Type;
import org.junit.jupiter.api.Test;

class TableTest {
    static final Column AREA = Column.dimension("area", Type.TEXT);
    static final Column YEAR = Column.dimension("year", Type.YEAR);
    static final Column COST = Column.modelled("cost_eur", Type.EUROS);
    static final Schema SCHEMA = Schema.of("t", AREA, YEAR, COST);

    /**
     * Row r: area "A" + r % 7 (every 11th row without one), year 2016 + r % 5, cost r euros; its basis names
     * row r, so that a selection shows which rows' bases came along.
     */
    static Table table(int rows) {
        List<List<Object>> values = new ArrayList<>();
        List<List<CellRef>> bases = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            values.add(Arrays.asList(r % 11 == 0 ? null : "A" + r % 7, 2016 + r % 5, BigDecimal.valueOf(r)));
            bases.add(List.of(new CellRef("flow_year", Map.of("row", (long) r), "cost_eur")));
        }
        return new Table("t", SCHEMA, values, bases);
    }

    @Test
    void aLookupByValueGivesTheRowsAndBasesOfTheScanInTheirOrder() {
        Table t = table(Table.INDEXED_FROM_ROWS * 3);
        List<Object> probes = new ArrayList<>(Arrays.asList("A0", "A3", "A6", null, "A7", "", 2016, 2020, 2021, 2016L));
        for (Object v : probes) {
            String column = v instanceof Integer || v instanceof Long ? "year" : "area";
            Table scanned = t.where(column, x -> Objects.equals(x, v));
            Table looked = t.where(column, v);
            assertEquals(scanned.rows(), looked.rows(), column + " = " + v + ": the same rows in the same order");
            assertEquals(scanned.bases(), looked.bases(), column + " = " + v + ": each with its own basis");
            assertEquals(scanned.schema(), looked.schema());
        }
        assertEquals(0, t.where("year", 2016L).size(), "a Long is not the Integer year, as Objects.equals has it");
        assertEquals(273, t.where("area", (Object) null).size(), "rows 0, 11, …, 2992 have no area");
        assertEquals(600, t.where("year", 2018).size());
    }

    @Test
    void chainedLookupsOnASelectionAnswerFromTheSelectionOnly() {
        Table t = table(Table.INDEXED_FROM_ROWS * 2);
        Table a3in2018 = t.where(AREA, "A3").where(YEAR, 2018);
        // r % 7 == 3 and r % 5 == 2 (and r % 11 != 0): r ≡ 17 (mod 35): 17, 52, …; 2000 rows hold 57 of them, less
        // those divisible by 11 (187, 572, 957, 1342, 1727).
        assertEquals(52, a3in2018.size());
        for (List<Object> row : a3in2018.rows()) {
            assertEquals(17, ((BigDecimal) row.get(2)).intValue() % 35, "row " + row);
        }
        assertEquals(a3in2018.rows(), t.where(YEAR, 2018).where(AREA, "A3").rows(), "either order");
    }

    @Test
    void aSmallTableIsScannedWithTheSameAnswer() {
        Table t = table(Table.INDEXED_FROM_ROWS - 1);
        assertEquals(t.where("area", x -> Objects.equals(x, "A1")).rows(), t.where("area", "A1").rows());
    }
}
