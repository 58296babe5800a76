package nl.voorkant.sample;

import static nl.voorkant.ingest.ClaimColumns.AMOUNT;
import static nl.voorkant.ingest.ClaimColumns.CLIENT_ID;
import static nl.voorkant.ingest.ClaimColumns.DEBIT_CREDIT;
import static nl.voorkant.ingest.ClaimColumns.MUNICIPALITY_CODE;
import static nl.voorkant.ingest.ClaimColumns.PERIOD_END;
import static nl.voorkant.ingest.ClaimColumns.PERIOD_START;
import static nl.voorkant.ingest.ClaimColumns.PRODUCT_CODE;
import static nl.voorkant.ingest.ClaimColumns.REFERRER;
import static nl.voorkant.ingest.ClaimColumns.VOLUME;
import static nl.voorkant.ingest.ClaimParser.Reason.DUPLICATE_CLAIM_ID;
import static nl.voorkant.ingest.ClaimParser.Reason.INVALID_DATE;
import static nl.voorkant.ingest.ClaimParser.Reason.INVALID_NUMBER;
import static nl.voorkant.ingest.ClaimParser.Reason.MISSING_CLIENT_ID;
import static nl.voorkant.ingest.ClaimParser.Reason.MISSING_MUNICIPALITY;
import static nl.voorkant.ingest.ClaimParser.Reason.MISSING_PRODUCT;
import static nl.voorkant.ingest.ClaimParser.Reason.PERIOD_END_BEFORE_START;
import static nl.voorkant.ingest.ClaimParser.Reason.PERIOD_OUTSIDE_WINDOW;
import static nl.voorkant.ingest.ClaimParser.Reason.UNKNOWN_DEBIT_CREDIT;
import static nl.voorkant.ingest.ClaimParser.Reason.UNKNOWN_MUNICIPALITY;
import static nl.voorkant.ingest.ClaimParser.Reason.UNKNOWN_PRODUCT;
import static nl.voorkant.ingest.ClaimParser.Reason.UNKNOWN_REFERRER;

import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import nl.voorkant.ingest.ClaimParser.Reason;

import nl.voorkant.sample.CellClaims.Line;
import nl.voorkant.sample.Catalogue.Group;
import nl.voorkant.sample.Catalogue.Product;

/**
 * Writes a cell's priced lines to the yearly files, with what real extracts carry besides: a debit
 * claimed wrongly, its credit (a repeat of the debit with C) and the corrected debit; months
 * claimed after the care ended and credited; and, if asked, defective rows of every kind, added
 * beside the good lines so that rejecting them leaves exactly the simulated care.
 */
final class ClaimEmitter {
    static final double CORRECTION_SHARE = 0.015;
    static final double DEFECT_SHARE = 0.01;
    static final String UNKNOWN_MUNICIPALITY_CODE = "GM9999";
    static final String UNKNOWN_PRODUCT_CODE = "H999";
    /**
     * The reasons ingestion rejects the defective rows for, one row each, taken in turn. A row the
     * generator writes always has its claim id and its fields, so malformed_row and missing_claim_id
     * do not occur (adding them would change the order and so every shipped sample file).
     */
    static final List<Reason> DEFECTS = List.of(INVALID_DATE, INVALID_NUMBER, PERIOD_END_BEFORE_START,
            MISSING_CLIENT_ID, MISSING_PRODUCT, MISSING_MUNICIPALITY, UNKNOWN_PRODUCT, UNKNOWN_MUNICIPALITY,
            UNKNOWN_REFERRER, UNKNOWN_DEBIT_CREDIT, DUPLICATE_CLAIM_ID, PERIOD_OUTSIDE_WINDOW);

    private final Map<Integer, ClaimWriter> writers;
    private final int firstYear;
    private final long[] claimCounters;
    private final long[] defectCycle;
    private final boolean withDefects;
    private final Map<Reason, Long> defects = new EnumMap<>(Reason.class);
    private final long[] rowsPerYear;
    private final DeclarationDelays declarations;

    ClaimEmitter(Map<Integer, ClaimWriter> writers, int firstYear, int lastYear, boolean withDefects,
                 DeclarationDelays declarations) {
        this.declarations = declarations;
        this.writers = writers;
        this.firstYear = firstYear;
        this.claimCounters = new long[lastYear - firstYear + 1];
        this.defectCycle = new long[lastYear - firstYear + 1];
        this.rowsPerYear = new long[lastYear - firstYear + 1];
        this.withDefects = withDefects;
        for (Reason r : DEFECTS) {
            defects.put(r, 0L);
        }
    }

    Map<Reason, Long> defects() {
        return defects;
    }

    long[] rowsPerYear() {
        return rowsPerYear;
    }

