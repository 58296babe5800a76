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

/** Driver-side {@link Table}s as Spark Datasets, for writing them with Spark (Parquet). */
public final class Tables {
    private Tables() {}

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
