package nl.voorkant.ingest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import nl.voorkant.ingest.IjwMessages.Kind;

/**
 * The iJw messages of one run's claims folder. Every XML file's first elements tell what it is; the
 * JW301 allocations and JW315 requests (small) are read whole, on the driver, into the referrer of
 * every allocation; a JW323 declaration is then parsed into claim lines whose referrer is its
 * allocation's. A JW323 file's lines so depend on the allocations in other files: {@link #digest}
 * goes into the key of its cache entry, so that a new allocation file parses the declarations again.
 */
final class IjwFiles {
    private final Map<String, IjwMessages.Sniffed> sniffed;
    private final Map<String, String> problems;
    private final Map<String, Integer> products;
    /** municipality|provider|ToewijzingNummer → referrer code. */
    private final Map<String, String> referrers;
    private final String digest;

    private IjwFiles(Map<String, IjwMessages.Sniffed> sniffed, Map<String, String> problems,
                     Map<String, Integer> products, Map<String, String> referrers) {
        this.sniffed = sniffed;
        this.problems = problems;
        this.products = products;
        this.referrers = referrers;
        this.digest = digestOf(referrers);
    }

    /** What one file gave: its claim lines (validated, as {@link ClaimParser} gives them) and its manifest notes. */
    record Parsed(List<ClaimParser.Claim> claims, List<Integer> positions, Map<String, String> notes) {}

    static IjwFiles of(List<ClaimIngest.InputFile> xml) {
        Map<String, IjwMessages.Sniffed> sniffed = new ConcurrentHashMap<>();
        xml.parallelStream().forEach(f -> sniffed.put(f.sha256(), IjwMessages.sniff(f.path())));
        Map<String, String> problems = new ConcurrentHashMap<>();
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        Map<String, List<IjwMessages.Product>> read = new ConcurrentHashMap<>();
        xml.parallelStream().forEach(f -> {
            IjwMessages.Sniffed s = sniffed.get(f.sha256());
            if (s.kind() == null || s.kind() == Kind.JW323) return;
            try {
                List<IjwMessages.Product> p = IjwMessages.products(f.path(), s.kind());
                read.put(f.sha256(), p);
                counts.put(f.sha256(), p.size());
            } catch (IjwMessages.Unreadable e) {
                problems.put(f.sha256(), e.getMessage());
            }
        });
        // Sorted, so that the referrers (and their digest) do not depend on the order files were read in.
        List<IjwMessages.Product> allocations = new ArrayList<>(), requests = new ArrayList<>();
        new TreeMap<>(read).forEach((sha, products) -> {
            (sniffed.get(sha).kind() == Kind.JW301 ? allocations : requests).addAll(products);
        });
        return new IjwFiles(sniffed, problems, counts, referrers(allocations, requests));
    }

    /**
     * The referrer of each allocation: the Verwijzer/Type of the request it answers (same municipality,
     * provider and ReferentieAanbieder), else 01, the municipality's own decision. A later JW301 repeats
     * the client's current allocations with an empty ReferentieAanbieder (iJw IV094): an allocation
     * that answers a request in any of its messages keeps that request's referrer.
     */
    static Map<String, String> referrers(List<IjwMessages.Product> allocations, List<IjwMessages.Product> requests) {
        Map<String, String> requested = new HashMap<>();
        for (IjwMessages.Product r : requests) {
            if (!r.providerReference().isEmpty()) {
                requested.putIfAbsent(key(r.municipality(), r.provider(), r.providerReference()), r.referrer());
            }
        }
        Map<String, String> out = new TreeMap<>();
        for (IjwMessages.Product a : allocations) {
            if (a.allocationNumber().isEmpty()) continue;
            String referrer = a.providerReference().isEmpty() ? null
                    : requested.get(key(a.municipality(), a.provider(), a.providerReference()));
            String allocation = key(a.municipality(), a.provider(), a.allocationNumber());
            if (referrer != null) out.put(allocation, out.getOrDefault(allocation, "01").equals("01") ? referrer : out.get(allocation));
            else out.putIfAbsent(allocation, "01");
        }
        return out;
    }

    private static String key(String municipality, String provider, String number) {
        String m = ClaimParser.normaliseMunicipalityCode(municipality);
        return (m == null ? municipality : m) + "|" + provider + "|" + number;
    }

