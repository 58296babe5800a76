package nl.voorkant.testing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import nl.voorkant.ingest.ClaimIngest;
import nl.voorkant.ingest.Reference;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Accepted claim lines, by hand, in the shape ingestion hands to the flow stage. */
public final class ClaimsBuilder {
    private final Reference reference = TestReference.small();
    private final List<Row> rows = new ArrayList<>();

    /** The accepted lines' columns and types; {@code AcceptedClaimsShapeTest} holds them to what ingestion hands on. */
    public static final StructType SCHEMA = new StructType()
            .add("claim_id", DataTypes.StringType).add("client_key", DataTypes.LongType)
            .add("birth_year", DataTypes.IntegerType).add("municipality_code", DataTypes.StringType)
            .add("product_category", DataTypes.StringType).add("product_code", DataTypes.StringType)
            .add("product_group", DataTypes.StringType).add("provision", DataTypes.StringType)
            .add("provider_code", DataTypes.StringType).add("referrer", DataTypes.StringType)
            .add("start_day", DataTypes.IntegerType).add("end_day", DataTypes.IntegerType)
            .add("volume", DataTypes.DoubleType).add("unit", DataTypes.StringType)
            .add("amount_cents", DataTypes.LongType).add("debit_credit", DataTypes.StringType)
            .add("declaration_day", DataTypes.IntegerType);

    public ClaimsBuilder line(long client, String municipality, String product, String start, String end, double volume,
                              long amountCents, String debitCredit, String referrer) {
        Reference.Product p = reference.product(product);
        rows.add(RowFactory.create("c" + rows.size(), client, null, municipality, p.category(), product, p.group(),
                p.provision().name(), "P" + product, referrer, (int) LocalDate.parse(start).toEpochDay(),
                (int) LocalDate.parse(end).toEpochDay(), volume, "04", amountCents, debitCredit, null));
        return this;
    }

    /** A debit of one whole calendar month, e.g. month(7, "GM0482", "H300", "2019-03", 10000, "01"). */
    public ClaimsBuilder month(long client, String municipality, String product, String yearMonth, long amountCents,
                               String referrer) {
        YearMonth m = YearMonth.parse(yearMonth);
        return line(client, municipality, product, m.atDay(1).toString(), m.atEndOfMonth().toString(), 4,
                amountCents, "D", referrer);
    }

    public Dataset<Row> build() {
        // Every column, in order: a flow stage that reads a column these lines lack would otherwise fail far from here.
        if (!List.of(SCHEMA.fieldNames()).equals(ClaimIngest.ACCEPTED_COLUMNS)) {
            throw new IllegalStateException("ClaimsBuilder has columns " + List.of(SCHEMA.fieldNames())
                    + ", ingestion accepts " + ClaimIngest.ACCEPTED_COLUMNS);
        }
        return SharedSpark.session().createDataFrame(rows, SCHEMA);
    }
}
