package nl.voorkant.flow.model;

import static org.junit.jupiter.api.Assertions.*;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import nl.voorkant.flow.model.Contributions.CombinedClients;
import nl.voorkant.flow.model.Contributions.CompositeClients;
import nl.voorkant.flow.model.Contributions.MonthCount;
import nl.voorkant.flow.model.Contributions.ProviderCost;
import nl.voorkant.flow.model.Contributions.ProviderSpread;
import nl.voorkant.flow.model.Contributions.TrajectoryCost;
import nl.voorkant.flow.model.Contributions.TrajectorySpan;
import nl.voorkant.flow.model.Contributions.YearCount;
import nl.voorkant.testing.TestReference;
import org.junit.jupiter.api.Test;

/**
 * One client's lines to contributions, by hand, with max_gap 1. Subregion Noord = GM0482 + GM0590,
 * both in Regio; begeleiding = H300 + H153.
 */
class ClientFoldTest {
    static final int JAN = 2019 * 12, FEB = JAN + 1, MAR = JAN + 2, APR = JAN + 3;
    static final int UNKNOWN = MonthActivity.UNKNOWN_REFERRER;

    /** A whole-month H300 line of provider P1, volume 4. */
    static MonthActivity.Line line(String municipality, String month, long cents, int referrer, boolean credit) {
        YearMonth m = YearMonth.parse(month);
        return new MonthActivity.Line(municipality, "begeleiding", "H300", "P1", referrer, (int) m.atDay(1).toEpochDay(),
                (int) m.atEndOfMonth().toEpochDay(), 4, cents, credit);
    }

    static ContributionList fold(MonthActivity.Line... lines) {
        ContributionList out = new ContributionList();
        new ClientFold(Areas.of(TestReference.small()), Censoring.withMaxGap(1),
                CareGroups.of(TestReference.small())).add(new ArrayList<>(List.of(lines)), out);
        return out;
    }

    @Test
    void aMoverBetweenTwoMunicipalitiesOfOneSubregionIsCorrectedThereAndInTheRegion() {
        // January in both GM0482 and GM0590, February in GM0590 only.
        ContributionList c = fold(line("GM0482", "2019-01", 5000, 2, false), line("GM0590", "2019-01", 5000, 2, false),
                line("GM0590", "2019-02", 5000, 2, false));
        assertEquals(List.of(new MonthCount(JAN, 1, 5000)), c.of(MonthCount.class, "GM0482", "begeleiding"), "GM0482 counts January");
        assertEquals(List.of(new MonthCount(JAN, 1, 5000), new MonthCount(FEB, 1, 5000)),
                c.of(MonthCount.class, "GM0590", "begeleiding"), "GM0590 counts both months");
        for (String higher : List.of("Noord", "Regio")) {
            assertEquals(List.of(new MonthCount(JAN, -1, 0)), c.of(MonthCount.class, higher, "begeleiding"),
                    higher + ": January's two municipalities count the client once; February needs nothing");
            assertEquals(List.of(-1L, -1L), sumOfYears(c.of(YearCount.class, higher, "begeleiding")),
                    higher + ": one unique client and one client-month too many in 2019");
            assertEquals(List.of(-1L, -1L), sumOfYears(c.of(YearCount.class, higher, "H300")),
                    higher + ": the product is corrected alike");
            assertEquals(List.of(), c.of(TrajectorySpan.class, higher, "begeleiding"), higher + ": trajectories stay per municipality");
        }
        assertEquals(List.of(new TrajectorySpan(JAN, JAN, 1, 0, 0)), c.of(TrajectorySpan.class, "GM0482", "begeleiding"),
                "GM0482: one month");
        assertEquals(List.of(new TrajectorySpan(JAN, FEB, 1, 0, 0)), c.of(TrajectorySpan.class, "GM0590", "begeleiding"),
                "GM0590: two months");
        assertEquals(List.of(), c.of(MonthCount.class, "Zuid", "begeleiding"), "another subregion is not touched");
    }

    @Test
    void aCreditCancelsAMonthsCareAndPartOfItsCost() {
        // March and April debited at EUR 100; April credited for its whole volume but EUR 60 only.
        ContributionList c = fold(line("GM0505", "2019-03", 10000, 2, false), line("GM0505", "2019-04", 10000, 2, false),
                line("GM0505", "2019-04", 6000, 2, true));
        assertEquals(List.of(new MonthCount(MAR, 1, 10000), new MonthCount(APR, 0, 4000)),
                c.of(MonthCount.class, "GM0505", "begeleiding"), "April is inactive, but EUR 40 stays in it");
        assertEquals(List.of(new YearCount(2019, 1, 1, 14000)), c.of(YearCount.class, "GM0505", "begeleiding"),
                "one client, one active month, EUR 140");
        assertEquals(List.of(new TrajectorySpan(MAR, MAR, 1, 0, 0)), c.of(TrajectorySpan.class, "GM0505", "begeleiding"),
                "the trajectory ends in March");
        assertEquals(List.of(new ProviderCost(2019, "P1", 14000)), c.of(ProviderCost.class, "GM0505", "begeleiding"),
                "the provider's net cost");
        assertEquals(List.of(), c.of(MonthCount.class, "Zuid", "begeleiding"), "no mover, no correction");
    }

