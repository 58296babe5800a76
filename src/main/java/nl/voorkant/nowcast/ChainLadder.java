package nl.voorkant.nowcast;

/**
 * The chain-ladder of claims incurred but not reported, with Mack's (1993) standard errors, on one
 * cumulative triangle: per origin (care month) the amount (cents, or clients) that had arrived by each
 * delay. From it: the development factors f(k) = Σ C(i,k+1) / Σ C(i,k) over the origins that have both,
 * (the {@code recent} newest of them: delays change over the years, as iJw replaced quarterly bundles
 * by monthly claims, and the newest months should be completed as the newest are claimed), the
 * completeness q(a) at each age a (the share of the final amount in by then: 1 / Π_{k≥a} f(k)),
 * and the standard error of a completion.
 *
 * <p>A step that no origin is old enough for has factor 1: the delays of the triangle's width are all
 * it can tell. A delay column that holds nothing (claims never come in the care month itself) gives completeness 0
 * up to it: such an age cannot be completed from its own amount, only from an expected level (see
 * {@link #mse}, which takes the completed figure, however it was found).
 */
public final class ChainLadder {
    private final int width;
    private final double[] factors;
    /** σ²(k) / f(k)²: the relative variance one development step adds. */
    private final double[] stepVariance;
    /** Σ C(i,k) over the origins f(k) was estimated from. */
    private final double[] columnSums;
    private final double[] completeness;

    /**
     * @param cumulative per origin, oldest first, the cumulative amount at delays 0 … {@code width − 1}
     * @param observed   per origin the last delay observed (later cells are not yet known and ignored)
     * @param recent     how many of the newest origins that have a step estimate it
     */
    public ChainLadder(double[][] cumulative, int[] observed, int width, int recent) {
        this.width = width;
        factors = new double[width - 1];
        double[] sigma2 = new double[width - 1];
        columnSums = new double[width - 1];
        boolean[] estimated = new boolean[width - 1];
        for (int k = 0; k < width - 1; k++) {
            double below = 0, above = 0;
            int n = 0;
            boolean[] used = new boolean[cumulative.length];
            for (int i = cumulative.length - 1; i >= 0 && n < recent; i--) {
                if (observed[i] > k && cumulative[i][k] > 0) {
                    below += cumulative[i][k];
                    above += cumulative[i][k + 1];
                    used[i] = true;
                    n++;
                }
            }
            // No origin old enough: the triangle says nothing of this step, taken as no more to come.
            boolean anyOld = false;
            for (int i = 0; i < cumulative.length && !anyOld; i++) anyOld = observed[i] > k;
            factors[k] = below > 0 ? above / below : anyOld ? Double.NaN : 1;
            columnSums[k] = below;
            if (n >= 2) {
                double ss = 0;
                for (int i = 0; i < cumulative.length; i++) {
                    if (used[i]) {
                        double r = cumulative[i][k + 1] / cumulative[i][k] - factors[k];
                        ss += cumulative[i][k] * r * r;
                    }
                }
                sigma2[k] = ss / (n - 1);
                estimated[k] = true;
            }
        }
        extrapolate(sigma2, estimated);
        stepVariance = new double[width - 1];
        for (int k = 0; k < width - 1; k++) {
            stepVariance[k] = Double.isNaN(factors[k]) ? 0 : sigma2[k] / (factors[k] * factors[k]);
        }
        completeness = new double[width];
        completeness[width - 1] = 1;
        for (int a = width - 2; a >= 0; a--) {
            // No amount at delay a (NaN): nothing had come in by then, so nothing of the final amount.
            completeness[a] = Double.isNaN(factors[a]) ? 0 : completeness[a + 1] / factors[a];
        }
    }

    /**
     * A σ² that one development step cannot estimate (fewer than two origins) takes Mack's rule from
     * the two before it, min(σ²(k−1)² / σ²(k−2), σ²(k−2), σ²(k−1)); with one before it, that one.
     */
    private static void extrapolate(double[] sigma2, boolean[] estimated) {
        for (int k = 0; k < sigma2.length; k++) {
            if (estimated[k]) continue;
            if (k >= 2 && sigma2[k - 2] > 0) {
                sigma2[k] = Math.min(sigma2[k - 1] * sigma2[k - 1] / sigma2[k - 2], Math.min(sigma2[k - 2], sigma2[k - 1]));
            } else if (k >= 1) {
                sigma2[k] = sigma2[k - 1];
            }
        }
    }

    public int width() {
        return width;
    }

    /** f(k), NaN where delay k held nothing. */
    public double factor(int k) {
        return factors[k];
    }

    /** The share of the final amount in by age {@code a} (delays beyond the triangle are complete). */
    public double completeness(int age) {
        return age >= width - 1 ? 1 : completeness[Math.max(age, 0)];
    }

    /**
     * Mack's mean squared error of the completion of an origin at {@code age} whose final amount is
     * {@code ultimate}: U² Σ_{k≥a} σ²(k)/f(k)² (1/Ĉ(k) + 1/S(k)), with Ĉ(k) = U·q(k) the amount expected
     * by delay k and S(k) the amounts f(k) was estimated from. The first term is the process variance
     * of the origin's own claims, the second the error of the factors.
     */
    public double mse(int age, double ultimate) {
        if (ultimate <= 0) return 0;
        double sum = 0;
        for (int k = Math.max(age, 0); k < width - 1; k++) {
            double expected = ultimate * completeness[k];
            if (stepVariance[k] == 0 || expected <= 0) continue;
            sum += stepVariance[k] * (1 / expected + 1 / columnSums[k]);
        }
        return ultimate * ultimate * sum;
    }
}
