package nl.voorkant.core;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
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
        try (ParquetWriter<List<Object>> w = new Builder(new LocalOutputFile(file), new RowSupport(type, kinds))
                .withCompressionCodec(CompressionCodecName.SNAPPY).withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
            for (List<Object> row : t.rows()) w.write(row);
        }
    }

    private static final class Builder extends ParquetWriter.Builder<List<Object>, Builder> {
        private final RowSupport support;

        Builder(OutputFile file, RowSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<List<Object>> getWriteSupport(Configuration conf) {
            return support;
        }
    }

    /**
     * A table row straight to Parquet's record consumer, an empty cell as a missing field. Parquet's example
     * writer made a {@code Group} of every row first: at a national extract the tables stage took 4.6 s with it
     * and 3.8 s without (BENCHMARKS.md).
     */
    private static final class RowSupport extends WriteSupport<List<Object>> {
        private final MessageType type;
        private final Type[] kinds;
        private RecordConsumer out;

        RowSupport(MessageType type, Type[] kinds) {
            this.type = type;
            this.kinds = kinds;
        }

        @Override
        public WriteContext init(Configuration conf) {
            return new WriteContext(type, Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer consumer) {
            out = consumer;
        }

        @Override
        public void write(List<Object> row) {
            out.startMessage();
            for (int c = 0; c < kinds.length; c++) {
                Object v = row.get(c);
                if (v == null) continue;
                String name = type.getFieldName(c);
                out.startField(name, c);
                switch (kinds[c]) {
                    case YEAR, INT -> out.addInteger((Integer) v);
                    case LONG -> out.addLong((Long) v);
                    case DOUBLE, SHARE, EURO_FIGURE -> out.addDouble((Double) v);
                    case FIGURE -> out.addDouble(((Number) v).doubleValue());
                    case BOOLEAN -> out.addBoolean((Boolean) v);
                    case EUROS -> out.addLong(((BigDecimal) v).setScale(Type.EURO_SCALE, RoundingMode.UNNECESSARY)
                            .unscaledValue().longValueExact());
                    case TEXT, MONTH -> out.addBinary(Binary.fromString((String) v));
                }
                out.endField(name, c);
            }
            out.endMessage();
        }
    }
}
