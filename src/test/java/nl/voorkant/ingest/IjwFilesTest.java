package nl.voorkant.ingest;

import nl.voorkant.core.StoragePath;
import static nl.voorkant.testing.IjwMessagesBuilder.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.voorkant.testing.TestReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The iJw reader on hand-written messages, without Spark. */
class IjwFilesTest {
    static final String PROVIDER = "12345678";
    final ClaimParser parser = new ClaimParser(TestReference.small(), LocalDate.of(2015, 1, 1), LocalDate.of(2025, 12, 31),
            ClaimParserTest.KEY);

    static List<ClaimIngest.InputFile> files(Path dir) {
        return ClaimIngest.listInputs(StoragePath.of(dir)).stream().filter(ClaimIngest.InputFile::ijw).toList();
    }

    static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private IjwFiles.Parsed parsed(Path dir, String name) {
        List<ClaimIngest.InputFile> files = files(dir);
        IjwFiles ijw = IjwFiles.of(files);
        return ijw.parse(files.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(), parser);
    }

    @Test
    void aJw323OfIjw30AndOneOf32AreBothReadByLocalNameWithEveryFieldOfTheLine(@TempDir Path dir) throws IOException {
        write(dir, "v30.xml", jw323("3.0", PROVIDER, "0482", "2021-02-05", null,
                List.of(line("123456782", "R1", "", "H300", "2021-01-04", "2021-01-29", 12345, "D"))));
        write(dir, "v32.xml", jw323("3.2", PROVIDER, "0590", "2021-03-02", null,
                List.of(line("123456782", "R2", "", "JH-2A", "2021-02-01", "2021-02-28", 100, "D"))));
        for (String[] want : new String[][] {{"v30.xml", "3.0", "GM0482", "H300", "123.45", "2021-02-05"},
                                             {"v32.xml", "3.2", "GM0590", "JH-2A", "1.00", "2021-03-02"}}) {
            IjwFiles.Parsed p = parsed(dir, want[0]);
            assertEquals("JW323", p.notes().get("message"), want[0]);
            assertEquals(want[1], p.notes().get("ijw_version"), want[0] + ": the version from the namespace");
            assertEquals(1, p.claims().size(), want[0]);
            ClaimParser.Claim c = p.claims().get(0);
            assertNull(c.reason, want[0] + ": accepted, " + c.detail);
            assertEquals(PROVIDER + (want[0].equals("v30.xml") ? "R1" : "R2"), c.claimId, "claim id = AGB + ReferentieNummer");
            assertEquals(want[2], c.municipalityCode, "municipality from the header's Ontvanger");
            assertEquals(PROVIDER, c.providerCode, "provider from Afzender");
            assertEquals(want[3], c.productCode);
            assertEquals("45", c.productCategory);
            assertEquals(ClaimParserTest.KEY.pseudonym("123456782"), c.clientKey, "client from Bsn, pseudonymised");
            assertEquals(Long.parseLong(want[4].replace(".", "")), c.amountCents, "IngediendBedrag/Bedrag in eurocents");
            assertEquals(1.0, c.volume);
            assertEquals("04", c.unit);
            assertEquals((int) LocalDate.parse(want[5]).toEpochDay(), c.declarationDay, "DeclaratieDagtekening kept");
            assertNull(c.referrer, "no allocation in the folder: referrer unknown");
            assertEquals("ok", p.notes().get("total_check"));
            assertEquals("1", p.notes().get("lines_without_referrer"));
        }
    }

    @Test
    void aCreditSubtractsAndTheTotalIsDebitsMinusCredits(@TempDir Path dir) throws IOException {
        List<Line> lines = new ArrayList<>(List.of(line("123456782", "R1", "", "H300", "2021-01-04", "2021-01-29", 5000, "D")));
        lines.add(new Line("123456782", "R2", "R1", "", "45", "H300", "2021-01-04", "2021-01-29", 1, "04", 5000, "C"));
        lines.add(line("123456782", "R3", "", "H300", "2021-01-04", "2021-01-29", 4000, "D"));
        write(dir, "credit.xml", jw323("3.2", PROVIDER, "0482", "2021-02-05", null, lines));
        IjwFiles.Parsed p = parsed(dir, "credit.xml");
        assertEquals(List.of("D", "C", "D"), p.claims().stream().map(c -> c.debitCredit).toList());
        assertTrue(p.claims().stream().allMatch(c -> c.reason == null), "all three accepted");
        assertEquals("40.00", p.notes().get("total_declared"), "5000 - 5000 + 4000 cents");
        assertEquals("ok", p.notes().get("total_check"));
    }