    void emit(String municipality, Group group, List<Line> lines, SplittableRandom corrections,
              SplittableRandom defectDraws) throws IOException {
        String[] providers = Providers.of(group);
        for (Line l : lines) {
            String provider = providers[l.provider];
            if (l.creditedExtra) {
                write(l, municipality, provider, l.volume, 'D');
                write(l, municipality, provider, l.volume, 'C');
                continue;
            }
            if (corrections.nextDouble() < CORRECTION_SHARE) {
                long wrong = l.volume + Math.max(1, l.volume / 4);
                write(l, municipality, provider, wrong, 'D');
                write(l, municipality, provider, wrong, 'C');
            }
            long claim = write(l, municipality, provider, l.volume, 'D');
            if (withDefects && defectDraws.nextDouble() < DEFECT_SHARE) {
                writeDefect(l, municipality, provider, claim, defectDraws);
            }
        }
    }

    private long write(Line l, String municipality, String provider, long volume, char debitCredit) throws IOException {
        int y = l.year - firstYear;
        long claim = ++claimCounters[y];
        rowsPerYear[y]++;
        Trajectory t = l.trajectory;
        Product p = t.product;
        ClaimWriter w = writers.get(l.year);
        w.number(l.year, 4).number(claim, 9).comma().ascii(t.clientId).comma().date(t.birthDay).comma()
                .ascii(municipality).comma().ascii(p.category()).comma().ascii(p.code()).comma().ascii(provider)
                .comma().ascii(t.referrer).comma().date(l.startDay).comma().date(l.endDay).comma().number(volume, 1)
                .comma().ascii(p.unit()).comma().cents(volume * l.tariffCents).comma();
        w.ascii(debitCredit == 'D' ? "D" : "C");
        declarations.append(w, l, provider);
        w.newline();
        return claim;
    }

    /** A row copied from a good debit with exactly one thing wrong, the reasons taken in turn. */
    private void writeDefect(Line l, String municipality, String provider, long goodClaim, SplittableRandom rng)
            throws IOException {
        int y = l.year - firstYear;
        Reason reason = DEFECTS.get((int) (defectCycle[y]++ % DEFECTS.size()));
        Trajectory t = l.trajectory;
        Product p = t.product;
        LocalDate start = LocalDate.ofEpochDay(l.startDay);
        LocalDate end = LocalDate.ofEpochDay(l.endDay);
        // The written columns, by their canonical index (the claim id, first, is written as a number below).
        String[] f = {"", t.clientId, LocalDate.ofEpochDay(t.birthDay).toString(), municipality, p.category(),
                p.code(), provider, t.referrer, start.toString(), end.toString(), Long.toString(l.volume), p.unit(),
                euros(l.volume * l.tariffCents), "D"};
        boolean either = rng.nextBoolean();
        switch (reason) {
            case INVALID_DATE -> f[either ? PERIOD_START : PERIOD_END] = either ? start.getYear() + "-13-01" : "onbekend";
            case INVALID_NUMBER -> f[either ? VOLUME : AMOUNT] = either ? "n.v.t." : "12O.50";
            case PERIOD_END_BEFORE_START -> f[PERIOD_END] = start.minusDays(1 + rng.nextInt(5)).toString();
            case MISSING_CLIENT_ID -> f[CLIENT_ID] = "";
            case MISSING_PRODUCT -> f[PRODUCT_CODE] = "";
            case MISSING_MUNICIPALITY -> f[MUNICIPALITY_CODE] = "";
            case UNKNOWN_PRODUCT -> f[PRODUCT_CODE] = UNKNOWN_PRODUCT_CODE;
            case UNKNOWN_MUNICIPALITY -> f[MUNICIPALITY_CODE] = UNKNOWN_MUNICIPALITY_CODE;
            case UNKNOWN_REFERRER -> f[REFERRER] = either ? "07" : "99";
            case UNKNOWN_DEBIT_CREDIT -> f[DEBIT_CREDIT] = "X";
            case DUPLICATE_CLAIM_ID -> { }
            case PERIOD_OUTSIDE_WINDOW -> {
                int years = either ? -20 : 30;
                f[PERIOD_START] = start.plusYears(years).toString();
                f[PERIOD_END] = end.plusYears(years).toString();
            }
            default -> throw new IllegalStateException("the generator writes no " + reason.code() + " rows");
        }
        long claim = reason == DUPLICATE_CLAIM_ID ? goodClaim : ++claimCounters[y];
        rowsPerYear[y]++;
        defects.merge(reason, 1L, Long::sum);
        ClaimWriter w = writers.get(l.year);
        w.number(l.year, 4).number(claim, 9);
        for (int i = 1; i < f.length; i++) {
            w.comma().ascii(f[i]);
        }
        declarations.append(w, l, provider);
        w.newline();
    }

    private static String euros(long cents) {
        return cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100;
    }
}
