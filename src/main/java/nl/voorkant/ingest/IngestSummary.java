package nl.voorkant.ingest;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What ingestion read, kept and quarantined. Amounts are whole cents so that read = accepted +
 * rejected holds exactly; an amount that could not be read counts as zero (its row is rejected
 * with reason invalid_number).
 */
public record IngestSummary(long rowsRead, long rowsAccepted, long rowsRejected, long amountReadCents,
                            long amountAcceptedCents, long amountRejectedCents, long amountAcceptedNetCents,
                            Map<String, Long> rejectsByReason) {

    public static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    public boolean reconciles() {
        return rowsRead == rowsAccepted + rowsRejected && amountReadCents == amountAcceptedCents + amountRejectedCents;
    }
}