    @Test
    void aStartByAnUnknownReferrerIsMarkedAndTheLocalTeamsToo() {
        // January by an unknown referrer; a new trajectory in June by the local team (01).
        ContributionList c = fold(line("GM0482", "2019-01", 5000, UNKNOWN, false), line("GM0482", "2019-06", 5000, 1, false));
        assertEquals(List.of(new TrajectorySpan(JAN, JAN, 1, 0, 1), new TrajectorySpan(JAN + 5, JAN + 5, 1, 1, 0)),
                c.of(TrajectorySpan.class, "GM0482", "begeleiding"), "referrer unknown, then via the local team");
        ContributionList tie = fold(line("GM0482", "2019-01", 5000, UNKNOWN, false), line("GM0482", "2019-01", 5000, 2, false));
        assertEquals(List.of(new TrajectorySpan(JAN, JAN, 1, 0, 0)), tie.of(TrajectorySpan.class, "GM0482", "begeleiding"),
                "a known referrer of a line starting the same day wins");
    }

    /** A whole-month line of any group, product and provider, volume 4. */
    static MonthActivity.Line line(String municipality, String group, String product, String provider, String month,
                                   long cents, boolean credit) {
        YearMonth m = YearMonth.parse(month);
        return new MonthActivity.Line(municipality, group, product, provider, 2, (int) m.atDay(1).toEpochDay(),
                (int) m.atEndOfMonth().toEpochDay(), 4, cents, credit);
    }

    static MonthActivity.Line line(String municipality, String group, String product, String provider, String month,
                                   boolean credit) {
        return line(municipality, group, product, provider, month, 5000, credit);
    }

    @Test
    void aMoverCompositeInTwoMunicipalitiesIsOneCompositeClientInTheirSubregion() {
        // January: begeleiding and J&O in GM0482; March: the same in GM0590; all by provider P1.
        ContributionList c = fold(line("GM0482", "begeleiding", "H300", "P1", "2019-01", false),
                line("GM0482", "jo_netwerk", "JH-2A", "P1", "2019-01", false),
                line("GM0590", "begeleiding", "H300", "P1", "2019-03", false),
                line("GM0590", "jo_netwerk", "JH-2A", "P1", "2019-03", false));
        for (String m : List.of("GM0482", "GM0590")) {
            assertEquals(List.of(new CompositeClients(2019, 1)), c.of(CompositeClients.class, m, "begeleiding"),
                    m + ": a composite month");
            assertEquals(List.of(new CombinedClients(2019, "jo_netwerk", 1)), c.of(CombinedClients.class, m, "begeleiding"),
                    m + ": combined with J&O");
        }
        for (String higher : List.of("Noord", "Regio")) {
            assertEquals(List.of(new CompositeClients(2019, -1)), c.of(CompositeClients.class, higher, "begeleiding"),
                    higher + ": two municipalities' composite client is one");
            assertEquals(List.of(new CombinedClients(2019, "begeleiding", -1)), c.of(CombinedClients.class, higher, "jo_netwerk"),
                    higher + ": and combined once");
            assertEquals(List.of(new ProviderSpread(2019, -1, 0)), c.of(ProviderSpread.class, higher, "begeleiding"),
                    higher + ": P1 in both municipalities is one provider");
        }
    }

    @Test
    void aCreditThatRemovesAProvidersMonthRemovesTheProvider() {
        // P1 in March; P2 in March too, but credited in full.
        ContributionList c = fold(line("GM0505", "begeleiding", "H300", "P1", "2019-03", false),
                line("GM0505", "begeleiding", "H153", "P2", "2019-03", false),
                line("GM0505", "begeleiding", "H153", "P2", "2019-03", true));
        assertEquals(List.of(new ProviderSpread(2019, 1, 0)), c.of(ProviderSpread.class, "GM0505", "begeleiding"),
                "one provider: P2's net volume is zero");
        ContributionList two = fold(line("GM0505", "begeleiding", "H300", "P1", "2019-03", false),
                line("GM0505", "begeleiding", "H153", "P2", "2019-05", false));
        assertEquals(List.of(new ProviderSpread(2019, 2, 1)), two.of(ProviderSpread.class, "GM0505", "begeleiding"),
                "P1 and P2: a change of provider");
        assertEquals(List.of(), two.of(CompositeClients.class, "GM0505", "begeleiding"), "one group: no composite package");
    }

    @Test
    void anOutOfHomeTrajectoryCostsItsMonthsFromFirstToLastActive() {
        // Out of home: March and April at EUR 100, April credited for its volume but EUR 60: the trajectory is March alone.
        ContributionList c = fold(line("GM0505", "verblijf", "VB01", "P1", "2019-03", 10000, false),
                line("GM0505", "verblijf", "VB01", "P1", "2019-04", 10000, false),
                line("GM0505", "verblijf", "VB01", "P1", "2019-04", 6000, true),
                line("GM0505", "verblijf", "VB01", "P1", "2019-06", 7000, false),
                line("GM0505", "begeleiding", "H300", "P1", "2019-03", 7000, false));
        assertEquals(List.of(new TrajectoryCost(MAR, 1, 10000), new TrajectoryCost(MAR + 3, 1, 7000)),
                c.of(TrajectoryCost.class, "GM0505", "verblijf"),
                "March's EUR 100 (April's EUR 40 lies after its last active month); June, three months on, starts another");
        assertEquals(List.of(), c.of(TrajectoryCost.class, "GM0505", "begeleiding"), "only out-of-home groups cost theirs");
    }

    /** Unique clients and client-months summed over a list of year counts. */
    static List<Long> sumOfYears(List<YearCount> years) {
        return List.of(years.stream().mapToLong(YearCount::uniqueClients).sum(),
                years.stream().mapToLong(YearCount::clientMonths).sum());
    }
}
