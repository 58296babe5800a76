package nl.voorkant.scenario;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Yearly growth as a log-linear fit, ln y = a + b·year: growth rate e^b − 1 with a 95% confidence
 * interval from the t distribution, and a projection with a 95% prediction band (a single future
 * year scatters around the line, so the band is wider than the slope's interval alone).
 */
public final class Trends {
    private Trends() {}

    /**
     * The fit on years counted from {@code firstYear} (centred for precision); lower95/upper95 are null
     * below 3 years, when no interval can be had.
     */
    public record Fit(int firstYear, int lastYear, int years, double growthRate, Double lower95, Double upper95,
                      double r2, double intercept, double slope, double meanX, double sumSquaresX,
                      double residualVariance) {

        /** Projected value and 95% prediction band for a year: {projected, lower, upper}; the band is NaN below 3 years. */
        public double[] project(int year) {
            double x = year - firstYear;
            double fitted = intercept + slope * x;
            double projected = Math.exp(fitted);
            if (years < 3) return new double[] {projected, Double.NaN, Double.NaN};
            double t = new TDistribution(years - 2).inverseCumulativeProbability(0.975);
            double se = Math.sqrt(residualVariance * (1 + 1.0 / years + Math.pow(x - meanX, 2) / sumSquaresX));
            return new double[] {projected, Math.exp(fitted - t * se), Math.exp(fitted + t * se)};
        }
    }

    /** Fits the positive values; null when fewer than 2 distinct years have one. */
    public static Fit fit(int[] years, double[] values) {
        int first = Integer.MAX_VALUE, last = Integer.MIN_VALUE;
        for (int i = 0; i < years.length; i++) {
            if (values[i] > 0) {
                first = Math.min(first, years[i]);
                last = Math.max(last, years[i]);
            }
        }
        SimpleRegression r = new SimpleRegression(true);
        double sumX = 0;
        for (int i = 0; i < years.length; i++) {
            if (values[i] > 0) {
                r.addData(years[i] - first, Math.log(values[i]));
                sumX += years[i] - first;
            }
        }
        int n = (int) r.getN();
        if (n < 2 || first == last) return null;
        double b = r.getSlope();
        Double lower = null, upper = null;
        double mse = 0;
        if (n > 2) {
            mse = r.getMeanSquareError();
            double half = r.getSlopeConfidenceInterval(0.05);
            lower = Math.expm1(b - half);
            upper = Math.expm1(b + half);
        }
        double r2 = r.getTotalSumSquares() == 0 ? 1.0 : r.getRSquare();
        return new Fit(first, last, n, Math.expm1(b), lower, upper, r2, r.getIntercept(), b, sumX / n,
                r.getXSumSquares(), mse);
    }
}
