package nl.voorkant.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import nl.voorkant.core.StoragePath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The product catalogue and municipality list the claims are validated and classified against.
 * Only the named columns are required; every column a later stage uses (shiftability, clients per
 * FTE, hours per decision, display names) is optional with the documented default, so a user's own
 * catalogue with just the required columns works.
 */
public final class Reference implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final double DEFAULT_SHIFTABLE_SHARE = 0.0;
    public static final double DEFAULT_CLIENTS_PER_FTE = 15.0;
    public static final double DEFAULT_HOURS_PER_DECISION = 10.0;

    public enum Provision { MARKET, LOCAL }

    /** iJw's national categories of residential care: 43 with treatment, 44 without. */
    public static final Set<String> RESIDENTIAL_CATEGORIES = Set.of("43", "44");

    /**
     * @param outOfHome whether the product's group is residential care, where a trajectory that starts is an
     *                  out-of-home placement: the same for every product of a group (see {@link #loadProducts})
     */
    public record Product(String code, String name, String group, String groupName, String category,
                          Provision provision, double shiftableShare, double clientsPerFte,
                          double hoursPerDecision, boolean outOfHome) implements Serializable {
        Product withOutOfHome(boolean value) {
            return new Product(code, name, group, groupName, category, provision, shiftableShare, clientsPerFte,
                    hoursPerDecision, value);
        }
    }

    public record Municipality(String code, String name, String subregion, String region,
                               long youthPopulation) implements Serializable {}

    private final Map<String, Product> products;
    private final Map<String, Municipality> municipalities;

    public Reference(Map<String, Product> products, Map<String, Municipality> municipalities) {
        this.products = Collections.unmodifiableMap(new LinkedHashMap<>(products));
        this.municipalities = Collections.unmodifiableMap(new LinkedHashMap<>(municipalities));
    }

    public Map<String, Product> products() { return products; }
    public Map<String, Municipality> municipalities() { return municipalities; }

    public Product product(String code) { return products.get(code); }
    public Municipality municipality(String code) { return municipalities.get(code); }

    /** Distinct product groups in catalogue order, with their display name and provision. */
    public Map<String, Product> groups() {
        Map<String, Product> groups = new LinkedHashMap<>();
        for (Product p : products.values()) groups.putIfAbsent(p.group(), p);
        return groups;
    }

    public static Reference load(Path dir) {
        return load(StoragePath.of(dir));
    }

    /** The reference folder's two files, on local disk or any Hadoop file system. */
    public static Reference load(StoragePath dir) {
        if (!dir.isDirectory()) {
            throw new InputError("reference folder not found: " + dir);
        }
        return new Reference(loadProducts(dir.resolve("products.csv")),
                loadMunicipalities(dir.resolve("municipalities.csv")));
    }

    /**
     * The catalogue's products. A group is out of home as its rows' {@code out_of_home} say (they must agree); where
     * none of its rows says, when every product of it is of a residential category (43 or 44): a group that mixes
     * residential with ambulant products (specialist GGZ with a residential product) is not a placement.
     */
    static Map<String, Product> loadProducts(StoragePath file) {
        Map<String, Product> out = new LinkedHashMap<>();
        Map<String, Boolean> declaredOutOfHome = new LinkedHashMap<>();
        for (Map<String, String> r : readCsv(file, List.of("product_code", "product_name", "product_group",
                "product_category", "provision"))) {
            String code = ClaimParser.normaliseProductCode(r.get("product_code"));
            String where = file.name() + " line " + r.get("#line");
            if (code.isEmpty()) throw new InputError(where + ": empty product_code");
            if (out.containsKey(code)) throw new InputError(where + ": product_code " + code + " appears twice");
            String group = required(r, "product_group", where);
            Provision provision;
            try {
                provision = Provision.valueOf(required(r, "provision", where).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InputError(where + ": provision must be MARKET or LOCAL, got '" + r.get("provision") + "'");
            }
            for (Product other : out.values()) {
                // The local share is counted per group, so a group is either market or local care.
                if (other.group().equals(group) && other.provision() != provision) {
                    throw new InputError(where + ": product group " + group + " is " + other.provision() + " for "
                            + other.code() + " but " + provision + " for " + code);
                }
            }
            String groupName = r.getOrDefault("product_group_name", "");
            Boolean outOfHome = optionalBoolean(r, "out_of_home", where);
            if (outOfHome != null) {
                Boolean before = declaredOutOfHome.putIfAbsent(group, outOfHome);
                if (before != null && !before.equals(outOfHome)) {
                    throw new InputError(where + ": product group " + group + " is out_of_home " + before
                            + " on an earlier line but " + outOfHome + " for " + code);
                }
            }
            out.put(code, new Product(code, r.get("product_name"), group, groupName.isEmpty() ? group : groupName,
                    r.get("product_category"), provision,
                    optionalDouble(r, "shiftable_share", DEFAULT_SHIFTABLE_SHARE, 0, 1, where),
                    optionalDouble(r, "clients_per_fte", DEFAULT_CLIENTS_PER_FTE, 0.1, 1000, where),
                    optionalDouble(r, "hours_per_decision", DEFAULT_HOURS_PER_DECISION, 0, 1000, where), false));
        }
        if (out.isEmpty()) throw new InputError(file + ": no products");
        Map<String, Boolean> residential = new LinkedHashMap<>();
        for (Product p : out.values()) {
            residential.merge(p.group(), RESIDENTIAL_CATEGORIES.contains(p.category()), Boolean::logicalAnd);
        }
        out.replaceAll((code, p) -> p.withOutOfHome(declaredOutOfHome.getOrDefault(p.group(), residential.get(p.group()))));
        return out;
    }

    /** An optional true/false cell; null when the column or the value is absent. */
    private static Boolean optionalBoolean(Map<String, String> r, String column, String where) {
        String v = r.get(column);
        if (v == null || v.isEmpty()) return null;
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InputError(where + ": " + column + " must be true or false, got '" + v + "'");
        };
    }

    static Map<String, Municipality> loadMunicipalities(StoragePath file) {
        Map<String, Municipality> out = new LinkedHashMap<>();
        for (Map<String, String> r : readCsv(file, List.of("municipality_code", "municipality_name", "subregion",
                "region", "youth_population"))) {
            String where = file.name() + " line " + r.get("#line");
            String code = ClaimParser.normaliseMunicipalityCode(r.get("municipality_code"));
            if (code == null) throw new InputError(where + ": municipality_code must look like GM0482, got '"
                    + r.get("municipality_code") + "'");
            if (out.containsKey(code)) throw new InputError(where + ": municipality_code " + code + " appears twice");
            long population;
            try {
                population = Long.parseLong(required(r, "youth_population", where));
            } catch (NumberFormatException e) {
                throw new InputError(where + ": youth_population must be a whole number, got '"
                        + r.get("youth_population") + "'");
            }
            out.put(code, new Municipality(code, required(r, "municipality_name", where),
                    required(r, "subregion", where), required(r, "region", where), population));
        }
        if (out.isEmpty()) throw new InputError(file + ": no municipalities");
        return out;
    }

    private static String required(Map<String, String> r, String column, String where) {
        String v = r.get(column);
        if (v == null || v.isEmpty()) throw new InputError(where + ": empty " + column);
        return v;
    }

    private static double optionalDouble(Map<String, String> r, String column, double dflt, double min, double max,
                                         String where) {
        String v = r.get(column);
        if (v == null || v.isEmpty()) return dflt;
        double d;
        try {
            d = Double.parseDouble(v.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InputError(where + ": " + column + " must be a number, got '" + v + "'");
        }
        if (d < min || d > max) throw new InputError(where + ": " + column + " must lie in [" + min + ", " + max
                + "], got " + v);
        return d;
    }

    /** A small reference CSV (comma or semicolon, optional BOM) as maps keyed by lower-case header. */
    static List<Map<String, String>> readCsv(StoragePath file, List<String> requiredColumns) {
        if (!file.isFile()) throw new InputError("reference file not found: " + file);
        List<Map<String, String>> rows = new ArrayList<>();
        // Decoded as Files.newBufferedReader does: a byte that is not UTF-8 is an error, not a replacement.
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(file.open(),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)))) {
            String headerLine = in.readLine();
            if (headerLine == null) throw new InputError(file + ": empty file");
            headerLine = ClaimParser.stripBom(headerLine);
            char sep = ClaimParser.detectSeparator(headerLine);
            List<String> header = new ArrayList<>();
            for (String h : ClaimParser.splitLine(headerLine, sep)) header.add(h.trim().toLowerCase(Locale.ROOT));
            for (String c : requiredColumns) {
                if (!header.contains(c)) throw new InputError(file + ": missing column " + c + " (has " + header + ")");
            }
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                List<String> fields = ClaimParser.splitLine(line, sep);
                if (fields == null || fields.size() != header.size()) {
                    throw new InputError(file + " line " + lineNo + ": expected " + header.size() + " fields");
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) row.put(header.get(i), fields.get(i).trim());
                row.put("#line", Integer.toString(lineNo));
                rows.add(row);
            }
        } catch (IOException e) {
            throw new InputError("cannot read " + file + ": " + e.getMessage());
        }
        return rows;
    }
}