    @Test
    void aTotalThatDiffersFromItsLinesIsAMismatch(@TempDir Path dir) throws IOException {
        write(dir, "m.xml", jw323("3.2", PROVIDER, "0482", "2021-02-05", 999L,
                List.of(line("123456782", "R1", "", "H300", "2021-01-04", "2021-01-29", 1000, "D"))));
        IjwFiles.Parsed p = parsed(dir, "m.xml");
        assertEquals("mismatch", p.notes().get("total_check"));
        assertEquals("9.99", p.notes().get("total_declared"));
        assertEquals("10.00", p.notes().get("total_lines"));
        assertNull(p.claims().get(0).reason, "the lines themselves are still read");
    }

    @Test
    void theReferrerComesFromTheRequestAnAllocationAnswersElseTheMunicipalityDecided(@TempDir Path dir) throws IOException {
        write(dir, "jw315.xml", jw315("3.2", PROVIDER, "0482", "123456782", "AANVRAAG-1", "02"));
        write(dir, "jw301.xml", jw301("3.2", "0482", PROVIDER, "123456782", "T1", "AANVRAAG-1", "T2", "", "T3", "ANDERS"));
        write(dir, "jw323.xml", jw323("3.2", PROVIDER, "0482", "2021-02-05", null, List.of(
                line("123456782", "R1", "T1", "H300", "2021-01-04", "2021-01-29", 100, "D"),
                line("123456782", "R2", "T2", "H300", "2021-01-04", "2021-01-29", 100, "D"),
                line("123456782", "R3", "T3", "H300", "2021-01-04", "2021-01-29", 100, "D"),
                line("123456782", "R4", "T9", "H300", "2021-01-04", "2021-01-29", 100, "D"))));
        IjwFiles.Parsed p = parsed(dir, "jw323.xml");
        assertEquals("02", p.claims().get(0).referrer, "T1 answers the JW315 whose Verwijzer/Type is 02");
        assertEquals("01", p.claims().get(1).referrer, "T2 answers no request: the municipality's own decision");
        assertEquals("01", p.claims().get(2).referrer, "T3 names a ReferentieAanbieder no request has");
        assertNull(p.claims().get(3).referrer, "T9 is no allocation of the folder: unknown");
        assertNull(p.claims().get(3).reason, "and the line is accepted");
        assertEquals("1", p.notes().get("lines_without_referrer"));
        assertEquals("JW301", parsed(dir, "jw301.xml").notes().get("message"));
        assertEquals("3", parsed(dir, "jw301.xml").notes().get("products"));
    }

    @Test
    void aLaterAllocationMessageRepeatingTheAllocationWithoutReferenceKeepsTheRequestsReferrer(@TempDir Path dir)
            throws IOException {
        write(dir, "a-repeat.xml", jw301("3.2", "0482", PROVIDER, "123456782", "T1", "", "T5", ""));
        write(dir, "b-answer.xml", jw301("3.2", "0482", PROVIDER, "123456782", "T1", "AANVRAAG-1"));
        write(dir, "jw315.xml", jw315("3.2", PROVIDER, "0482", "123456782", "AANVRAAG-1", "04"));
        write(dir, "jw323.xml", jw323("3.2", PROVIDER, "0482", "2021-02-05", null,
                List.of(line("123456782", "R1", "T1", "H300", "2021-01-04", "2021-01-29", 100, "D"))));
        assertEquals("04", parsed(dir, "jw323.xml").claims().get(0).referrer,
                "IV094: the repeat with an empty ReferentieAanbieder does not make T1 the municipality's own");
    }

