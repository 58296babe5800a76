package nl.voorkant.flow.tables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import nl.voorkant.core.schema.Type;

/** How the flow tables write their figures. */
public final class Figures {
    private Figures() {}

    public static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, Type.EURO_SCALE);
    }

    /** Half-up on the decimal form, as Spark's round(): 2.675 → 2.68, not the binary 2.67. */
    public static Double round(Double x, int decimals) {
        if (x == null || x.isNaN() || x.isInfinite()) return x;
        return BigDecimal.valueOf(x).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
