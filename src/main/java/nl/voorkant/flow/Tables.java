package nl.voorkant.flow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.voorkant.core.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Aggregated Datasets brought to the driver as {@link Table}s: only ever small, already-aggregated results. */
public final class Tables {
    private Tables() {}

    public static Table collect(String name, Dataset<Row> aggregated) {
        List<String> columns = List.of(aggregated.columns());
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : aggregated.collectAsList()) {
            List<Object> values = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) values.add(plain(r.get(i)));
            rows.add(values);
        }
        return new Table(name, columns, rows);
    }

    private static Object plain(Object v) {
        if (v instanceof scala.math.BigDecimal b) return b.bigDecimal();
        if (v instanceof BigDecimal || v == null || v instanceof String || v instanceof Long || v instanceof Integer
                || v instanceof Double || v instanceof Boolean) {
            return v;
        }
        return v.toString();
    }

    /** A driver-side table back as a Dataset, to write it as Parquet for BI tools; types follow the values. */
    public static Dataset<Row> toDataset(SparkSession spark, Table t) {
        StructType schema = new StructType();
        for (int c = 0; c < t.columns().size(); c++) {
            schema = schema.add(t.columns().get(c), typeOf(t, c));
        }
        List<Row> rows = new ArrayList<>();
        for (List<Object> r : t.rows()) rows.add(RowFactory.create(r.toArray()));
        return spark.createDataFrame(rows, schema);
    }

    private static DataType typeOf(Table t, int column) {
        int scale = 0;
        DataType type = null;
        for (List<Object> r : t.rows()) {
            Object v = r.get(column);
            if (v == null) continue;
            if (v instanceof BigDecimal b) {
                scale = Math.max(scale, b.scale());
                type = DataTypes.createDecimalType(22, scale);
            } else if (type == null) {
                type = v instanceof Long ? DataTypes.LongType : v instanceof Integer ? DataTypes.IntegerType
                        : v instanceof Double ? DataTypes.DoubleType : v instanceof Boolean ? DataTypes.BooleanType
                        : DataTypes.StringType;
            }
        }
        return type == null ? DataTypes.StringType : type;
    }
}
