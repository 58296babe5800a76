package nl.voorkant.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample's product catalogue: product groups with their care pattern (duration, growth, who
 * refers, ages, number of providers) and regional products with national category, unit and the
 * 2018 tariff. It is the source of {@code products.csv}, so the reference file and the claims the
 * generator writes cannot disagree.
 */
final class Catalogue {
    private Catalogue() {}

    static final String UNIT_MINUTE = "01";
    static final String UNIT_HOUR = "04";
    static final String UNIT_DAY = "14";
    static final String UNIT_DAY_PART = "16";

    /**
     * A product group. {@code meanDurationMonths} is the mean trajectory length before calibration,
     * {@code growth} the yearly growth of inflow, referrers with their weights the usual referral mix.
     */
    record Group(String id, String name, double meanDurationMonths, double growth, String[] referrers,
                 double[] referrerWeights, int minAge, int maxAge, int providers, double shiftableShare,
                 int clientsPerFte, boolean local) {}

    /** A regional product; {@code share} is its part of the group's trajectories. */
    record Product(String code, String name, Group group, String category, String unit, long tariffCents2018,
                   double share) {
        /** Day-priced products claim every calendar day, so their volume is fixed and the tariff carries the calibration. */
        boolean volumeIsDays() { return UNIT_DAY.equals(unit); }
    }

    static final Group BEGELEIDING = group("begeleiding", "Begeleiding (l)vb", 8, 1.08,
            "01 .62 02 .18 03 .08 05 .12", 4, 17, 12, 0.8, 15);
    static final Group JO_NETWERK = group("jo_netwerk", "J&O in netwerk jeugdige", 14, 1.06,
            "01 .55 02 .20 03 .10 04 .10 05 .05", 0, 17, 9, 0.8, 12);
    static final Group BASIS_GGZ = group("basis_ggz", "Basis GGZ", 5, 1.05,
            "02 .70 01 .20 03 .05 05 .05", 6, 17, 10, 0.9, 20);
    static final Group SPECIALISTISCHE_GGZ = group("specialistische_ggz", "Specialistische GGZ", 8, 1.07,
            "02 .55 05 .20 01 .20 03 .05", 4, 17, 18, 0.3, 10);
    static final Group DAGBESTEDING = group("dagbesteding", "Dagbesteding", 14, 1.05,
            "01 .60 05 .25 02 .15", 4, 17, 6, 0.5, 8);
    static final Group VOOGDIJ = group("voogdij", "Voogdij", 30, 1.02, "08 .85 04 .15", 0, 17, 4, 0.2, 15);
    static final Group VOOGDIJ_LVB = group("voogdij_lvb", "Voogdij (l)vb/(l)vg", 30, 1.03, "08 .85 04 .15",
            0, 17, 4, 0, 12);
    static final Group VERBLIJF = group("verblijf", "Verblijf", 14, 1.03, "01 .40 04 .35 08 .15 05 .10",
            0, 17, 8, 0, 5);
    static final Group CRISIS = group("crisis", "Crisis", 2, 1.04, "06 .50 01 .30 04 .20", 0, 17, 3, 0, 6);
    static final Group JEUGDBESCHERMING = group("jeugdbescherming", "Jeugdbescherming en jeugdreclassering",
            13, 1.03, "08 .90 04 .10", 0, 17, 4, 0, 15);
    static final Group LOKAAL_TEAM = new Group("lokaal_team", "Lokaal team (CJG)", 5, 1.10,
            new String[] {"01"}, new double[] {1}, 0, 17, 1, 0, 18, true);

    /** Market groups first: the local team is sized from the market's client-months. */
    static final List<Group> GROUPS = List.of(BEGELEIDING, JO_NETWERK, BASIS_GGZ, SPECIALISTISCHE_GGZ,
            DAGBESTEDING, VOOGDIJ, VOOGDIJ_LVB, VERBLIJF, CRISIS, JEUGDBESCHERMING, LOKAAL_TEAM);

