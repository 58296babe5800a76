package nl.voorkant.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A plain-Java reading of DOMAIN.md's definitions over canonical claims, independent of the
 * generator's own bookkeeping: validation with a reason per rejected row, month activity spread by
 * days with credits subtracting, trajectories with max_gap 1 and edge censoring, and the yearly
 * figures the seeds give. Slow and simple on purpose; it measures the sample, not the pipeline.
 */
final class ClaimsMetrics {
    static final Set<String> REFERRERS = Set.of("01", "02", "03", "04", "05", "06", "08");
    static final LocalDate WINDOW_FROM = LocalDate.of(2010, 1, 1);
    static final LocalDate WINDOW_TO = LocalDate.of(2030, 12, 31);

    /** Yearly figures of one area and product group. */
    static final class YearFigures {
        final Set<String> clients = new HashSet<>();
        final int[] monthlyClients = new int[12];
        int inflow;
        int localInflow;
        int outflow;
        double cost;

        double avgMonthlyClients() {
            int sum = 0;
            for (int c : monthlyClients) {
                sum += c;
            }
            return sum / 12.0;
        }

        double localReferralShare() {
            return inflow == 0 ? Double.NaN : (double) localInflow / inflow;
        }
    }

    final Map<String, Long> rejects = new TreeMap<>();
    long rowsRead;
    /** Key area|group|year, area a municipality code or a subregion name. */
    final Map<String, YearFigures> figures = new HashMap<>();
    final Map<Integer, long[]> localAndTotalClientMonths = new TreeMap<>();

    private final Map<String, String[]> products = new HashMap<>();
    private final Map<String, String> subregions = new HashMap<>();

    static ClaimsMetrics of(Path claimsDir, Path referenceDir) throws IOException {
        ClaimsMetrics m = new ClaimsMetrics();
        m.readReference(referenceDir);
        m.compute(claimsDir);
        return m;
    }

    YearFigures get(String area, String group, int year) {
        return figures.get(area + "|" + group + "|" + year);
    }

    private void readReference(Path dir) throws IOException {
        for (Map<String, String> r : readCsv(dir.resolve("products.csv"))) {
            products.put(r.get("product_code"), new String[] {r.get("product_group"), r.get("provision")});
        }
        for (Map<String, String> r : readCsv(dir.resolve("municipalities.csv"))) {
            subregions.put(r.get("municipality_code"), r.get("subregion"));
        }
    }

