package nl.voorkant.ingest;

import static nl.voorkant.ingest.ClaimColumns.*;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns one record of a claims file into a validated claim or a quarantined row with its reason.
 * Pure and per record, so it runs inside one Spark pass over the input and is tested on strings.
 *
 * <p>Checks run in a fixed order and the first failing one names the reason, so a row always has
 * exactly one reason and the counts per reason add up to the rejected rows.
 */
public final class ClaimParser implements Serializable {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        MALFORMED_ROW, MISSING_CLAIM_ID, MISSING_CLIENT_ID, MISSING_MUNICIPALITY, MISSING_PRODUCT,
        INVALID_DATE, INVALID_NUMBER, PERIOD_END_BEFORE_START, PERIOD_OUTSIDE_WINDOW, UNKNOWN_MUNICIPALITY,
        UNKNOWN_PRODUCT, UNKNOWN_REFERRER, UNKNOWN_DEBIT_CREDIT, DUPLICATE_CLAIM_ID;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Referrer codes of the iJw standard; 07 is not used. */
    static final Set<String> REFERRERS = Set.of("01", "02", "03", "04", "05", "06", "08");

    /** The outcome for one record: either {@code reason == null} and the typed fields, or a reason. */
    public static final class Claim {
        public Reason reason;
        public String detail;
        public String claimId;
        public long clientKey;
        public boolean hasClient;
        public Integer birthYear;
        public String municipalityCode;
        public String productCategory;
        public String productCode;
        public String productGroup;
        public String provision;
        public String providerCode;
        public String referrer;
        public int startDay;
        public int endDay;
        public double volume;
        public String unit;
        /** As written, never negative; null when it could not be read. */
        public Long amountCents;
        public String debitCredit;
        /** The day the line was claimed (JW323 DeclaratieDagtekening, an export's declaratiedatum); null when absent. */
        public Integer declarationDay;
        /** The canonical fields as read, client id replaced by its pseudonym; null for accepted rows. */
        public String[] raw;
    }

    private final Map<String, String[]> productGroupAndProvision;
    private final Set<String> municipalityCodes;
    private final int firstDay;
    private final int lastDay;
    private final Pseudonymiser pseudonymiser;

    public ClaimParser(Reference reference, LocalDate windowStart, LocalDate windowEnd, Pseudonymiser pseudonymiser) {
        this.productGroupAndProvision = new HashMap<>();
        for (Reference.Product p : reference.products().values()) {
            productGroupAndProvision.put(p.code(), new String[] {p.group(), p.provision().name(), p.category()});
        }
        this.municipalityCodes = Set.copyOf(reference.municipalities().keySet());
        this.firstDay = (int) windowStart.toEpochDay();
        this.lastDay = (int) windowEnd.toEpochDay();
        this.pseudonymiser = pseudonymiser;
    }

    /** Everything parsing depends on besides the record, for cache keys: products, municipalities, window, key. */
    String settings() {
        StringBuilder s = new StringBuilder();
        new java.util.TreeMap<>(productGroupAndProvision).forEach((code, p) -> s.append(code).append('=')
                .append(String.join("|", p)).append(';'));
        new java.util.TreeSet<>(municipalityCodes).forEach(m -> s.append(m).append(';'));
        return s.append(firstDay).append(':').append(lastDay).append(';').append(pseudonymiser.keyFingerprint()).toString();
    }

    /** How one file spells its records: separator, decimal convention and where each canonical column is. */
    public record FileLayout(char separator, boolean decimalComma, int[] positions, int fieldCount)
            implements Serializable {

        public static FileLayout of(String headerLine, String fileName) {
            String header = stripBom(headerLine);
            char sep = detectSeparator(header);
            List<String> names = splitLine(header, sep);
            if (names == null) throw new InputError(fileName + ": unreadable header line");
            // Exports that separate with ';' are Dutch spreadsheets: decimal comma, '.' groups thousands.
            return new FileLayout(sep, sep == ';', ClaimColumns.resolve(names, fileName), names.size());
        }
    }

    public Claim parse(String line, FileLayout layout) {
        return parse(splitLine(line, layout.separator()), layout);
    }

    /** Validates one record's fields as {@link #splitLine} gives them (null: an unclosed quote). */
    public Claim parse(List<String> fields, FileLayout layout) {
        if (fields == null || fields.size() != layout.fieldCount()) {
            Claim c = new Claim();
            c.reason = Reason.MALFORMED_ROW;
            c.detail = "expected " + layout.fieldCount() + " fields, found "
                    + (fields == null ? "an unclosed quote" : Integer.toString(fields.size()));
            return c;
        }
        String[] v = new String[CANONICAL.size()];
        int[] pos = layout.positions();
        for (int i = 0; i < v.length; i++) v[i] = pos[i] < 0 ? "" : fields.get(pos[i]).strip();
        return parse(v, layout.decimalComma());
    }