    @Test
    void aVerwijzerGivenOnceForTheClientHoldsForItsRequestedProducts(@TempDir Path dir) throws IOException {
        String request = jw315("3.2", PROVIDER, "0482", "123456782", "AANVRAAG-1", "05");
        String moved = request.replace("        <Verwijzer><Type>05</Type><Naam>Dokter Geheim</Naam></Verwijzer>\n", "")
                .replace("      <AangevraagdProduct>", "      <Verwijzer><Type>05</Type></Verwijzer>\n      <AangevraagdProduct>");
        assertNotEquals(request, moved);
        write(dir, "jw315.xml", moved);
        write(dir, "jw301.xml", jw301("3.2", "0482", PROVIDER, "123456782", "T1", "AANVRAAG-1"));
        write(dir, "jw323.xml", jw323("3.2", PROVIDER, "0482", "2021-02-05", null,
                List.of(line("123456782", "R1", "T1", "H300", "2021-01-04", "2021-01-29", 100, "D"))));
        assertEquals("05", parsed(dir, "jw323.xml").claims().get(0).referrer);
    }

    @Test
    void anAllocationOfAnotherProviderOrMunicipalityDoesNotCount(@TempDir Path dir) throws IOException {
        write(dir, "jw301.xml", jw301("3.2", "0590", PROVIDER, "123456782", "T1", ""));
        write(dir, "jw323.xml", jw323("3.2", PROVIDER, "0482", "2021-02-05", null,
                List.of(line("123456782", "R1", "T1", "H300", "2021-01-04", "2021-01-29", 100, "D"))));
        assertNull(parsed(dir, "jw323.xml").claims().get(0).referrer, "T1 of Papendrecht is not Alblasserdam's T1");
    }

    @Test
    void aBrokenFileOrAnotherMessageIsNamedWithItsReasonAndItsLinesCountedAsUnreadable(@TempDir Path dir) throws IOException {
        String whole = jw323("3.2", PROVIDER, "0482", "2021-02-05", null, List.of(
                line("123456782", "R1", "", "H300", "2021-01-04", "2021-01-29", 100, "D"),
                line("123456782", "R2", "", "H300", "2021-01-04", "2021-01-29", 100, "D")));
        write(dir, "cut.xml", whole.substring(0, whole.lastIndexOf("<Prestatie>") + 40));
        write(dir, "other.xml", "<?xml version=\"1.0\"?>\n<Bericht xmlns=\"" + namespace("3.2", "jw324") + "\"><Header/></Bericht>");
        write(dir, "html.xml", "<html><body>geen bericht</body></html>");
        write(dir, "old.xml", "<Bericht xmlns=\"" + namespace("2.4", "jw303") + "\"/>");
        IjwFiles.Parsed cut = parsed(dir, "cut.xml");
        assertTrue(cut.notes().get("problem").startsWith("not well-formed XML (line "), cut.notes().get("problem"));
        assertEquals("2", cut.notes().get("unreadable_lines"), "two Prestatie elements had begun");
        assertTrue(cut.claims().isEmpty(), "nothing of a broken message is accepted");
        assertTrue(parsed(dir, "other.xml").notes().get("problem").contains("JW324"), parsed(dir, "other.xml").notes().toString());
        assertTrue(parsed(dir, "html.xml").notes().get("problem").contains("root element html"));
        assertNotNull(parsed(dir, "old.xml").notes().get("problem"));
    }

    @Test
    void aRejectedPrestatieNamesItsReferenceAndPositionAndKeepsItsFields(@TempDir Path dir) throws IOException {
        write(dir, "bad.xml", jw323("3.2", PROVIDER, "0482", "2021-02-05", null, List.of(
                line("123456782", "R1", "", "H300", "2021-01-04", "2021-01-29", 100, "D"),
                line("123456782", "R2", "", "ZZ999", "2021-01-04", "2021-01-29", 250, "D"))));
        IjwFiles.Parsed p = parsed(dir, "bad.xml");
        ClaimParser.Claim c = p.claims().get(1);
        assertEquals(ClaimParser.Reason.UNKNOWN_PRODUCT, c.reason);
        assertEquals(2, p.positions().get(1), "its place in the message");
        assertTrue(c.detail.contains("Prestatie 2, ReferentieNummer 'R2'"), c.detail);
        assertEquals(PROVIDER + "R2", c.raw[ClaimColumns.CLAIM_ID]);
        assertEquals("ZZ999", c.raw[ClaimColumns.PRODUCT_CODE]);
        assertEquals("2.50", c.raw[ClaimColumns.AMOUNT]);
        assertEquals("2021-01-04", c.raw[ClaimColumns.PERIOD_START]);
        assertEquals(Pseudonymiser.hex(ClaimParserTest.KEY.pseudonym("123456782")), c.raw[ClaimColumns.CLIENT_ID]);
    }

