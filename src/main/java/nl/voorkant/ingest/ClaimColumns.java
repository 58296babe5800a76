package nl.voorkant.ingest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The canonical claim columns and the names real exports use for them. Regional service
 * organisations export iJw claims with Dutch headers that differ per region and per year, so a
 * header is matched after folding case, accents, spaces and punctuation.
 */
public final class ClaimColumns {
    private ClaimColumns() {}

    public static final int CLAIM_ID = 0, CLIENT_ID = 1, BIRTH_DATE = 2, MUNICIPALITY_CODE = 3,
            PRODUCT_CATEGORY = 4, PRODUCT_CODE = 5, PROVIDER_CODE = 6, REFERRER = 7, PERIOD_START = 8,
            PERIOD_END = 9, VOLUME = 10, UNIT = 11, AMOUNT = 12, DEBIT_CREDIT = 13, DECLARATION_DATE = 14;

    public static final List<String> CANONICAL = List.of("claim_id", "client_id", "birth_date", "municipality_code",
            "product_category", "product_code", "provider_code", "referrer", "period_start", "period_end", "volume",
            "unit", "amount", "debit_credit", "declaration_date");

    /**
     * The columns of {@code rejects.csv}: the canonical ones without {@code declaration_date}, which came
     * later and is kept in the cache, so that the rejects file keeps its layout.
     */
    public static final List<String> REJECT_COLUMNS = CANONICAL.subList(0, DECLARATION_DATE);

    /** Columns a claims file may leave out; everything else is required. */
    static final List<Integer> OPTIONAL = List.of(BIRTH_DATE, PRODUCT_CATEGORY, PROVIDER_CODE, UNIT, DECLARATION_DATE);

    private static final Map<String, Integer> ALIASES = new LinkedHashMap<>();

    private static void alias(int column, String... names) {
        ALIASES.put(fold(CANONICAL.get(column)), column);
        for (String n : names) ALIASES.put(fold(n), column);
    }

    static {
        alias(CLAIM_ID, "declaratie_id", "declaratienummer", "declaratieregel", "regel_id", "referentie",
                "referentie aanbieder", "referentienummer", "id");
        alias(CLIENT_ID, "client", "clientnummer", "cliëntnummer", "client_nummer", "bsn", "burgerservicenummer");
        alias(BIRTH_DATE, "geboortedatum", "geb_datum");
        alias(MUNICIPALITY_CODE, "gemeente", "gemeentecode", "gemeente code", "gemeentenummer", "cbs_code");
        alias(PRODUCT_CATEGORY, "productcategorie", "categorie");
        alias(PRODUCT_CODE, "productcode", "product");
        alias(PROVIDER_CODE, "aanbieder", "agb", "agb-code", "agbcode", "aanbiedercode", "zorgaanbieder");
        alias(REFERRER, "verwijzer", "verwijzercode", "verwijzer code", "verwijzertype");
        alias(PERIOD_START, "begindatum", "startdatum", "ingangsdatum", "begin", "van");
        alias(PERIOD_END, "einddatum", "eind", "tot", "t/m");
        alias(VOLUME, "geleverd volume", "geleverdvolume", "omvang", "aantal");
        alias(UNIT, "eenheid");
        alias(AMOUNT, "bedrag", "totaalbedrag", "declaratiebedrag", "gedeclareerd bedrag");
        alias(DEBIT_CREDIT, "debet/credit", "debet_credit", "debetcredit", "d/c", "dc", "debet credit");
        alias(DECLARATION_DATE, "declaratiedatum", "indieningsdatum", "datum declaratie", "declaratiedagtekening");
    }

    /** Lower case, accents and everything but letters and digits removed: "Cliëntnummer" and "client_nummer" meet. */
    static String fold(String header) {
        String s = Normalizer.normalize(header, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The required columns that no name of {@code header} stands for (a workbook's sheets are tried in turn). */
    static List<String> missing(List<String> header) {
        boolean[] named = new boolean[CANONICAL.size()];
        for (String h : header) {
            Integer column = ALIASES.get(fold(h));
            if (column != null) named[column] = true;
        }
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < named.length; c++) if (!named[c] && !OPTIONAL.contains(c)) missing.add(CANONICAL.get(c));
        return missing;
    }

    /** How many columns are required. */
    static int requiredCount() {
        return CANONICAL.size() - OPTIONAL.size();
    }

    /**
     * For each canonical column, the position of the file's column that holds it, or -1 when an
     * optional column is absent. A file that lacks a required column is an input error naming the
     * column, never the line's values.
     */
    public static int[] resolve(List<String> header, String fileName) {
        int[] positions = new int[CANONICAL.size()];
        Arrays.fill(positions, -1);
        for (int i = 0; i < header.size(); i++) {
            Integer column = ALIASES.get(fold(header.get(i)));
            if (column == null) continue;
            if (positions[column] >= 0) {
                throw new InputError(fileName + ": columns '" + header.get(positions[column]) + "' and '"
                        + header.get(i) + "' both mean " + CANONICAL.get(column));
            }
            positions[column] = i;
        }
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < positions.length; c++) {
            if (positions[c] < 0 && !OPTIONAL.contains(c)) missing.add(CANONICAL.get(c));
        }
        if (!missing.isEmpty()) {
            // The first line is not echoed: in a file without a header it is a claim, BSN included.
            throw new InputError(fileName + ": no column for " + String.join(", ", missing)
                    + " (the first line must be a header naming the columns)");
        }
        return positions;
    }
}
