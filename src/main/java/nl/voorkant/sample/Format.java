package nl.voorkant.sample;

import java.util.Locale;

/** How the generator writes its claims: one file per year in each format. */
public enum Format {
    /** {@code claims_YYYY.csv[.gz]}, canonical columns (the shipped sample). */
    CSV,
    /** {@code claims_YYYY.xlsx}, as an analyst receives an export: see {@link ClaimWorkbook}. */
    XLSX;

    /** The format named {@code csv} or {@code xlsx}. */
    public static Format of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("format must be csv or xlsx, got '" + name + "'");
        }
    }
}
