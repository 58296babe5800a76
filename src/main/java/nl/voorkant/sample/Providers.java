package nl.voorkant.sample;

import java.util.HashMap;
import java.util.Map;

import nl.voorkant.sample.Catalogue.Group;

/**
 * Providers as 8-digit AGB codes. Guardianship and child protection share the region's four
 * certified institutions; the local team is one foundation for every municipality.
 */
final class Providers {
    private Providers() {}

    private static final Map<String, String[]> CODES = new HashMap<>();

    /** The group's provider codes, most used first. */
    static synchronized String[] of(Group group) {
        return CODES.computeIfAbsent(group.id(), id -> codes(group));
    }

    private static String[] codes(Group group) {
        String pool = switch (group.id()) {
            case "voogdij", "voogdij_lvb", "jeugdbescherming" -> "gecertificeerde_instelling";
            default -> group.id();
        };
        int poolNumber = Math.floorMod(pool.hashCode(), 90) + 10;
        String[] out = new String[group.providers()];
        for (int i = 0; i < out.length; i++) {
            // 73 is the AGB prefix range of youth-care providers; the rest spreads the codes out.
            out[i] = "73" + poolNumber + String.format("%04d", (i * 7_919 + poolNumber * 31) % 10_000);
        }
        return out;
    }
}
