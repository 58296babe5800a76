package nl.voorkant.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import nl.voorkant.sample.Catalogue.Product;
import nl.voorkant.sample.Targets.YearTarget;

/**
 * Turns trajectories into priced claim lines: one per client, product, provider and month, except
 * that older exports bundle two or three months into one line. Lines never cross a year boundary,
 * so each year's cost can be set to its target by one volume (or, for day products, tariff) factor.
 */
final class CellClaims {
    private CellClaims() {}

    /** Yearly tariff indexation and, for years without a cost target, growth of the price per client-month. */
    static final double TARIFF_INDEX = 1.02;
    static final double PRICE_INDEX = 1.025;

    static final class Line {
        final Trajectory trajectory;
        final int year;
        final int startDay;
        final int endDay;
        final int provider;
        final double weight;
        /** A month claimed after the trajectory ended, credited in full: no care, no activity. */
        final boolean creditedExtra;
        long volume;
        long tariffCents;

        Line(Trajectory trajectory, int month, int startDay, int endDay, int provider, boolean creditedExtra) {
            this.trajectory = trajectory;
            this.year = Months.year(month);
            this.startDay = startDay;
            this.endDay = endDay;
            this.provider = provider;
            this.creditedExtra = creditedExtra;
            int days = endDay - startDay + 1;
            this.weight = trajectory.product.volumeIsDays() ? days : days * trajectory.intensity;
        }

        long amountCents() {
            return volume * tariffCents;
        }
    }

    /** Share of lines that bundle two or three months, by year: iJw (2019 on) claims per month. */
    static double bundledShare(int year) {
        return year <= 2017 ? 0.35 : year == 2018 ? 0.10 : 0;
    }

    static List<Line> build(List<Trajectory> trajectories, int firstMonth, int lastMonth, SplittableRandom rng) {
        List<Line> lines = new ArrayList<>();
        for (Trajectory t : trajectories) {
            int last = Math.min(t.end, lastMonth);
            int m = Math.max(t.start, firstMonth);
            while (m <= last) {
                if (m == t.gap) {
                    m++;
                    continue;
                }
                int size = rng.nextDouble() < bundledShare(Months.year(m)) ? 2 + rng.nextInt(2) : 1;
                int to = m;
                while (to + 1 <= last && to + 1 - m < size && to + 1 != t.gap && Months.year(to + 1) == Months.year(m)
                        && t.providerIn(to + 1) == t.providerIn(m)) {
                    to++;
                }
                lines.add(new Line(t, m, Math.max(Months.firstDay(m), t.startDay), Math.min(Months.lastDay(to), t.endDay),
                        t.providerIn(m), false));
                m = to + 1;
            }
            int extra = t.end + 1;
            if (t.creditedExtraMonth && extra >= firstMonth && extra <= lastMonth) {
                lines.add(new Line(t, extra, Months.firstDay(extra), Months.lastDay(extra), t.providerIn(t.end), true));
            }
        }
        return lines;
    }

    /**
     * The cost of each year in cents: the target where there is one, otherwise the price per
     * client-month of the nearest earlier target year (or the first one), indexed, times the year's
     * client-months.
     */
    static Map<Integer, Long> yearCosts(List<Trajectory> trajectories, Map<Integer, YearTarget> targets,
                                        int firstYear, int lastYear) {
        TreeMap<Integer, Double> price = new TreeMap<>();
        for (Map.Entry<Integer, YearTarget> e : targets.entrySet()) {
            if (e.getValue().costCents() != null) {
                int months = CellSimulator.clientMonths(trajectories, e.getKey());
                price.put(e.getKey(), (double) e.getValue().costCents() / Math.max(1, months));
            }
        }
        Map<Integer, Long> out = new HashMap<>();
        for (int y = firstYear; y <= lastYear; y++) {
            YearTarget t = targets.get(y);
            if (t != null && t.costCents() != null) {
                out.put(y, t.costCents());
                continue;
            }
            Map.Entry<Integer, Double> ref = price.floorEntry(y) != null ? price.floorEntry(y) : price.firstEntry();
            out.put(y, Math.round(ref.getValue() * StrictMath.pow(PRICE_INDEX, y - ref.getKey())
                    * CellSimulator.clientMonths(trajectories, y)));
        }
        return out;
    }

    static long baseTariff(Product p, int year) {
        return Math.round(p.tariffCents2018() * StrictMath.pow(TARIFF_INDEX, year - 2018));
    }

    /**
     * Sets volumes and tariffs so that each year's lines cost exactly its target (to within one
     * unit's tariff): day products keep a volume of one per day and take a scaled tariff, the others
     * keep the indexed tariff and take a scaled volume.
     */
    static void price(List<Line> lines, Map<Integer, Long> yearCosts) {
        Map<Integer, double[]> baseCost = new HashMap<>();
        for (Line l : lines) {
            if (!l.creditedExtra) {
                baseCost.computeIfAbsent(l.year, y -> new double[1])[0] += baseTariff(l.trajectory.product, l.year) * l.weight;
            }
        }
        Map<Integer, Long> residual = new HashMap<>();
        for (Line l : lines) {
            double[] base = baseCost.get(l.year);
            double factor = base == null ? 1 : yearCosts.getOrDefault(l.year, 0L) / base[0];
            long tariff = baseTariff(l.trajectory.product, l.year);
            if (l.trajectory.product.volumeIsDays()) {
                l.volume = Math.round(l.weight);
                l.tariffCents = Math.max(1, Math.round(tariff * factor));
            } else {
                l.volume = Math.max(1, Math.round(l.weight * factor));
                l.tariffCents = tariff;
            }
            if (!l.creditedExtra) {
                residual.merge(l.year, l.amountCents(), Long::sum);
            }
        }
        for (Map.Entry<Integer, Long> e : residual.entrySet()) {
            e.setValue(yearCosts.getOrDefault(e.getKey(), 0L) - e.getValue());
        }
        // Rounding leaves each year a little off; walk its volume lines one unit at a time.
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Line l : lines) {
                if (l.creditedExtra || l.trajectory.product.volumeIsDays()) {
                    continue;
                }
                long left = residual.get(l.year);
                // Strictly closer each step, or two lines could trade the same unit for ever.
                if (2 * left > l.tariffCents) {
                    l.volume++;
                    residual.put(l.year, left - l.tariffCents);
                    moved = true;
                } else if (-2 * left > l.tariffCents && l.volume > 1) {
                    l.volume--;
                    residual.put(l.year, left + l.tariffCents);
                    moved = true;
                }
            }
        }
    }
}
