package nl.voorkant.ingest;

import nl.voorkant.core.StoragePath;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import nl.voorkant.testing.ClaimsBuilder;
import nl.voorkant.testing.DefectFile;
import nl.voorkant.testing.SharedSpark;
import nl.voorkant.testing.TestReference;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flow tests' hand-built claims have the shape ingestion hands to the flow stage: every column, its type, in order. */
class AcceptedClaimsShapeTest {
    @Test
    void handBuiltClaimsHaveEveryAcceptedColumnWithItsType(@TempDir Path dir) throws IOException {
        // One good line: the shape is what is compared, and a defect-free file takes ingestion's short path.
        Files.write(dir.resolve("claims.csv"), DefectFile.LINES.subList(0, 2));
        ClaimParser parser = new ClaimParser(TestReference.small(), LocalDate.of(2015, 1, 1), LocalDate.of(2025, 12, 31),
                ClaimParserTest.KEY);
        try (ParsedCache cache = ParsedCache.temporary(StoragePath.of(dir))) {
            ClaimIngest.Result r = ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(dir.resolve("claims.csv"))),
                    parser, cache);
            assertEquals(shape(r.accepted().schema().fields()), shape(ClaimsBuilder.SCHEMA.fields()),
                    "ClaimsBuilder's columns and types, in order, are those of ingestion's accepted lines");
            assertEquals(ClaimIngest.ACCEPTED_COLUMNS, List.of(ClaimsBuilder.SCHEMA.fieldNames()),
                    "and so the columns ClaimIngest declares");
        }
    }

    /** Name and type per column: nullability is Spark's own business. */
    private static List<String> shape(StructField[] fields) {
        return java.util.Arrays.stream(fields).map(f -> f.name() + ":" + f.dataType().simpleString()).toList();
    }
}
