package nl.voorkant.ingest;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.List;
import nl.voorkant.ingest.ClaimParser.Claim;
import nl.voorkant.ingest.ClaimParser.FileLayout;
import nl.voorkant.ingest.ClaimParser.Reason;
import nl.voorkant.testing.DefectFile;
import nl.voorkant.testing.TestReference;
import org.junit.jupiter.api.Test;

class ClaimParserTest {
    static final Pseudonymiser KEY = Pseudonymiser.withKey("a test key of sufficient length");
    final ClaimParser parser = new ClaimParser(TestReference.small(), LocalDate.of(2015, 1, 1),
            LocalDate.of(2025, 12, 31), KEY);
    final FileLayout canonical = FileLayout.of(DefectFile.HEADER, "test.csv");

    Claim parse(String line) {
        return parser.parse(line, canonical);
    }

    @Test
    void acceptsACanonicalLine() {
        Claim c = parse("c1,123456782,2010-05-03,GM0482,45,H300,12345678,01,2019-01-01,2019-01-31,10,04,1234.50,D");
        assertNull(c.reason, c.detail);
        assertEquals(KEY.pseudonym("123456782"), c.clientKey);
        assertEquals(2010, c.birthYear);
        assertEquals("begeleiding", c.productGroup);
        assertEquals("MARKET", c.provision);
        assertEquals(123450L, c.amountCents);
        assertEquals(10.0, c.volume);
        assertEquals(LocalDate.of(2019, 1, 1).toEpochDay(), c.startDay);
        assertEquals(LocalDate.of(2019, 1, 31).toEpochDay(), c.endDay);
        assertNull(c.raw, "accepted rows keep no raw copy");
    }

    @Test
    void readsADutchExportWithBomSemicolonsAndDecimalComma() {
        FileLayout dutch = FileLayout.of("\uFEFFDeclaratienummer;BSN;Gemeentecode;Productcategorie;Productcode;AGB-code;"
                + "Verwijzer;Begindatum;Einddatum;Geleverd volume;Eenheid;Bedrag;Debet/Credit", "export.csv");
        Claim c = parser.parse("R-1;012345678;482;45;jh-2a;87654321;1;01-02-2019;28-02-2019;2,5;04;1.234,56;Credit", dutch);
        assertNull(c.reason, c.detail);
        assertEquals("GM0482", c.municipalityCode);
        assertEquals("JH-2A", c.productCode);
        assertEquals("01", c.referrer);
        assertEquals("C", c.debitCredit);
        assertEquals(2.5, c.volume);
        assertEquals(123456L, c.amountCents);
        assertEquals(LocalDate.of(2019, 2, 1).toEpochDay(), c.startDay);
        assertEquals(KEY.pseudonym("12345678"), c.clientKey, "leading zeros of a numeric id do not change its pseudonym");
    }

    @Test
    void theDeclarationDateIsOptionalAndReadUnderEachExportName() {
        assertNull(parse("c1,123456782,,GM0482,45,H300,12345678,01,2019-01-01,2019-01-31,1,04,1.00,D").declarationDay,
                "absent in a canonical file without the column");
        for (String name : List.of("declaration_date", "declaratiedatum", "Indieningsdatum", "Datum declaratie")) {
            FileLayout layout = FileLayout.of("claim_id,client_id,municipality_code,product_code,referrer,period_start,"
                    + "period_end,volume,amount,debit_credit," + name, "export.csv");
            Claim ok = parser.parse("c1,123456782,GM0482,H300,01,2019-01-01,2019-01-31,1,1.00,D,05-02-2019", layout);
            assertEquals((int) LocalDate.of(2019, 2, 5).toEpochDay(), ok.declarationDay, name);
            Claim bad = parser.parse("c1,123456782,GM0482,H300,01,2019-01-01,2019-01-31,1,1.00,D,morgen", layout);
            assertEquals(Reason.INVALID_DATE, bad.reason, name + ": an unreadable date");
            assertEquals("morgen", bad.raw[ClaimColumns.DECLARATION_DATE], "kept with the rejected row's fields");
        }
    }

    @Test
    void anEmptyReferrerIsUnknownOnlyWhereTheFormatAllowsIt() {
        String[] v = {"c1", "123456782", "", "GM0482", "45", "H300", "12345678", "", "2019-01-01", "2019-01-31", "1", "04",
                "1.00", "D", ""};
        assertEquals(Reason.UNKNOWN_REFERRER, parser.parse(v, false).reason, "a CSV line must name its referrer");
        Claim ijw = parser.parse(v, false, true);
        assertNull(ijw.reason, "an iJw line without allocation is accepted");
        assertNull(ijw.referrer);
        v[ClaimColumns.REFERRER] = "07";
        assertEquals(Reason.UNKNOWN_REFERRER, parser.parse(v, false, true).reason, "a referrer given but not a code");
    }

