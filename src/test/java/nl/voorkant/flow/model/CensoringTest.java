package nl.voorkant.flow.model;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The censoring rule by hand, on data from 2019-01 to 2019-12 unless said otherwise. */
class CensoringTest {
    static final int JAN = 2019 * 12, FEB = JAN + 1, MAR = JAN + 2, APR = JAN + 3, MAY = JAN + 4, JUN = JAN + 5,
            JUL = JAN + 6, SEP = JAN + 8, OCT = JAN + 9, NOV = JAN + 10, DEC = JAN + 11;

    static Censoring year2019(int maxGap) {
        return Censoring.withMaxGap(maxGap).over(JAN, DEC);
    }

    @Test
    void withMaxGapZeroOnlyTheFirstAndLastMonthAreUnknownAndEveryMissingMonthEndsATrajectory() {
        Censoring c = year2019(0);
        assertTrue(c.continues(MAR, APR), "the next month continues");
        assertFalse(c.continues(MAR, MAY), "one month without care ends it");
        assertFalse(c.startKnown(JAN), "a start in the first month may have begun before it");
        assertTrue(c.startKnown(FEB), "a start in the second month is known");
        assertFalse(c.endKnown(DEC), "an end in the last month may go on");
        assertTrue(c.endKnown(NOV), "an end in the month before is known");
        assertEquals(11, c.knownInflowMonths(), "February to December");
    }

    @Test
    void withMaxGapOneTheFirstTwoAndLastTwoMonthsAreUnknown() {
        Censoring c = year2019(1);
        assertTrue(c.continues(MAR, MAY), "one month without care continues");
        assertFalse(c.continues(MAR, JUN), "two end it");
        assertFalse(c.startKnown(FEB), "February: a client with a gap in January may have been there in December");
        assertTrue(c.startKnown(MAR), "March");
        assertFalse(c.endKnown(NOV), "November: the client may come back in January");
        assertTrue(c.endKnown(OCT), "October");
        assertEquals(10, c.knownInflowMonths(), "March to December");
    }

    @Test
    void withMaxGapTwoTheFirstThreeAndLastThreeMonthsAreUnknown() {
        Censoring c = year2019(2);
        assertTrue(c.continues(MAR, JUN), "two months without care continue");
        assertFalse(c.continues(MAR, JUL), "three end it");
        assertFalse(c.startKnown(MAR), "March");
        assertTrue(c.startKnown(APR), "April");
        assertFalse(c.endKnown(OCT), "October");
        assertTrue(c.endKnown(SEP), "September");
        assertEquals(9, c.knownInflowMonths(), "April to December");
    }

    @Test
    void aYearsFlowIsKnownOnlyWhenItsEveryMonthIs() {
        // 2018-03 .. 2020-06, max_gap 1: starts unknown in 2018-03/04, ends in 2020-05/06.
        Censoring c = Censoring.withMaxGap(1).over(JAN - 10, JUN + 12);
        assertFalse(c.inflowKnown(2018), "2018 begins with unknown starts");
        assertTrue(c.inflowKnown(2019), "2019's starts are all known");
        assertTrue(c.outflowKnown(2019), "2019's ends are all known");
        assertFalse(c.outflowKnown(2020), "2020 ends with unknown ends");
        assertEquals(10, c.dataMonthsIn(2018), "March to December 2018");
        assertEquals(12, c.dataMonthsIn(2019), "all of 2019");
        assertEquals(6, c.dataMonthsIn(2020), "January to June 2020");
        assertEquals(28, c.dataMonths(), "2018-03 to 2020-06");
    }

    @Test
    void aRateOverTheKnownInflowMonthsNeverDividesByZeroAndNoDataIsEmpty() {
        assertEquals(1, Censoring.withMaxGap(2).over(JAN, JAN).knownInflowMonths(), "one data month, none known: still 1");
        assertTrue(Censoring.withMaxGap(1).isEmpty(), "the rule alone has no data months");
        assertFalse(year2019(1).isEmpty(), "a year of data");
        assertThrows(IllegalArgumentException.class, () -> Censoring.withMaxGap(-1), "a negative max_gap");
    }
}