    private void compute(Path claimsDir) throws IOException {
        // client|municipality|group|month -> net volume, net amount, earliest debit start, its referrer
        Map<String, double[]> activity = new HashMap<>();
        Map<String, String> firstReferrer = new HashMap<>();
        Set<String> claimIds = new HashSet<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(claimsDir)) {
            files = s.filter(p -> p.getFileName().toString().matches("claims_\\d{4}\\.csv(\\.gz)?")).sorted().toList();
        }
        for (Path file : files) {
            for (Map<String, String> r : readCsv(file)) {
                rowsRead++;
                String reason = reject(r, claimIds);
                if (reason != null) {
                    rejects.merge(reason, 1L, Long::sum);
                    continue;
                }
                LocalDate start = LocalDate.parse(r.get("period_start"));
                LocalDate end = LocalDate.parse(r.get("period_end"));
                double sign = "C".equals(r.get("debit_credit")) ? -1 : 1;
                double volume = Double.parseDouble(r.get("volume"));
                double amount = Double.parseDouble(r.get("amount"));
                String group = products.get(r.get("product_code"))[0];
                double totalDays = end.toEpochDay() - start.toEpochDay() + 1;
                for (LocalDate m = start.withDayOfMonth(1); !m.isAfter(end); m = m.plusMonths(1)) {
                    LocalDate from = m.isBefore(start) ? start : m;
                    LocalDate monthEnd = m.plusMonths(1).minusDays(1);
                    LocalDate to = monthEnd.isAfter(end) ? end : monthEnd;
                    double part = (to.toEpochDay() - from.toEpochDay() + 1) / totalDays;
                    String key = r.get("client_id") + "|" + r.get("municipality_code") + "|" + group + "|"
                            + (m.getYear() * 12 + m.getMonthValue() - 1);
                    double[] a = activity.computeIfAbsent(key, k -> new double[] {0, 0, Double.MAX_VALUE});
                    a[0] += sign * part * volume;
                    a[1] += sign * part * amount;
                    if (sign > 0 && start.toEpochDay() < a[2]) {
                        a[2] = start.toEpochDay();
                        firstReferrer.put(key, r.get("referrer"));
                    }
                }
            }
        }
        Map<String, TreeMap<Integer, double[]>> byCell = new HashMap<>();
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (Map.Entry<String, double[]> e : activity.entrySet()) {
            int cut = e.getKey().lastIndexOf('|');
            int month = Integer.parseInt(e.getKey().substring(cut + 1));
            byCell.computeIfAbsent(e.getKey().substring(0, cut), k -> new TreeMap<>()).put(month, e.getValue());
            if (e.getValue()[0] > 1e-9) {
                lo = Math.min(lo, month);
                hi = Math.max(hi, month);
            }
        }
        for (Map.Entry<String, TreeMap<Integer, double[]>> cell : byCell.entrySet()) {
            String[] k = cell.getKey().split("\\|");
            String client = k[0];
            String municipality = k[1];
            String group = k[2];
            boolean local = isLocal(group);
            List<String> areas = List.of(municipality, subregions.get(municipality));
            int chainStart = -1;
            int previous = -10;
            for (Map.Entry<Integer, double[]> e : cell.getValue().entrySet()) {
                int month = e.getKey();
                for (String area : areas) {
                    year(area, group, month / 12).cost += e.getValue()[1];
                }
                if (e.getValue()[0] <= 1e-9) {
                    continue;
                }
                long[] lt = localAndTotalClientMonths.computeIfAbsent(month / 12, y -> new long[2]);
                lt[1]++;
                if (local) {
                    lt[0]++;
                }
                for (String area : areas) {
                    YearFigures f = year(area, group, month / 12);
                    f.clients.add(client);
                    f.monthlyClients[month % 12]++;
                }
                if (month - previous > 2) {
                    if (chainStart >= 0) {
                        closeChain(areas, group, previous, hi);
                    }
                    chainStart = month;
                    if (month > lo + 1) {
                        String referrer = firstReferrer.get(cell.getKey() + "|" + month);
                        for (String area : areas) {
                            YearFigures f = year(area, group, month / 12);
                            f.inflow++;
                            if ("01".equals(referrer)) {
                                f.localInflow++;
                            }
                        }
                    }
                }
                previous = month;
            }
            if (chainStart >= 0) {
                closeChain(areas, group, previous, hi);
            }
        }
    }

    private void closeChain(List<String> areas, String group, int last, int hi) {
        if (last < hi - 1) {
            for (String area : areas) {
                year(area, group, last / 12).outflow++;
            }
        }
    }

    private boolean isLocal(String group) {
        for (String[] p : products.values()) {
            if (p[0].equals(group)) {
                return "LOCAL".equals(p[1]);
            }
        }
        return false;
    }

    private YearFigures year(String area, String group, int year) {
        return figures.computeIfAbsent(area + "|" + group + "|" + year, k -> new YearFigures());
    }

    private String reject(Map<String, String> r, Set<String> claimIds) {
        if (blank(r.get("client_id"))) {
            return "missing_client";
        }
        if (blank(r.get("product_code"))) {
            return "missing_product";
        }
        if (blank(r.get("municipality_code"))) {
            return "missing_municipality";
        }
        LocalDate start;
        LocalDate end;
        try {
            start = LocalDate.parse(r.get("period_start"));
            end = LocalDate.parse(r.get("period_end"));
        } catch (DateTimeParseException | NullPointerException e) {
            return "unparseable_date";
        }
        try {
            Double.parseDouble(r.get("volume"));
            Double.parseDouble(r.get("amount"));
        } catch (NumberFormatException | NullPointerException e) {
            return "unparseable_number";
        }
        if (end.isBefore(start)) {
            return "end_before_start";
        }
        if (start.isBefore(WINDOW_FROM) || end.isAfter(WINDOW_TO)) {
            return "period_out_of_window";
        }
        if (!products.containsKey(r.get("product_code"))) {
            return "unknown_product";
        }
        if (!subregions.containsKey(r.get("municipality_code"))) {
            return "unknown_municipality";
        }
        if (!REFERRERS.contains(r.get("referrer"))) {
            return "unknown_referrer";
        }
        if (!"D".equals(r.get("debit_credit")) && !"C".equals(r.get("debit_credit"))) {
            return "unknown_debit_credit";
        }
        if (!claimIds.add(r.get("claim_id"))) {
            return "duplicate_claim_id";
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Reads a small CSV with a header; handles the quoted names of the reference files. */
    static List<Map<String, String>> readCsv(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            List<String> header = split(reader.readLine());
            String line;
            while ((line = reader.readLine()) != null) {
                List<String> values = split(line);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < values.size() ? values.get(i) : null);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
