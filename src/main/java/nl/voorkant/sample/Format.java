package nl.voorkant.sample;

import java.util.Locale;

/** How the generator writes its claims: one file per year in each format. */
public enum Format {
    /** {@code claims_YYYY.csv[.gz]}, canonical columns (the shipped sample). */
    CSV,
    /** {@code claims_YYYY.xlsx}, as an analyst receives an export: see {@link ClaimWorkbook}. */
    XLSX,
    /**
     * iJw 3.2 messages: JW323 declarations (one per provider, municipality and month) with the JW315
     * requests and JW301 allocations that give each line its referrer: see {@link IjwWriter}.
     */
    IJW;

    /** The format named {@code csv}, {@code xlsx} or {@code ijw}. */
    public static Format of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("format must be csv, xlsx or ijw, got '" + name + "'");
        }
    }
}
