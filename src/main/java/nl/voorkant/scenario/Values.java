package nl.voorkant.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How scenario figures go into tables: euros with 2 decimals, other figures rounded to what they can claim. */
final class Values {
    private Values() {}

    static BigDecimal eur(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) return null;
        BigDecimal b = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
        return b.signum() == 0 ? BigDecimal.ZERO.setScale(2) : b;
    }

    static BigDecimal eur(Double value) {
        return value == null ? null : eur(value.doubleValue());
    }

    static Double round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) return null;
        double r = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
        return r == 0 ? 0.0 : r;
    }
}
