package nl.voorkant.sample;

/** The kinds of broken row the sample carries, one defect per row, so validation has each to reject. */
public enum DefectKind {
    UNPARSEABLE_DATE,
    UNPARSEABLE_NUMBER,
    END_BEFORE_START,
    MISSING_CLIENT,
    MISSING_PRODUCT,
    MISSING_MUNICIPALITY,
    UNKNOWN_PRODUCT,
    UNKNOWN_MUNICIPALITY,
    UNKNOWN_REFERRER,
    UNKNOWN_DEBIT_CREDIT,
    DUPLICATE_CLAIM_ID,
    PERIOD_OUT_OF_WINDOW
}
