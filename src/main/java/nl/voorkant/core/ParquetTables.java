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

/**
 * A {@link Table} as one Parquet file, written by the driver like the CSV beside it: no Spark job,
 * and on a cluster no executor that must see the output folder. Column types follow the values:
 * whole numbers as INT32/INT64, euros as DECIMAL(18, s), fractions as DOUBLE, text as UTF-8 strings;
 * an empty cell is null.
 */
public final class ParquetTables {
    private ParquetTables() {}

    private enum Kind { INT, LONG, DOUBLE, BOOLEAN, DECIMAL, STRING }

    public static void write(Table t, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        int n = t.columns().size();
        Kind[] kinds = new Kind[n];
        int[] scales = new int[n];
        Types.MessageTypeBuilder schema = Types.buildMessage();
        for (int c = 0; c < n; c++) {
            kinds[c] = kindOf(t, c);
            String name = t.columns().get(c);
            switch (kinds[c]) {
                case INT -> schema.optional(PrimitiveTypeName.INT32).named(name);
                case LONG -> schema.optional(PrimitiveTypeName.INT64).named(name);
                case DOUBLE -> schema.optional(PrimitiveTypeName.DOUBLE).named(name);
                case BOOLEAN -> schema.optional(PrimitiveTypeName.BOOLEAN).named(name);
                case DECIMAL -> {
                    scales[c] = scaleOf(t, c);
                    schema.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.decimalType(scales[c], 18)).named(name);
                }
                case STRING -> schema.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
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
                        case INT -> g.add(c, ((Number) v).intValue());
                        case LONG -> g.add(c, ((Number) v).longValue());
                        case DOUBLE -> g.add(c, ((Number) v).doubleValue());
                        case BOOLEAN -> g.add(c, (Boolean) v);
                        case DECIMAL -> g.add(c, (v instanceof BigDecimal b ? b : BigDecimal.valueOf(((Number) v).longValue()))
                                .setScale(scales[c], RoundingMode.UNNECESSARY).unscaledValue().longValueExact());
                        case STRING -> g.add(c, v.toString());
                    }
                }
                w.write(g);
            }
        }
    }

    /** The narrowest kind that holds every value of a column: whole numbers widen to LONG, DOUBLE or DECIMAL; anything else mixed is a string. */
    private static Kind kindOf(Table t, int column) {
        Kind kind = null;
        for (List<Object> r : t.rows()) {
            Object v = r.get(column);
            if (v == null) continue;
            Kind k = v instanceof BigDecimal ? Kind.DECIMAL : v instanceof Integer ? Kind.INT : v instanceof Long ? Kind.LONG
                    : v instanceof Double ? Kind.DOUBLE : v instanceof Boolean ? Kind.BOOLEAN : Kind.STRING;
            kind = kind == null ? k : wider(kind, k);
        }
        return kind == null ? Kind.STRING : kind;
    }

    private static Kind wider(Kind a, Kind b) {
        if (a == b) return a;
        List<Kind> whole = List.of(Kind.INT, Kind.LONG);
        if (whole.contains(a) && whole.contains(b)) return Kind.LONG;
        if (whole.contains(a) || whole.contains(b)) {
            Kind other = whole.contains(a) ? b : a;
            if (other == Kind.DOUBLE || other == Kind.DECIMAL) return other;
        }
        return Kind.STRING;
    }

    private static int scaleOf(Table t, int column) {
        int scale = 0;
        for (List<Object> r : t.rows()) {
            if (r.get(column) instanceof BigDecimal b) scale = Math.max(scale, b.scale());
        }
        return scale;
    }
}
