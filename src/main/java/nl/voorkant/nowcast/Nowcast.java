package nl.voorkant.nowcast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.voorkant.core.Table;
import nl.voorkant.flow.tables.Dimensions;
import nl.voorkant.flow.tables.FlowMonth;
import nl.voorkant.ingest.ClaimIngest;
import nl.voorkant.ingest.InputError;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The nowcast stage, between the flow tables and the scenarios: how complete each recent month is at
 * the extract date, and what it will be once its late claims are in ({@link NowcastTables}). It reads
 * the accepted claims once more only where some are dated, for their delay triangles
 * ({@link DelayTriangle.Read}), and otherwise works on the flow tables and the ingest's counts alone.
 */
public final class Nowcast {
    private Nowcast() {}

    /** The flow tables with their nowcast columns, and what the manifest says about them. */
    public record Result(Map<String, Table> tables, Map<String, Object> summary) {}

    static final String ASSUMPTION = "the claims carry no declaration dates: the newest months may be incomplete; they are "
            + "marked provisional from an assumed delay profile (share of a month's claims in by its age in months: "
            + "0: 30%, 1: 75%, 2: 90%, 3: 95%, 4: 97%, 5: 98%, 6: 99%, later: 100%), not completed";

    /** {@code --extract-date} as a date, or null when not given. */
    public static LocalDate extractDate(String option) {
        if (option == null) return null;
        try {
            return LocalDate.parse(option.strip());
        } catch (DateTimeParseException e) {
            throw new InputError("--extract-date must be a date as yyyy-MM-dd");
        }
    }

    /**
     * @param claims      the accepted claims (ClaimIngest's columns)
     * @param extractDate {@code --extract-date}, or null: the latest declaration date, else the end of the last care month
     * @param earlier     the parsed-claims cache with this run's files, whose earlier extracts teach claims without
     *                    declaration dates their delays (and which keeps this extract for later runs); null: none
     * @param dates       the claims' declaration dates as the ingest counted them; null: read from the claims
     */
    public static Result complete(Dataset<Row> claims, ClaimIngest.DeclarationDates dates, LocalDate extractDate,
                                  Map<String, Table> flowTables, EarlierExtracts.Store earlier) {
        Table month = flowTables.get(FlowMonth.SCHEMA.name());
        if (month == null || month.size() == 0) return new Result(flowTables, Map.of());
        try (DelayTriangle.Read read = DelayTriangle.Read.of(claims, dates)) {
            return complete(read, extractDate, month, flowTables, earlier);
        }
    }

    private static Result complete(DelayTriangle.Read read, LocalDate extractDate, Table month, Map<String, Table> flowTables,
                                   EarlierExtracts.Store earlier) {
        ClaimIngest.DeclarationDates dates = read.dates();
        if (extractDate != null && dates.latest() != null && dates.latest().isAfter(extractDate)) {
            throw new InputError("analyse: --extract-date is before the latest declaration date in the claims");
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        LocalDate extract;
        if (extractDate != null) {
            extract = extractDate;
            summary.put("extract_date_source", "--extract-date");
        } else if (dates.latest() != null) {
            extract = dates.latest();
            summary.put("extract_date_source", "latest declaration date");
        } else {
            extract = lastMonth(month).atEndOfMonth();
            summary.put("extract_date_source", "end of the last care month (no declaration dates)");
        }
        summary.put("extract_date", extract.toString());
        summary.put("lines_with_declaration_date", dates.dated());
        summary.put("lines_without_declaration_date", dates.undated());
        DelayPatterns patterns;
        if (dates.dated() == 0) {
            patterns = undated(YearMonth.from(extract), earlier, summary);
        } else {
            summary.put("profile_source", "declaration dates");
            patterns = DelayPatterns.of(read.triangles(extract));
            summary.put("method", "chain-ladder per product group (Mack's standard errors, 90% interval); "
                    + "Bornhuetter-Ferguson below " + Math.round(NowcastTables.OWN_CLAIMS_FROM * 100) + "% complete");
        }
        Map<String, Table> tables = NowcastTables.complete(flowTables, patterns);
        summary.put("provisional_months", provisionalMonths(tables.get(FlowMonth.SCHEMA.name())));
        return new Result(tables, summary);
    }

    /**
     * Claims without declaration dates: the profile learned from the earlier extracts in the cache, or
     * the assumed one, with what the manifest says of it in {@code summary}.
     */
    private static DelayPatterns undated(YearMonth extractMonth, EarlierExtracts.Store earlier, Map<String, Object> summary) {
        EarlierExtracts.Learned learned = earlier == null ? null : EarlierExtracts.learnAndKeep(earlier, extractMonth);
        boolean fromEarlier = learned != null && !learned.groups().isEmpty();
        summary.put("method", fromEarlier ? "delay profile learned from earlier extracts" : "assumed delay profile");
        summary.put("profile_source", fromEarlier ? PROFILE_FROM_EARLIER : "default assumption");
        summary.put("assumption", fromEarlier ? LEARNED : ASSUMPTION + (learned == null ? NO_EARLIER : TOO_FEW));
        if (learned != null) summary.put("earlier_extracts", earlierExtracts(learned));
        if (fromEarlier) summary.put("learned_profile", learnedProfile(learned));
        summary.put("assumed_profile", DelayPatterns.assumedProfile());
        return fromEarlier ? DelayPatterns.learned(extractMonth, learned.groups()) : DelayPatterns.assumed(extractMonth);
    }

    static final String PROFILE_FROM_EARLIER = "earlier extracts in the parsed-claims cache";
    static final String NO_EARLIER = "; the parsed-claims cache holds no earlier extract of these files to learn the delays from";
    static final String TOO_FEW = "; the earlier extracts of these files in the parsed-claims cache show too few ages of "
            + "any product group to learn the delays from";
    static final String LEARNED = "the claims carry no declaration dates: the newest months may be incomplete; they are "
            + "marked provisional from the delays seen in earlier extracts of the same files in the parsed-claims cache "
            + "(per product group, the share of a month's claims in by its age in months, as those extracts held it "
            + "against this one: learned_profile), not completed; a product group they show too little of keeps the "
            + "assumed profile (assumed_profile)";

    /** How many earlier extracts were compared, of which months, and which files. */
    private static Map<String, Object> earlierExtracts(EarlierExtracts.Learned learned) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", learned.from().size());
        out.put("extract_months", learned.from().stream().map(YearMonth::toString).toList());
        out.put("files", List.copyOf(learned.files()));
        out.put("product_groups_learned", List.copyOf(learned.groups().keySet()));
        out.put("product_groups_too_few", List.copyOf(learned.tooFew()));
        return out;
    }