    static final List<Product> PRODUCTS = List.of(
            new Product("H300", "Begeleiding individueel", BEGELEIDING, "45", UNIT_HOUR, 6_050, 0.65),
            new Product("H153", "Begeleiding individueel extra", BEGELEIDING, "45", UNIT_HOUR, 7_120, 0.25),
            new Product("H150", "Begeleiding groep", BEGELEIDING, "45", UNIT_DAY_PART, 4_380, 0.10),
            new Product("JH-2A", "Jeugd- en opvoedhulp in het netwerk jeugdige", JO_NETWERK, "45", UNIT_HOUR, 7_640, 0.85),
            new Product("JH-2B", "Jeugd- en opvoedhulp in het netwerk, intensief", JO_NETWERK, "45", UNIT_HOUR, 8_460, 0.15),
            new Product("54001", "Generalistische basis GGZ kort", BASIS_GGZ, "54", UNIT_MINUTE, 152, 0.40),
            new Product("54002", "Generalistische basis GGZ middel", BASIS_GGZ, "54", UNIT_MINUTE, 152, 0.40),
            new Product("54003", "Generalistische basis GGZ intensief", BASIS_GGZ, "54", UNIT_MINUTE, 152, 0.20),
            new Product("SG101", "Specialistische GGZ ambulant", SPECIALISTISCHE_GGZ, "55", UNIT_MINUTE, 198, 0.70),
            new Product("SG102", "Specialistische GGZ ambulant intensief", SPECIALISTISCHE_GGZ, "55", UNIT_MINUTE, 212, 0.15),
            new Product("SG201", "Specialistische GGZ dagbehandeling", SPECIALISTISCHE_GGZ, "41", UNIT_DAY_PART, 14_500, 0.10),
            new Product("SG301", "Specialistische GGZ met verblijf", SPECIALISTISCHE_GGZ, "43", UNIT_DAY, 32_000, 0.05),
            new Product("H531", "Dagbesteding jeugd", DAGBESTEDING, "41", UNIT_DAY_PART, 4_520, 0.75),
            new Product("H533", "Dagbesteding jeugd intensief", DAGBESTEDING, "41", UNIT_DAY_PART, 6_180, 0.25),
            new Product("VGD01", "Voogdij", VOOGDIJ, "48", UNIT_DAY, 1_880, 1.0),
            new Product("VGD02", "Voogdij (l)vb en (l)vg", VOOGDIJ_LVB, "48", UNIT_DAY, 2_050, 1.0),
            new Product("VB-PL", "Pleegzorg", VERBLIJF, "44", UNIT_DAY, 3_450, 0.55),
            new Product("VB-GH", "Gezinshuis", VERBLIJF, "44", UNIT_DAY, 12_800, 0.15),
            new Product("VB-RB", "Residentieel verblijf met behandeling", VERBLIJF, "43", UNIT_DAY, 24_500, 0.30),
            new Product("CR01", "Crisisopvang", CRISIS, "46", UNIT_DAY, 21_000, 0.6),
            new Product("CR02", "Ambulante crisishulp", CRISIS, "46", UNIT_HOUR, 9_800, 0.4),
            new Product("JB01", "Ondertoezichtstelling", JEUGDBESCHERMING, "48", UNIT_DAY, 1_720, 0.8),
            new Product("JR01", "Jeugdreclassering", JEUGDBESCHERMING, "47", UNIT_DAY, 1_540, 0.2),
            new Product("LT01", "Jeugdhulp door het lokale team", LOKAAL_TEAM, "31", UNIT_HOUR, 6_500, 1.0));

    static List<Product> productsOf(Group group) {
        List<Product> out = new ArrayList<>();
        for (Product p : PRODUCTS) {
            if (p.group() == group) {
                out.add(p);
            }
        }
        return out;
    }

    /** The residential group is marked out of home; specialist GGZ has a residential product but is not a placement. */
    static void writeProductsCsv(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("product_code,product_name,product_group,product_category,provision,"
                + "product_group_name,shiftable_share,clients_per_fte,hours_per_decision,out_of_home\n");
        for (Product p : PRODUCTS) {
            Group g = p.group();
            sb.append(p.code()).append(',').append(Csv.quote(p.name())).append(',').append(g.id()).append(',')
                    .append(p.category()).append(',').append(g.local() ? "LOCAL" : "MARKET").append(',')
                    .append(Csv.quote(g.name())).append(',').append(g.shiftableShare()).append(',')
                    .append(g.clientsPerFte()).append(",10,").append(g == VERBLIJF).append('\n');
        }
        Csv.writeUtf8(file, sb.toString());
    }

    /** Parses a referral mix written as "code weight code weight ...". */
    private static Group group(String id, String name, double duration, double growth, String mix, int minAge,
                               int maxAge, int providers, double shiftable, int clientsPerFte) {
        String[] parts = mix.split(" ");
        String[] codes = new String[parts.length / 2];
        double[] weights = new double[parts.length / 2];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = parts[2 * i];
            weights[i] = Double.parseDouble(parts[2 * i + 1]);
        }
        return new Group(id, name, duration, growth, codes, weights, minAge, maxAge, providers, shiftable,
                clientsPerFte, false);
    }
}
