package nl.voorkant.sample;

import java.util.Locale;

/** How {@code generate} writes the claims. */
public enum Format {
    /** Canonical CSV, one file per year (the shipped sample). */
    CSV,
    /** iJw 3.2 messages: JW323 declarations with the JW315 requests and JW301 allocations of their referrers. */
    IJW;

    public static Format of(String name) {
        for (Format f : values()) if (f.name().toLowerCase(Locale.ROOT).equals(name)) return f;
        throw new IllegalArgumentException("format must be csv or ijw, got '" + name + "'");
    }
}
