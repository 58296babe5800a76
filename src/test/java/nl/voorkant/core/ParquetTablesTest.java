package nl.voorkant.core;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import nl.voorkant.core.schema.Column;
import nl.voorkant.core.schema.Schema;
import nl.voorkant.core.schema.Type;
import nl.voorkant.testing.SharedSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetTablesTest {
    static final Schema SCHEMA = Schema.of("flow_year", Column.dimension("area", Type.TEXT),
            Column.dimension("year", Type.YEAR), Column.count("clients"), Column.derived("cost_eur", Type.EUROS),
            Column.derived("share", Type.SHARE), Column.derived("note", Type.TEXT), Column.derived("never", Type.DOUBLE));

    @Test
    void aTableReadsBackWithTheTypesItsSchemaDeclares(@TempDir Path dir) throws IOException {
        Table t = SCHEMA.builder()
                .row("GM0482", 2019, 255L, new BigDecimal("1234.50"), 0.1234, null, null)
                .row("GM0523", 2020, null, new BigDecimal("-0.07"), null, "x", null)
                .row("S1", null, 3L, null, 1.0, null, null)
                .build();
        Path file = dir.resolve("tables").resolve("flow_year.parquet");
        ParquetTables.write(t, file);
        ParquetTables.write(t, file); // a second run overwrites

        Dataset<Row> back = SharedSpark.session().read().parquet(file.toString());
        assertEquals(t.columns(), List.of(back.columns()));
        assertEquals(DataTypes.StringType, back.schema().apply("area").dataType());
        assertEquals(DataTypes.IntegerType, back.schema().apply("year").dataType());
        assertEquals(DataTypes.LongType, back.schema().apply("clients").dataType());
        assertEquals(DataTypes.createDecimalType(18, 2), back.schema().apply("cost_eur").dataType());
        assertEquals(DataTypes.DoubleType, back.schema().apply("share").dataType());
        assertEquals(DataTypes.DoubleType, back.schema().apply("never").dataType(),
                "a column with only empty cells keeps its declared type");

        List<Row> rows = back.collectAsList();
        assertEquals(3, rows.size());
        Row first = rows.get(0), second = rows.get(1), third = rows.get(2);
        assertEquals("GM0482", first.getString(0));
        assertEquals(2019, first.getInt(1));
        assertEquals(255L, first.getLong(2));
        assertEquals(new BigDecimal("1234.50"), first.getDecimal(3));
        assertEquals(0.1234, first.getDouble(4));
        assertTrue(first.isNullAt(5));
        assertTrue(second.isNullAt(2));
        assertEquals(new BigDecimal("-0.07"), second.getDecimal(3));
        assertEquals("x", second.getString(5));
        assertTrue(third.isNullAt(1));
        assertTrue(third.isNullAt(3));
    }

    @Test
    void aValueOfAnotherTypeThanDeclaredIsRefusedWhenTheTableIsBuilt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SCHEMA.builder().row("GM0482", 2019, 255, null, null, null, null).build());
        assertEquals("table flow_year, column clients: a Integer where LONG was declared", e.getMessage());
    }

    @Test
    void aTableWithoutSchemaHasNoTypesToWrite(@TempDir Path dir) {
        Table t = Table.builder("quality", "measure", "value").row("rows_read", 3L).build();
        assertThrows(IllegalStateException.class, () -> ParquetTables.write(t, dir.resolve("q.parquet")));
    }
}