    /** Validates the canonical values of one record (already split and trimmed; "" when absent). */
    public Claim parse(String[] v, boolean decimalComma) {
        return parse(v, decimalComma, false);
    }

    /**
     * As {@link #parse(String[], boolean)}; with {@code referrerMayBeAbsent} an empty referrer is
     * accepted as unknown (null): an iJw line whose allocation was not found is a real claim, only its
     * referrer is not known. A referrer that is given but not an iJw code is still {@code unknown_referrer}.
     */
    public Claim parse(String[] v, boolean decimalComma, boolean referrerMayBeAbsent) {
        Claim c = new Claim();
        c.claimId = v[CLAIM_ID];
        c.hasClient = !v[CLIENT_ID].isEmpty();
        if (c.hasClient) c.clientKey = pseudonymiser.pseudonym(v[CLIENT_ID]);
        c.amountCents = parseCents(v[AMOUNT], decimalComma);
        c.municipalityCode = normaliseMunicipalityCode(v[MUNICIPALITY_CODE]);
        c.productCode = normaliseProductCode(v[PRODUCT_CODE]);
        c.providerCode = emptyToNull(v[PROVIDER_CODE]);
        c.unit = emptyToNull(v[UNIT]);
        c.referrer = normaliseReferrer(v[REFERRER]);
        c.debitCredit = normaliseDebitCredit(v[DEBIT_CREDIT]);
        String[] product = productGroupAndProvision.get(c.productCode);
        Integer start = parseEpochDay(v[PERIOD_START]);
        Integer end = parseEpochDay(v[PERIOD_END]);
        Integer birth = v[BIRTH_DATE].isEmpty() ? null : parseEpochDay(v[BIRTH_DATE]);
        Integer declared = v[DECLARATION_DATE].isEmpty() ? null : parseEpochDay(v[DECLARATION_DATE]);
        Double volume = parseDouble(v[VOLUME], decimalComma);
        boolean referrerAbsent = referrerMayBeAbsent && v[REFERRER].isEmpty();

        if (c.claimId.isEmpty()) reject(c, Reason.MISSING_CLAIM_ID, "claim_id empty");
        else if (!c.hasClient) reject(c, Reason.MISSING_CLIENT_ID, "client_id empty");
        else if (v[MUNICIPALITY_CODE].isEmpty()) reject(c, Reason.MISSING_MUNICIPALITY, "municipality_code empty");
        else if (c.productCode.isEmpty()) reject(c, Reason.MISSING_PRODUCT, "product_code empty");
        else if (start == null) reject(c, Reason.INVALID_DATE, "period_start '" + v[PERIOD_START] + "'");
        else if (end == null) reject(c, Reason.INVALID_DATE, "period_end '" + v[PERIOD_END] + "'");
        else if (birth == null && !v[BIRTH_DATE].isEmpty()) {
            reject(c, Reason.INVALID_DATE, "birth_date '" + v[BIRTH_DATE] + "'");
        } else if (declared == null && !v[DECLARATION_DATE].isEmpty()) {
            reject(c, Reason.INVALID_DATE, "declaration_date '" + v[DECLARATION_DATE] + "'");
        } else if (volume == null) reject(c, Reason.INVALID_NUMBER, "volume '" + v[VOLUME] + "'");
        else if (c.amountCents == null) reject(c, Reason.INVALID_NUMBER, "amount '" + v[AMOUNT] + "'");
        else if (end < start) reject(c, Reason.PERIOD_END_BEFORE_START, v[PERIOD_START] + " > " + v[PERIOD_END]);
        else if (start < firstDay || end > lastDay) {
            reject(c, Reason.PERIOD_OUTSIDE_WINDOW, v[PERIOD_START] + " .. " + v[PERIOD_END] + " outside "
                    + LocalDate.ofEpochDay(firstDay) + " .. " + LocalDate.ofEpochDay(lastDay));
        } else if (c.municipalityCode == null || !municipalityCodes.contains(c.municipalityCode)) {
            reject(c, Reason.UNKNOWN_MUNICIPALITY, "municipality_code '" + v[MUNICIPALITY_CODE] + "'");
        } else if (product == null) reject(c, Reason.UNKNOWN_PRODUCT, "product_code '" + v[PRODUCT_CODE] + "'");
        else if (c.referrer == null && !referrerAbsent) reject(c, Reason.UNKNOWN_REFERRER, "referrer '" + v[REFERRER] + "'");
        else if (c.debitCredit == null) {
            reject(c, Reason.UNKNOWN_DEBIT_CREDIT, "debit_credit '" + v[DEBIT_CREDIT] + "'");
        }

        if (c.reason != null) return quarantined(c, v);
        c.startDay = start;
        c.endDay = end;
        c.volume = volume;
        c.declarationDay = declared;
        c.birthYear = birth == null ? null : LocalDate.ofEpochDay(birth).getYear();
        c.productGroup = product[0];
        c.provision = product[1];
        c.productCategory = v[PRODUCT_CATEGORY].isEmpty() ? product[2] : v[PRODUCT_CATEGORY];
        return c;
    }

