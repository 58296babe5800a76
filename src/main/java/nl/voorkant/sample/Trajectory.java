package nl.voorkant.sample;

import nl.voorkant.sample.Catalogue.Product;

/**
 * One client's continuous care in one product group: months {@code start..end} (month indexes),
 * active in each except an optional one-month {@code gap} (no claim that month, still one trajectory
 * under max_gap = 1). Days narrow the first and last month.
 */
final class Trajectory {
    String clientId;
    int birthDay;
    int start;
    int end;
    int gap = -1;
    int startDay;
    int endDay;
    Product product;
    String referrer;
    int provider;
    /** From this month on the client is with {@code provider2}; beyond {@code end} when there is no switch. */
    int switchMonth = Integer.MAX_VALUE;
    int provider2;
    double intensity = 1;
    /** A month after the end was claimed by mistake and credited in full. */
    boolean creditedExtraMonth;

    boolean activeIn(int month) {
        return month >= start && month <= end && month != gap;
    }

    /** Active months within [from, to]. */
    int activeMonths(int from, int to) {
        int lo = Math.max(from, start);
        int hi = Math.min(to, end);
        if (hi < lo) {
            return 0;
        }
        return hi - lo + 1 - (gap >= lo && gap <= hi ? 1 : 0);
    }

    int providerIn(int month) {
        return month >= switchMonth ? provider2 : provider;
    }
}
