package nl.voorkant.core;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import nl.voorkant.core.schema.Type;

/**
 * A {@link Table} as one Parquet file, written by the driver like the CSV beside it: no Spark job,
 * and on a cluster no executor that must see the output folder. Column types come from the table's
 * schema: years and small whole numbers as INT32, counts as INT64, euros as DECIMAL(18, 2), fractions
 * as DOUBLE, text and months as UTF-8 strings; an empty cell is null.
 */
public final class ParquetTables {
    private ParquetTables() {}

    public static void write(Table t, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (t.schema() == null) throw new IllegalStateException("table " + t.name() + " has no schema: its column types are unknown");
        int n = t.columns().size();
        Type[] kinds = new Type[n];
        Types.MessageTypeBuilder schema = Types.buildMessage();
        for (int c = 0; c < n; c++) {
            kinds[c] = t.schema().columns().get(c).type();
            String name = t.columns().get(c);
            switch (kinds[c]) {
                case YEAR, INT -> schema.optional(PrimitiveTypeName.INT32).named(name);
                case LONG -> schema.optional(PrimitiveTypeName.INT64).named(name);
                case DOUBLE, SHARE, EURO_FIGURE, FIGURE -> schema.optional(PrimitiveTypeName.DOUBLE).named(name);
                case BOOLEAN -> schema.optional(PrimitiveTypeName.BOOLEAN).named(name);
                case EUROS -> schema.optional(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.decimalType(Type.EURO_SCALE, 18)).named(name);
                case TEXT, MONTH -> schema.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
            }
        }
        MessageType type = schema.named(t.name());
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(type)
                .withCompressionCodec(CompressionCodecName.SNAPPY).withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
            for (List<Object> row : t.rows()) {
                Group g = groups.newGroup();
                for (int c = 0; c < n; c++) {
                    Object v = row.get(c);
                    if (v == null) continue;
                    switch (kinds[c]) {
                        case YEAR, INT -> g.add(c, (Integer) v);
                        case LONG -> g.add(c, (Long) v);
                        case DOUBLE, SHARE, EURO_FIGURE -> g.add(c, (Double) v);
                        case FIGURE -> g.add(c, ((Number) v).doubleValue());
                        case BOOLEAN -> g.add(c, (Boolean) v);
                        case EUROS -> g.add(c, ((BigDecimal) v).setScale(Type.EURO_SCALE, RoundingMode.UNNECESSARY)
                                .unscaledValue().longValueExact());
                        case TEXT, MONTH -> g.add(c, (String) v);
                    }
                }
                w.write(g);
            }
        }
    }
}
