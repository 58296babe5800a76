package nl.voorkant.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import nl.voorkant.core.SeedFigures;

/**
 * The municipalities of a sample: the four of Drechtsteden-Noord, and for {@code --scale} above 1
 * synthetic ones with Dutch-sounding names, grouped five to a subregion and four subregions to a
 * region, so benchmarks can run at national size.
 */
final class Municipalities {
    private Municipalities() {}

    record Municipality(String code, String name, String subregion, String region, int youthPopulation) {}

    static final String REGION = "Zuid-Holland Zuid";
    /** Youth 0-17 around 2018 (CBS, rounded). */
    static final List<Municipality> DRECHTSTEDEN_NOORD = List.of(
            new Municipality(SeedFigures.ALBLASSERDAM, "Alblasserdam", SeedFigures.SUBREGION, REGION, 4_612),
            new Municipality(SeedFigures.HARDINXVELD, "Hardinxveld-Giessendam", SeedFigures.SUBREGION, REGION, 4_401),
            new Municipality(SeedFigures.PAPENDRECHT, "Papendrecht", SeedFigures.SUBREGION, REGION, 6_486),
            new Municipality(SeedFigures.SLIEDRECHT, "Sliedrecht", SeedFigures.SUBREGION, REGION, 5_548));

    /** Synthetic codes start above the highest CBS code in use, so they never name a real municipality. */
    static final int FIRST_SYNTHETIC_CODE = 2001;
    static final int LAST_SYNTHETIC_CODE = 9899;
    static final int PER_SUBREGION = 5;
    static final int SUBREGIONS_PER_REGION = 4;

    private static final String[] STEMS = {"Alden", "Berken", "Bree", "Dorn", "Eem", "Gelder", "Holt", "Ijssel",
            "Kampen", "Linde", "Maas", "Nes", "Over", "Rijn", "Schoon", "Ter", "Veen", "Wester", "Zand", "Brug",
            "Elst", "Hoorn", "Leer", "Mid"};
    private static final String[] SUFFIXES = {"dam", "dijk", "drecht", "broek", "horst", "wijk", "hoven", "veen",
            "burg", "kerk", "mond", "zijl", "loo", "sloot", "haven", "rode"};
    private static final String[] PREFIXES = {"", "Nieuw-", "Oud-", "Groot-", "Hoog-", "Laag-", "Sint-", "Oost-",
            "West-", "Noord-", "Zuid-"};

    /** round(4 × scale) municipalities, at least one; the real four come first. */
    static List<Municipality> forScale(double scale, long seed) {
        int count = Math.max(1, (int) Math.round(4 * scale));
        int synthetic = count - DRECHTSTEDEN_NOORD.size();
        if (synthetic > LAST_SYNTHETIC_CODE - FIRST_SYNTHETIC_CODE + 1) {
            throw new IllegalArgumentException("scale " + scale + " needs more synthetic municipalities than codes GM"
                    + FIRST_SYNTHETIC_CODE + "-GM" + LAST_SYNTHETIC_CODE + " allow");
        }
        List<Municipality> out = new ArrayList<>(DRECHTSTEDEN_NOORD.subList(0, Math.min(count, 4)));
        SplittableRandom rng = new SplittableRandom(seed ^ 0x6d756e69L);
        String subregion = null;
        String region = null;
        for (int i = 0; i < synthetic; i++) {
            String name = syntheticName(i);
            if (i % (PER_SUBREGION * SUBREGIONS_PER_REGION) == 0) {
                region = "Regio " + name;
            }
            if (i % PER_SUBREGION == 0) {
                subregion = name + " e.o.";
            }
            // Log-normal around 5,000 youths: most municipalities are small, a few are cities.
            double youth = 5_000 * StrictMath.exp(0.7 * gaussian(rng));
            int population = (int) Math.max(400, Math.min(160_000, Math.round(youth)));
            out.add(new Municipality(String.format("GM%04d", FIRST_SYNTHETIC_CODE + i), name, subregion, region,
                    population));
        }
        return out;
    }

    static String syntheticName(int index) {
        int combos = STEMS.length * SUFFIXES.length;
        int combo = index % combos;
        // Stride 7 is coprime with the 384 stem-suffix pairs, so neighbours get unrelated names.
        int shuffled = (int) ((combo * 7L + 3) % combos);
        String base = STEMS[shuffled / SUFFIXES.length] + SUFFIXES[shuffled % SUFFIXES.length];
        int round = index / combos;
        String name = PREFIXES[round % PREFIXES.length] + base;
        return round < PREFIXES.length ? name : name + " " + (round / PREFIXES.length + 1);
    }

    static void writeCsv(List<Municipality> municipalities, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("municipality_code,municipality_name,subregion,region,youth_population\n");
        for (Municipality m : municipalities) {
            sb.append(m.code()).append(',').append(Csv.quote(m.name())).append(',').append(Csv.quote(m.subregion()))
                    .append(',').append(Csv.quote(m.region())).append(',').append(m.youthPopulation()).append('\n');
        }
        Csv.writeUtf8(file, sb.toString());
    }

    static double gaussian(SplittableRandom rng) {
        // Box-Muller with StrictMath: the JDK's nextGaussian and Math's intrinsics are not pinned
        // across versions and platforms, and the shipped sample must regenerate byte for byte.
        double u = 1.0 - rng.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * rng.nextDouble());
    }
}