    @Test
    void namesEveryDefectWithItsOwnReason() {
        assertReason(Reason.MALFORMED_ROW, "c1,123456782,GM0482");
        assertReason(Reason.MISSING_CLAIM_ID, ",123456782,,GM0482,45,H300,1,01,2019-01-01,2019-01-31,1,04,10,D");
        assertReason(Reason.MISSING_CLIENT_ID, "c1,,,GM0482,45,H300,1,01,2019-01-01,2019-01-31,1,04,10,D");
        assertReason(Reason.MISSING_MUNICIPALITY, "c1,1,,,45,H300,1,01,2019-01-01,2019-01-31,1,04,10,D");
        assertReason(Reason.MISSING_PRODUCT, "c1,1,,GM0482,45,,1,01,2019-01-01,2019-01-31,1,04,10,D");
        assertReason(Reason.INVALID_DATE, "c1,1,,GM0482,45,H300,1,01,2019-02-30,2019-03-31,1,04,10,D");
        assertReason(Reason.INVALID_DATE, "c1,1,,GM0482,45,H300,1,01,2019-01-01,,1,04,10,D");
        assertReason(Reason.INVALID_DATE, "c1,1,yesterday,GM0482,45,H300,1,01,2019-01-01,2019-01-31,1,04,10,D");
        assertReason(Reason.INVALID_NUMBER, "c1,1,,GM0482,45,H300,1,01,2019-01-01,2019-01-31,ten,04,10,D");
        assertReason(Reason.INVALID_NUMBER, "c1,1,,GM0482,45,H300,1,01,2019-01-01,2019-01-31,1,04,10.005,D");
        assertReason(Reason.INVALID_NUMBER, "c1,1,,GM0482,45,H300,1,01,2019-01-01,2019-01-31,1,04,-10,D");
        assertReason(Reason.PERIOD_END_BEFORE_START, "c1,1,,GM0482,45,H300,1,01,2019-02-01,2019-01-31,1,04,10,D");
        assertReason(Reason.PERIOD_OUTSIDE_WINDOW, "c1,1,,GM0482,45,H300,1,01,2009-01-01,2009-01-31,1,04,10,D");
        assertReason(Reason.UNKNOWN_MUNICIPALITY, "c1,1,,GM9999,45,H300,1,01,2019-01-01,2019-01-31,1,04,10,D");
        assertReason(Reason.UNKNOWN_MUNICIPALITY, "c1,1,,Gorinchem,45,H300,1,01,2019-01-01,2019-01-31,1,04,10,D");
        assertReason(Reason.UNKNOWN_PRODUCT, "c1,1,,GM0482,45,ZZ99,1,01,2019-01-01,2019-01-31,1,04,10,D");
        assertReason(Reason.UNKNOWN_REFERRER, "c1,1,,GM0482,45,H300,1,07,2019-01-01,2019-01-31,1,04,10,D");
        assertReason(Reason.UNKNOWN_DEBIT_CREDIT, "c1,1,,GM0482,45,H300,1,01,2019-01-01,2019-01-31,1,04,10,X");
    }

    @Test
    void aRejectedRowKeepsItsAmountButNeverTheRawClientId() {
        Claim c = parse("c1,123456782,,GM0482,45,ZZ99,1,01,2019-01-01,2019-01-31,1,04,99.95,D");
        assertEquals(Reason.UNKNOWN_PRODUCT, c.reason);
        assertEquals(9995L, c.amountCents, "a rejected amount still counts in the reconciliation");
        assertEquals(Pseudonymiser.hex(KEY.pseudonym("123456782")), c.raw[ClaimColumns.CLIENT_ID]);
        for (String field : c.raw) assertNotEquals("123456782", field);
    }

    @Test
    void datesInEveryExportSpelling() {
        int day = (int) LocalDate.of(2019, 3, 7).toEpochDay();
        for (String s : new String[] {"2019-03-07", "20190307", "07-03-2019", "7-3-2019", "07/03/2019", "2019-03-07 00:00:00",
                "2019-03-07T00:00"}) {
            assertEquals(day, ClaimParser.parseEpochDay(s), s);
        }
        for (String s : new String[] {"", "2019-13-01", "07-03-19", "march"}) assertNull(ClaimParser.parseEpochDay(s), s);
    }

    @Test
    void centsAreExact() {
        assertEquals(1L, ClaimParser.parseCents("0.01", false));
        assertEquals(1234567L, ClaimParser.parseCents("12,345.67", false));
        assertEquals(1234567L, ClaimParser.parseCents("12.345,67", true));
        assertEquals(1250L, ClaimParser.parseCents("12,5", false), "a lone comma is a decimal comma");
        assertEquals(1000L, ClaimParser.parseCents("€ 10", true));
        assertEquals(1010L, ClaimParser.parseCents("10.100", false), "trailing zeros beyond the cent are harmless");
        assertNull(ClaimParser.parseCents("10.101", false));
    }