    @Test
    void anAmountThatIsNotWholeCentsIsAnInvalidNumberNeverEuros(@TempDir Path dir) throws IOException {
        write(dir, "e.xml", jw323("3.2", PROVIDER, "0482", "2021-02-05", null,
                List.of(line("123456782", "R1", "", "H300", "2021-01-04", "2021-01-29", 100, "D"))).replace(
                "<Bedrag>100</Bedrag><DebetCredit>D</DebetCredit></IngediendBedrag>",
                "<Bedrag>1.00</Bedrag><DebetCredit>D</DebetCredit></IngediendBedrag>"));
        assertEquals(ClaimParser.Reason.INVALID_NUMBER, parsed(dir, "e.xml").claims().get(0).reason);
    }

    @Test
    void prefixedElementsNestedProductCodesAndAMessageWithoutNamespaceAreReadToo(@TempDir Path dir) throws IOException {
        write(dir, "prefixed.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<jw:Bericht xmlns:jw=\"" + namespace("3.0", "jw323") + "\" xmlns:b=\"" + namespace("3.0", "basisschema") + "\">"
                + "<jw:Header><jw:BerichtCode>490</jw:BerichtCode><jw:Afzender>" + PROVIDER + "</jw:Afzender>"
                + "<jw:Ontvanger>0482</jw:Ontvanger></jw:Header>"
                + "<jw:Declaratie><jw:DeclaratieDagtekening>2021-02-05</jw:DeclaratieDagtekening></jw:Declaratie>"
                + "<jw:Client><b:Bsn>123456782</b:Bsn><jw:Prestatie>"
                + "<jw:ProductReferentie><jw:ReferentieNummer>P1</jw:ReferentieNummer></jw:ProductReferentie>"
                + "<jw:Product><jw:Categorie>45</jw:Categorie><jw:Code>H300</jw:Code></jw:Product>"
                + "<jw:ProductPeriode><jw:Begindatum>2021-01-01</jw:Begindatum><jw:Einddatum>2021-01-31</jw:Einddatum></jw:ProductPeriode>"
                + "<jw:GeleverdVolume>3</jw:GeleverdVolume><jw:Eenheid>04</jw:Eenheid>"
                + "<jw:IngediendBedrag><jw:Bedrag>9000</jw:Bedrag><jw:DebetCredit>D</jw:DebetCredit></jw:IngediendBedrag>"
                + "</jw:Prestatie></jw:Client></jw:Bericht>");
        write(dir, "plain.xml", jw323("3.2", PROVIDER, "0482", "2021-02-05", null,
                List.of(line("123456782", "P2", "", "H300", "2021-01-04", "2021-01-29", 100, "D")))
                .replace(" xmlns=\"" + namespace("3.2", "jw323") + "\"", ""));
        IjwFiles.Parsed prefixed = parsed(dir, "prefixed.xml");
        assertEquals("3.0", prefixed.notes().get("ijw_version"));
        ClaimParser.Claim c = prefixed.claims().get(0);
        assertNull(c.reason, c.detail);
        assertEquals("H300", c.productCode, "Product/Code");
        assertEquals(9000L, c.amountCents);
        assertEquals("absent", prefixed.notes().get("total_check"), "no TotaalIngediendBedrag: said, not guessed");
        IjwFiles.Parsed plain = parsed(dir, "plain.xml");
        assertEquals("JW323", plain.notes().get("message"), "told by BerichtCode 490");
        assertEquals("3.2", plain.notes().get("ijw_version"), "from BerichtVersie and BerichtSubversie");
        assertNull(plain.claims().get(0).reason);
    }
}