    /**
     * A rejected row as it may be kept: its fields and detail with the client id and any other
     * BSN-shaped number ({@link Bsns}) replaced by its pseudonym. Its typed text fields are dropped,
     * since nothing reads them and {@code raw} holds the fields.
     */
    private Claim quarantined(Claim c, String[] v) {
        String[] raw = new String[v.length];
        for (int i = 0; i < v.length; i++) raw[i] = pseudonymised(v[i]);
        raw[CLIENT_ID] = c.hasClient ? Pseudonymiser.hex(c.clientKey) : "";
        c.raw = raw;
        c.detail = pseudonymised(c.detail);
        c.claimId = null;
        c.productCode = null;
        c.providerCode = null;
        c.unit = null;
        return c;
    }

    /** {@code text} with the BSN-shaped numbers in it replaced by their pseudonyms. */
    public String pseudonymised(String text) {
        return Bsns.pseudonymised(text, pseudonymiser);
    }

    private static void reject(Claim c, Reason reason, String detail) {
        c.reason = reason;
        c.detail = detail;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    static String normaliseProductCode(String s) {
        return s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
    }

    /** "GM0482", "gm482", "0482" and "482" all mean GM0482; anything else is null. */
    static String normaliseMunicipalityCode(String s) {
        if (s == null) return null;
        if (s.length() == 6 && s.startsWith("GM") && digits(s, 2, 6) >= 0) return s; // as the reference spells it: no new strings
        String t = s.strip().toUpperCase(Locale.ROOT);
        if (t.startsWith("GM")) t = t.substring(2);
        if (t.isEmpty() || t.length() > 4) return null;
        for (int i = 0; i < t.length(); i++) if (t.charAt(i) < '0' || t.charAt(i) > '9') return null;
        return "GM" + "0000".substring(t.length()) + t;
    }

    static String normaliseReferrer(String s) {
        String t = s.length() == 1 ? "0" + s : s;
        return REFERRERS.contains(t) ? t : null;
    }

    static String normaliseDebitCredit(String s) {
        switch (s.toUpperCase(Locale.ROOT)) {
            case "D": case "DEBET": case "DEBIT": return "D";
            case "C": case "CREDIT": return "C";
            default: return null;
        }
    }

    /** ISO (2019-03-01, optionally with a time), iJw (20190301) or Dutch (01-03-2019, 1/3/2019) dates. */
    static Integer parseEpochDay(String s) {
        try {
            int n = s.length();
            if (n >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-' && (n == 10 || s.charAt(10) == ' ' || s.charAt(10) == 'T')) {
                return day(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
            }
            if (n == 8 && digits(s, 0, 8) >= 0) {
                return day(digits(s, 0, 4), digits(s, 4, 6), digits(s, 6, 8));
            }
            int a = s.indexOf('-') > 0 ? s.indexOf('-') : s.indexOf('/');
            if (a > 0) {
                char sep = s.charAt(a);
                int b = s.indexOf(sep, a + 1);
                if (b > a && n - b - 1 == 4) {
                    return day(digits(s, b + 1, n), digits(s, a + 1, b), digits(s, 0, a));
                }
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static Integer day(int y, int m, int d) {
        if (y < 0 || m < 0 || d < 0) return null;
        return (int) LocalDate.of(y, m, d).toEpochDay();
    }

    private static int digits(String s, int from, int to) {
        if (to - from < 1 || to - from > 8) return -1;
        int v = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') return -1;
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    /**
     * A number as exports write it, as plain digits with an optional {@code .} and fraction; null when
     * it is not one. The decimal separator is the file's ({@code ,} in {@code ;} files, else {@code .});
     * the other one groups thousands, but only in well-formed groups of three ({@code 1.234.567,8},
     * {@code 12.345}): {@code 348.90} in a decimal-comma file is no number, not 34,890. In a
     * decimal-point file a lone comma is a decimal comma (a quoted {@code "12,50"}). Signs, exponents
     * ({@code 1e3}) and Java's suffixes ({@code 5d}, {@code 1f}, {@code 0x10}) are not numbers.
     */
    static String normaliseNumber(String s, boolean decimalComma) {
        if (plainNumber(s, decimalComma)) return s; // nearly every number: no copies, no scans for groups
        String t = s.replace("€", "").replace(" ", "").replace("\u00a0", "");
        boolean loneComma = !decimalComma && t.indexOf('.') < 0 && t.indexOf(',') == t.lastIndexOf(',');
        char decimal = decimalComma || loneComma ? ',' : '.';
        char group = decimal == ',' ? '.' : ',';
        int at = t.indexOf(decimal);
        if (at >= 0 && t.indexOf(decimal, at + 1) >= 0) return null;
        String whole = at < 0 ? t : t.substring(0, at);
        String fraction = at < 0 ? "" : t.substring(at + 1);
        if (whole.indexOf(group) >= 0) whole = ungrouped(whole, group);
        if (whole == null || !digitsOnly(whole) || !digitsOnly(fraction) || whole.isEmpty() && fraction.isEmpty()) {
            return null;
        }
        return fraction.isEmpty() ? whole : whole + "." + fraction;
    }

    /** Digits with, in a decimal-point file, at most one {@code .} before a digit: already in the form {@link #normaliseNumber} gives. */
    static boolean plainNumber(String s, boolean decimalComma) {
        int n = s.length();
        if (n == 0 || s.charAt(n - 1) == '.') return false;
        boolean point = decimalComma;
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch == '.' && !point) point = true;
            else if (ch < '0' || ch > '9') return false;
        }
        return true;
    }

    /** {@code 1.234.567} without its group separators; null unless it is 1–3 digits, then groups of exactly 3. */
    private static String ungrouped(String whole, char group) {
        String[] groups = whole.split(java.util.regex.Pattern.quote(String.valueOf(group)), -1);
        if (groups[0].isEmpty() || groups[0].length() > 3) return null;
        for (int i = 1; i < groups.length; i++) if (groups[i].length() != 3) return null;
        return String.join("", groups);
    }

    private static boolean digitsOnly(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    static Double parseDouble(String s, boolean decimalComma) {
        String t = normaliseNumber(s, decimalComma);
        if (t == null) return null;
        double d = Double.parseDouble(t); // plain digits and an optional fraction: no suffix, no exponent
        return Double.isFinite(d) ? d : null;
    }

    /** An amount in whole cents, exactly: at most two (non-zero) decimals and never negative, else null. */
    static Long parseCents(String s, boolean decimalComma) {
        String t = normaliseNumber(s, decimalComma);
        if (t == null) return null;
        int dot = t.indexOf('.');
        String whole = dot < 0 ? t : t.substring(0, dot);
        String frac = dot < 0 ? "" : t.substring(dot + 1);
        while (frac.length() > 2 && frac.endsWith("0")) frac = frac.substring(0, frac.length() - 1);
        if (frac.length() > 2 || whole.length() > 15) return null;
        long cents = 0;
        for (int i = 0; i < whole.length(); i++) cents = cents * 10 + (whole.charAt(i) - '0');
        for (int i = 0; i < 2; i++) cents = cents * 10 + (i < frac.length() ? frac.charAt(i) - '0' : 0);
        return cents;
    }

    static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    /** The separator a header uses: whichever of ';', tab and ',' occurs most. */
    static char detectSeparator(String header) {
        char best = ',';
        int bestCount = count(header, ',');
        for (char c : new char[] {';', '\t'}) {
            int n = count(header, c);
            if (n > bestCount) { best = c; bestCount = n; }
        }
        return best;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }

    /** RFC 4180 fields of one line ("" doubles a quote inside quotes); null for an unclosed quote. */
    public static List<String> splitLine(String line, char sep) {
        return splitLine(line, sep, false);
    }

    /**
     * The fields of a record; null for an unclosed quote. Text between a closing quote and the next
     * separator ({@code "a"b}) joins the field, or, when {@code strict}, makes the record null too.
     */
    static List<String> splitLine(String line, char sep, boolean strict) {
        List<String> out = new ArrayList<>(16);
        int n = line.length();
        int i = 0;
        while (true) {
            if (i < n && line.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) return null;
                    char ch = line.charAt(i);
                    if (ch == '"') {
                        if (i + 1 < n && line.charAt(i + 1) == '"') { sb.append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    sb.append(ch);
                    i++;
                }
                if (strict && i < n && line.charAt(i) != sep) return null;
                while (i < n && line.charAt(i) != sep) sb.append(line.charAt(i++));
                out.add(sb.toString());
            } else {
                int j = line.indexOf(sep, i);
                if (j < 0) j = n;
                out.add(line.substring(i, j));
                i = j;
            }
            if (i >= n) return out;
            i++; // the separator
            if (i == n) { out.add(""); return out; }
        }
    }
}