    @Test
    void inADecimalCommaFileAPointOnlyGroupsThousandsInGroupsOfThree() {
        assertEquals(123456L, ClaimParser.parseCents("1.234,56", true));
        assertEquals(1234500L, ClaimParser.parseCents("12.345", true), "12.345 is twelve thousand in a ';' file");
        assertEquals(123456780L, ClaimParser.parseCents("1.234.567,8", true));
        assertEquals(12345.0, ClaimParser.parseDouble("12.345", true));
        for (String notANumber : new String[] {"348.90", "1.5", "1.23,4", "1234.567", ".123", "1..234", "1,2,3", "1.234,5,6"}) {
            assertNull(ClaimParser.parseCents(notANumber, true), notANumber + " as an amount");
            assertNull(ClaimParser.parseDouble(notANumber, true), notANumber + " as a volume");
        }
        FileLayout dutch = FileLayout.of("Declaratienummer;BSN;Gemeentecode;Productcode;Verwijzer;Begindatum;Einddatum;"
                + "Geleverd volume;Bedrag;Debet/Credit", "export.csv");
        Claim pointAmount = parser.parse("R-1;123456782;482;H300;1;01-02-2019;28-02-2019;1;348.90;D", dutch);
        assertEquals(Reason.INVALID_NUMBER, pointAmount.reason, "348.90 is not read as 34,890.00");
        assertNull(pointAmount.amountCents, "an unreadable amount counts as zero in the reconciliation");
        assertEquals(Reason.INVALID_NUMBER, parser.parse("R-1;123456782;482;H300;1;01-02-2019;28-02-2019;1.5;10,00;D", dutch)
                .reason, "a volume 1.5 is not read as 15");
    }

    @Test
    void inADecimalPointFileACommaOnlyGroupsThousandsInGroupsOfThree() {
        assertEquals(123456700L, ClaimParser.parseCents("1,234,567.00", false));
        assertEquals(1.5, ClaimParser.parseDouble("1,5", false), "a lone comma is still a decimal comma");
        for (String notANumber : new String[] {"1,23.4", "1234,567.8", "1,2,3", "1.2.3"}) {
            assertNull(ClaimParser.parseCents(notANumber, false), notANumber);
        }
    }

    @Test
    void javaNumberSuffixesSignsAndExponentsAreNotNumbers() {
        for (String s : new String[] {"5d", "1f", "5D", "2F", "0x10", "0x1p3", "1e3", "1E3", "+5", "-5", "NaN",
                "Infinity", "1_000", "5L", "٣"}) {
            assertNull(ClaimParser.parseDouble(s, false), s + " as a volume");
            assertNull(ClaimParser.parseDouble(s, true), s + " as a volume in a ';' file");
            assertNull(ClaimParser.parseCents(s, false), s + " as an amount");
        }
        assertEquals(Reason.INVALID_NUMBER, parse("c1,1,,GM0482,45,H300,1,01,2019-01-01,2019-01-31,5d,04,10,D").reason);
        assertEquals(5.0, ClaimParser.parseDouble("5", false));
        assertEquals(0.5, ClaimParser.parseDouble(",5", true));
    }

    @Test
    void bsnShapedNumbersOutsideTheClientIdOfARejectedRowBecomeTheirPseudonyms() {
        // 123456782 and 111222333 pass the 11-proof, 10000008 does padded to 010000008; 123456789 does not.
        Claim c = parse("123456782,555555550,,GM0482,45,ZZ 111222333,x10000008y,01,2019-01-01,2019-01-31,1,"
                + "note 123456789 2018000000001,10,D");
        assertEquals(Reason.UNKNOWN_PRODUCT, c.reason);
        assertEquals(hex("123456782"), c.raw[ClaimColumns.CLAIM_ID], "a BSN typed as claim id");
        assertEquals("ZZ " + hex("111222333"), c.raw[ClaimColumns.PRODUCT_CODE], "a BSN inside a field");
        assertEquals("x" + hex("010000008") + "y", c.raw[ClaimColumns.PROVIDER_CODE], "a BSN that lost its leading zero");
        assertEquals(hex("10000008"), hex("010000008"), "the same pseudonym as the client id 010000008 gets");
        assertEquals("note 123456789 2018000000001", c.raw[ClaimColumns.UNIT], "no 11-proof, or too long: not a BSN");
        assertEquals("product_code 'ZZ " + hex("111222333") + "'", c.detail, "the detail echoes the pseudonym");
        assertNull(c.claimId, "a rejected row keeps its fields in raw only");
        assertNull(c.productCode);
        assertNull(c.providerCode);
        assertNull(c.unit);
        assertEquals("c1", parse("c1,123456782,,GM0482,45,H300,10000008,01,2019-01-01,2019-01-31,1,04,10,D").claimId,
                "an accepted row is left as it is");
    }