    /** Per learned group the cost and clients completeness by age from 0, up to the first age at which both are complete. */
    private static Map<String, Object> learnedProfile(EarlierExtracts.Learned learned) {
        Map<String, Object> out = new TreeMap<>();
        learned.groups().forEach((g, q) -> {
            int ages = 0;
            while (ages < q[0].length && Math.min(q[EarlierExtracts.COST][ages], q[EarlierExtracts.CLIENTS][ages]) < 1) ages++;
            Map<String, Object> profile = new LinkedHashMap<>();
            for (String measure : List.of("cost", "clients")) {
                double[] by = q[measure.equals("cost") ? EarlierExtracts.COST : EarlierExtracts.CLIENTS];
                profile.put(measure, java.util.Arrays.stream(by, 0, ages)
                        .mapToObj(v -> java.math.BigDecimal.valueOf(v).setScale(4, java.math.RoundingMode.HALF_UP).doubleValue())
                        .toList());
            }
            out.put(g, profile);
        });
        return out;
    }

    private static YearMonth lastMonth(Table month) {
        YearMonth last = null;
        for (int r = 0; r < month.size(); r++) {
            YearMonth m = YearMonth.parse((String) month.value(r, Dimensions.MONTH));
            if (last == null || m.isAfter(last)) last = m;
        }
        return last;
    }

    /** Per provisional month the lowest cost completeness of its product groups. */
    static Map<String, Object> provisionalMonths(Table month) {
        Map<String, Object> out = new TreeMap<>();
        for (int r = 0; r < month.size(); r++) {
            if (!Boolean.TRUE.equals(month.value(r, FlowMonth.PROVISIONAL))) continue;
            Object share = month.value(r, FlowMonth.COMPLETENESS);
            out.merge((String) month.value(r, Dimensions.MONTH), share == null ? 1.0 : share,
                    (a, b) -> Math.min(((Number) a).doubleValue(), ((Number) b).doubleValue()));
        }
        return out;
    }

    /** What {@link EarlierRun} found, for the manifest. */
    public static Map<String, Object> revisionsSummary(EarlierRun.Found found, Table revisions) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("earlier_run", found.folder() == null ? null : found.folder().getFileName().toString());
        out.put("compared", found.notCompared() == null);
        if (found.notCompared() != null) out.put("not_compared", found.notCompared());
        out.put("changed_cells", revisions == null ? 0 : revisions.size());
        return out;
    }

    /** The published tables with {@code revisions} against the earlier run, when there is one to compare. */
    public static Map<String, Table> withRevisions(Map<String, Table> published, EarlierRun.Found found) {
        if (found.notCompared() != null) return published;
        Map<String, Table> out = new LinkedHashMap<>(published);
        Table revisions = EarlierRun.revisions(found.tables(), published);
        out.put(revisions.name(), revisions);
        return out;
    }
}