    private static String digestOf(Map<String, String> referrers) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            referrers.forEach((k, v) -> md.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A digest of every allocation's referrer, for the cache keys of the folder's iJw files. */
    String digest() {
        return digest;
    }

    /** The lines of one file (none unless it is a readable JW323) and what the manifest says of it. */
    Parsed parse(ClaimIngest.InputFile f, ClaimParser parser) {
        IjwMessages.Sniffed s = sniffed.get(f.sha256());
        Map<String, String> notes = new LinkedHashMap<>();
        if (s.kind() == null) return unreadable(notes, s.problem(), 0);
        notes.put("message", s.kind().name());
        notes.put("ijw_version", s.version());
        if (s.kind() != Kind.JW323) {
            String problem = problems.get(f.sha256());
            if (problem != null) return unreadable(notes, problem, 0);
            notes.put("products", Integer.toString(products.getOrDefault(f.sha256(), 0)));
            return new Parsed(List.of(), List.of(), notes);
        }
        IjwMessages.Declaration d;
        try {
            d = IjwMessages.declaration(f.path());
        } catch (IjwMessages.Unreadable e) {
            return unreadable(notes, e.getMessage(), e.lines);
        }
        List<ClaimParser.Claim> claims = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        long withoutReferrer = 0, linesCents = 0;
        for (IjwMessages.Prestatie p : d.lines()) {
            String[] v = values(d, p);
            ClaimParser.Claim c = parser.parse(v, false, true);
            if (c.reason != null) {
                c.detail = c.detail + " (Prestatie " + p.position() + ", ReferentieNummer '"
                        + parser.pseudonymised(reference(p)) + "')";
            } else if (c.referrer == null) {
                withoutReferrer++;
            }
            Long cents = cents(p.get("IngediendBedrag/Bedrag"));
            if (cents != null) linesCents += "C".equalsIgnoreCase(p.get("IngediendBedrag/DebetCredit")) ? -cents : cents;
            claims.add(c);
            positions.add(p.position());
        }
        notes.put("lines", Integer.toString(d.lines().size()));
        notes.put("lines_without_referrer", Long.toString(withoutReferrer));
        notes.putAll(totalCheck(d, linesCents));
        return new Parsed(claims, positions, notes);
    }

    private static Parsed unreadable(Map<String, String> notes, String problem, long lines) {
        notes.put("problem", problem);
        notes.put("unreadable_lines", Long.toString(lines));
        return new Parsed(List.of(), List.of(), notes);
    }

    private static String reference(IjwMessages.Prestatie p) {
        return p.get("ProductReferentie/ReferentieNummer", "ReferentieNummer");
    }

    /** The canonical fields of one Prestatie, with its header's provider and municipality and its allocation's referrer. */
    private String[] values(IjwMessages.Declaration d, IjwMessages.Prestatie p) {
        String[] v = new String[ClaimColumns.CANONICAL.size()];
        String ref = reference(p);
        String allocation = p.get("ToewijzingNummer");
        v[ClaimColumns.CLAIM_ID] = ref.isEmpty() ? "" : d.provider() + ref;
        v[ClaimColumns.CLIENT_ID] = p.bsn();
        v[ClaimColumns.BIRTH_DATE] = "";
        v[ClaimColumns.MUNICIPALITY_CODE] = d.municipality();
        v[ClaimColumns.PRODUCT_CATEGORY] = p.get("ProductCategorie", "Product/Categorie");
        v[ClaimColumns.PRODUCT_CODE] = p.get("ProductCode", "Product/Code");
        v[ClaimColumns.PROVIDER_CODE] = d.provider();
        v[ClaimColumns.REFERRER] = allocation.isEmpty() ? ""
                : referrers.getOrDefault(key(d.municipality(), d.provider(), allocation), "");
        v[ClaimColumns.PERIOD_START] = p.get("ProductPeriode/Begindatum");
        v[ClaimColumns.PERIOD_END] = p.get("ProductPeriode/Einddatum");
        v[ClaimColumns.VOLUME] = p.get("GeleverdVolume");
        v[ClaimColumns.UNIT] = p.get("Eenheid");
        v[ClaimColumns.AMOUNT] = euros(p.get("IngediendBedrag/Bedrag"));
        v[ClaimColumns.DEBIT_CREDIT] = p.get("IngediendBedrag/DebetCredit");
        v[ClaimColumns.DECLARATION_DATE] = d.declarationDate();
        return v;
    }

    /** Eurocents as a whole number, or null. */
    private static Long cents(String s) {
        if (s.isEmpty() || s.length() > 15) return null;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return null;
        return Long.parseLong(s);
    }

    /**
     * Eurocents as the euros the parser reads. Anything but whole cents is kept as written with a
     * mark, so that the line is an {@code invalid_number} and never read as euros.
     */
    private static String euros(String s) {
        Long c = cents(s);
        if (c == null) return s.isEmpty() ? "" : s + " (eurocent)";
        return BigDecimal.valueOf(c, 2).toPlainString();
    }

    /**
     * TotaalIngediendBedrag against the lines: the sum of their amounts, debits minus credits (the
     * total carries its own DebetCredit, C when the credits outweigh the debits).
     */
    private static Map<String, String> totalCheck(IjwMessages.Declaration d, long linesCents) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("total_lines", BigDecimal.valueOf(linesCents, 2).toPlainString());
        Long total = d.totalAmount() == null ? null : cents(d.totalAmount());
        if (d.totalAmount() == null) {
            out.put("total_check", "absent");
            return out;
        }
        if (total == null) {
            out.put("total_check", "unreadable");
            return out;
        }
        long declared = "C".equalsIgnoreCase(d.totalDebitCredit()) ? -total : total;
        out.put("total_declared", BigDecimal.valueOf(declared, 2).toPlainString());
        out.put("total_check", declared == linesCents ? "ok" : "mismatch");
        return out;
    }
}
