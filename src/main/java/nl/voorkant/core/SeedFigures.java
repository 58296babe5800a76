package nl.voorkant.core;

import java.util.List;

/**
 * The user's own figures from the seed documents (memo "jeugdhulp naar de voorkant" and the
 * Alblasserdam implementation plan). The sample is calibrated against them, the calibration test
 * asserts them and the report prints them beside the computed figures.
 */
public final class SeedFigures {
    private SeedFigures() {}

    /** One cell of the memo's 2018 Drechtsteden-Noord table: unique children and invoiced cost. */
    public record MemoCell(String municipalityCode, String productGroup, int uniqueChildren, long costEur) {}

    /** Alblasserdam 2019 monthly averages from the implementation plan. */
    public record PlanBaseline(String municipalityCode, String productGroup, int year, double avgMonthlyClients,
                               double monthlyCostEur, double localReferralShare, double monthlyInflow,
                               boolean inflowIsLocalOnly, double durationMonths) {}

    public static final int MEMO_YEAR = 2018;
    public static final String SUBREGION = "Drechtsteden-Noord";
    public static final String ALBLASSERDAM = "GM0482";
    public static final String HARDINXVELD = "GM0523";
    public static final String PAPENDRECHT = "GM0590";
    public static final String SLIEDRECHT = "GM0610";

    /** The memo's table; its subregion totals are the sums of these cells. */
    public static final List<MemoCell> MEMO_2018 = List.of(
            new MemoCell(ALBLASSERDAM, "begeleiding", 77, 247_328),
            new MemoCell(HARDINXVELD, "begeleiding", 48, 266_658),
            new MemoCell(PAPENDRECHT, "begeleiding", 66, 235_796),
            new MemoCell(SLIEDRECHT, "begeleiding", 64, 292_158),
            new MemoCell(ALBLASSERDAM, "jo_netwerk", 43, 144_241),
            new MemoCell(HARDINXVELD, "jo_netwerk", 35, 151_694),
            new MemoCell(PAPENDRECHT, "jo_netwerk", 49, 155_938),
            new MemoCell(SLIEDRECHT, "jo_netwerk", 61, 217_388),
            new MemoCell(ALBLASSERDAM, "basis_ggz", 47, 42_368),
            new MemoCell(HARDINXVELD, "basis_ggz", 25, 22_129),
            new MemoCell(PAPENDRECHT, "basis_ggz", 70, 71_187),
            new MemoCell(SLIEDRECHT, "basis_ggz", 69, 60_724));

    /** Subregion totals as printed in the memo (begeleiding 255 / 1,041,940; J&O 188 / 669,261; basis GGZ 211 / 196,408). */
    public static final List<MemoCell> MEMO_2018_TOTALS = List.of(
            new MemoCell(SUBREGION, "begeleiding", 255, 1_041_940),
            new MemoCell(SUBREGION, "jo_netwerk", 188, 669_261),
            new MemoCell(SUBREGION, "basis_ggz", 211, 196_408));

    public static final List<PlanBaseline> ALBLASSERDAM_2019 = List.of(
            new PlanBaseline(ALBLASSERDAM, "begeleiding", 2019, 50, 27_333, 2.0 / 3.0, 5, true, 5.5),
            new PlanBaseline(ALBLASSERDAM, "jo_netwerk", 2019, 24, 14_000, 0.55, 2, false, 9));

    /** The plan's share of front-end cost relative to the market price, and Alblasserdam's part of the regional fund. */
    public static final double FRONT_COST_RATIO = 0.9;
    public static final long ALBLASSERDAM_FUND_EUR = 19_000;
}
