package nl.voorkant.cli;

import nl.voorkant.core.StoragePath;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.voorkant.testing.SharedSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {
    @Test
    void aRejectedLinesFieldsThatStartAFormulaAreWrittenInertAndSignedAmountsStay(@TempDir Path dir) throws IOException {
        StructType schema = new StructType().add("source_file", DataTypes.StringType).add("line", DataTypes.LongType)
                .add("reason", DataTypes.StringType).add("provider_code", DataTypes.StringType)
                .add("amount", DataTypes.StringType);
        List<Row> rows = List.of(
                RowFactory.create("claims.csv", 2L, "unknown_product", "=HYPERLINK(\"http://x\",\"y\")", "-12.50"),
                RowFactory.create("claims.csv", 3L, "invalid_number", "+cmd|' /C calc'!A0", "-1+1"),
                RowFactory.create("claims.csv", 4L, "invalid_number", "\t@SUM(A1)", null));
        OutputFiles.writeRejects(SharedSpark.session().createDataFrame(rows, schema), rows.size(), StoragePath.of(dir));
        assertEquals(List.of("source_file,line,reason,provider_code,amount",
                "claims.csv,2,unknown_product,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-12.50",
                "claims.csv,3,invalid_number,'+cmd|' /C calc'!A0,'-1+1",
                "claims.csv,4,invalid_number,'\t@SUM(A1),"),
                Files.readAllLines(dir.resolve("rejects.csv"), StandardCharsets.UTF_8));
    }

    @Test
    void withoutRejectsTheFileIsTheHeaderSparkWouldWriteForNoRows(@TempDir Path dir) throws IOException {
        StructType schema = new StructType().add("source_file", DataTypes.StringType).add("line", DataTypes.LongType)
                .add("reason", DataTypes.StringType);
        org.apache.spark.sql.Dataset<Row> none = SharedSpark.session().createDataFrame(List.of(), schema);
        OutputFiles.writeRejects(none, 0, StoragePath.of(dir.resolve("direct")));
        // Told there is one, Spark writes the (empty) frame itself: the reference for the direct file.
        OutputFiles.writeRejects(none, 1, StoragePath.of(dir.resolve("spark")));
        byte[] spark = Files.readAllBytes(dir.resolve("spark/rejects.csv"));
        assertEquals("source_file,line,reason\n", new String(spark, StandardCharsets.UTF_8), "Spark's file of no rows: the header");
        assertArrayEquals(spark, Files.readAllBytes(dir.resolve("direct/rejects.csv")), "written without Spark: the same bytes");
    }
}