    @Test
    void onlyWholeRunsOfEightOrNineDigitsThatPassTheElevenProofAreBsns() {
        Pseudonymiser key = KEY;
        assertEquals("a " + hex("123456782") + ".", Bsns.pseudonymised("a 123456782.", key));
        assertEquals("1234567820", Bsns.pseudonymised("1234567820", key), "ten digits: part of a longer number");
        assertEquals("0123456782", Bsns.pseudonymised("0123456782", key), "ten digits, even with a leading zero");
        assertEquals("000000000", Bsns.pseudonymised("000000000", key), "nobody's number");
        assertEquals("1234567", Bsns.pseudonymised("1234567", key));
        assertEquals(hex("123456782") + "-" + hex("111222333"), Bsns.pseudonymised("123456782-111222333", key));
        assertTrue(Bsns.isValid("123456782"));
        assertFalse(Bsns.isValid("10000008"), "isValid is the strict nine-digit check");
        assertNull(Bsns.pseudonymised(null, key));
    }

    private static String hex(String bsn) {
        return Pseudonymiser.hex(KEY.pseudonym(bsn));
    }

    @Test
    void quotedFieldsMayHoldSeparatorsAndQuotes() {
        assertEquals(java.util.List.of("a", "b,c", "say \"hi\"", ""), ClaimParser.splitLine("a,\"b,c\",\"say \"\"hi\"\"\",", ','));
        assertNull(ClaimParser.splitLine("a,\"open", ','));
        assertEquals(java.util.List.of("ab", "c"), ClaimParser.splitLine("\"a\"b,c", ','));
        assertNull(ClaimParser.splitLine("\"a\"b,c", ',', true), "strictly, nothing but a separator follows a closing quote");
    }

    @Test
    void aFileWithoutARequiredColumnIsAnInputErrorNamingIt() {
        InputError e = assertThrows(InputError.class, () -> FileLayout.of("claim_id;bsn;gemeente", "x.csv"));
        assertTrue(e.getMessage().startsWith("x.csv: no column for product_code"), e.getMessage());
    }

    @Test
    void aFileWithoutAHeaderIsRefusedWithoutEchoingItsFirstRow() {
        InputError e = assertThrows(InputError.class,
                () -> FileLayout.of("c1,123456782,,GM0482,45,H300,73613567,01,2019-01-01,2019-01-31,1,04,10.00,D", "x.csv"));
        assertTrue(e.getMessage().startsWith("x.csv: no column for claim_id, client_id"), e.getMessage());
        for (String value : new String[] {"123456782", "73613567", "H300", "2019-01-01"}) {
            assertFalse(e.getMessage().contains(value), "the message echoes " + value + ": " + e.getMessage());
        }
    }

    @Test
    void aPlainNumberIsItsOwnNormalFormAndOnlyThen() {
        assertTrue(ClaimParser.plainNumber("348.90", false), "digits with one point, decimal-point file");
        assertTrue(ClaimParser.plainNumber(".5", false), "a leading point is kept as it is");
        assertFalse(ClaimParser.plainNumber("5.", false), "a trailing point is dropped by the general path: not plain");
        assertFalse(ClaimParser.plainNumber("1.2.3", false), "two points");
        assertFalse(ClaimParser.plainNumber("348.90", true), "a point in a decimal-comma file groups thousands");
        assertTrue(ClaimParser.plainNumber("12", true), "digits alone, decimal-comma file");
        assertFalse(ClaimParser.plainNumber("", false), "empty");
        assertEquals("5", ClaimParser.normaliseNumber("5.", false), "a trailing point still goes the general way");
        assertEquals(".5", ClaimParser.normaliseNumber(".5", false), "the general path's answer for a leading point");
        assertNull(ClaimParser.normaliseNumber("348.90", true), "348.90 in a decimal-comma file is no number");
        assertEquals("1234.5", ClaimParser.normaliseNumber("1.234,5", true), "grouped with a decimal comma");
    }

    @Test
    void aCanonicalMunicipalityCodeIsKeptAndOthersAreNormalised() {
        assertEquals("GM0482", ClaimParser.normaliseMunicipalityCode("GM0482"), "canonical");
        assertEquals("GM0482", ClaimParser.normaliseMunicipalityCode("gm482"), "lower case, short");
        assertEquals("GM0482", ClaimParser.normaliseMunicipalityCode(" 0482 "), "digits only, padded");
        assertNull(ClaimParser.normaliseMunicipalityCode("GM04X2"), "a letter among the digits");
    }

    private void assertReason(Reason expected, String line) {
        Claim c = parse(line);
        assertEquals(expected, c.reason, line + " -> " + c.detail);
    }
}
