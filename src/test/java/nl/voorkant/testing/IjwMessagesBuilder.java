package nl.voorkant.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Tiny hand-written iJw messages, shaped as the standard's XSDs (Bericht, Header, Declaratie with
 * Clienten/Client/Prestaties/Prestatie; JW301 ToegewezenProduct, JW315 AangevraagdProduct with Verwijzer),
 * in the namespace of iJw 3.0 or 3.2.
 */
public final class IjwMessagesBuilder {
    private IjwMessagesBuilder() {}

    /** One Prestatie of a JW323 (amount in eurocents). */
    public record Line(String bsn, String reference, String previous, String allocation, String category, String code,
                       String start, String end, int volume, String unit, long cents, String debitCredit) {}

    public static Line line(String bsn, String reference, String allocation, String code, String start, String end,
                            long cents, String debitCredit) {
        return new Line(bsn, reference, "", allocation, "45", code, start, end, 1, "04", cents, debitCredit);
    }

    public static String namespace(String version, String message) {
        return "http://www.istandaarden.nl/ijw/" + version.replace('.', '_') + "/" + message + "/schema";
    }

    private static String header(String code, String version, String sender, String receiver, String date) {
        String[] v = version.split("\\.");
        return "  <Header>\n    <BerichtCode>" + code + "</BerichtCode>\n    <BerichtVersie>" + v[0]
                + "</BerichtVersie>\n    <BerichtSubversie>" + v[1] + "</BerichtSubversie>\n    <Afzender>" + sender
                + "</Afzender>\n    <Ontvanger>" + receiver + "</Ontvanger>\n    <BerichtIdentificatie>\n"
                + "      <Identificatie>B" + Math.abs((sender + receiver + date).hashCode()) + "</Identificatie>\n"
                + "      <Dagtekening>" + date + "</Dagtekening>\n    </BerichtIdentificatie>\n  </Header>\n";
    }

    /** A JW323 with its total as the sum of the lines (debits minus credits), unless {@code total} is given. */
    public static String jw323(String version, String provider, String municipality, String sent, Long total,
                               List<Line> lines) {
        long sum = 0;
        for (Line l : lines) sum += "C".equals(l.debitCredit()) ? -l.cents() : l.cents();
        long t = total == null ? sum : total;
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Bericht xmlns=\"")
                .append(namespace(version, "jw323")).append("\">\n")
                .append(header("490", version, provider, municipality, sent))
                .append("  <Declaratie>\n    <DeclaratieNummer>D").append(Math.abs(lines.hashCode()))
                .append("</DeclaratieNummer>\n    <DeclaratiePeriode><Begindatum>2021-01-01</Begindatum>")
                .append("<Einddatum>2021-01-31</Einddatum></DeclaratiePeriode>\n    <DeclaratieDagtekening>").append(sent)
                .append("</DeclaratieDagtekening>\n    <TotaalIngediendBedrag><Bedrag>").append(Math.abs(t))
                .append("</Bedrag><DebetCredit>").append(t < 0 ? "C" : "D").append("</DebetCredit></TotaalIngediendBedrag>\n")
                .append("    <Clienten>\n");
        List<String> clients = new ArrayList<>();
        for (Line l : lines) if (!clients.contains(l.bsn())) clients.add(l.bsn());
        for (String bsn : clients) {
            s.append("      <Client>\n        <Bsn>").append(bsn).append("</Bsn>\n        <Prestaties>\n");
            for (Line l : lines) {
                if (!l.bsn().equals(bsn)) continue;
                s.append("          <Prestatie>\n            <ProductReferentie><ReferentieNummer>").append(l.reference())
                        .append("</ReferentieNummer>");
                if (!l.previous().isEmpty()) s.append("<VorigReferentieNummer>").append(l.previous()).append("</VorigReferentieNummer>");
                s.append("</ProductReferentie>\n");
                if (!l.allocation().isEmpty()) s.append("            <ToewijzingNummer>").append(l.allocation()).append("</ToewijzingNummer>\n");
                s.append("            <ProductCategorie>").append(l.category()).append("</ProductCategorie>\n")
                        .append("            <ProductCode>").append(l.code()).append("</ProductCode>\n")
                        .append("            <ProductPeriode><Begindatum>").append(l.start()).append("</Begindatum><Einddatum>")
                        .append(l.end()).append("</Einddatum></ProductPeriode>\n")
                        .append("            <GeleverdVolume>").append(l.volume()).append("</GeleverdVolume>\n")
                        .append("            <Eenheid>").append(l.unit()).append("</Eenheid>\n")
                        .append("            <IngediendBedrag><Bedrag>").append(l.cents()).append("</Bedrag><DebetCredit>")
                        .append(l.debitCredit()).append("</DebetCredit></IngediendBedrag>\n          </Prestatie>\n");
            }
            s.append("        </Prestaties>\n      </Client>\n");
        }
        return s.append("    </Clienten>\n  </Declaratie>\n</Bericht>\n").toString();
    }

    /** A client block with the personal data JW301 and JW315 carry, which must never leave ingestion. */
    private static String client(String bsn) {
        return "    <Client>\n      <Bsn>" + bsn + "</Bsn>\n      <Geboortedatum><Datum>2010-05-17</Datum></Geboortedatum>\n"
                + "      <Geslacht>1</Geslacht>\n      <Naam><Geslachtsnaam><Achternaam>Jansen-Geheim</Achternaam></Geslachtsnaam>"
                + "<Voornamen>Pietje</Voornamen></Naam>\n      <Contact><Adres><Straatnaam>Geheimstraat</Straatnaam>"
                + "<Huisnummer>7</Huisnummer><Postcode>2951AA</Postcode><Plaatsnaam>Alblasserdam</Plaatsnaam></Adres></Contact>\n";
    }

    /** A JW301 from a municipality to a provider: allocation number → ReferentieAanbieder ("" when none). */
    public static String jw301(String version, String municipality, String provider, String bsn, String... numberAndReference) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Bericht xmlns=\"")
                .append(namespace(version, "jw301")).append("\">\n")
                .append(header("436", version, municipality, provider, "2020-12-01")).append(client(bsn));
        for (int i = 0; i < numberAndReference.length; i += 2) {
            s.append("      <ToegewezenProduct>\n        <ToewijzingNummer>").append(numberAndReference[i]).append("</ToewijzingNummer>\n");
            if (!numberAndReference[i + 1].isEmpty()) {
                s.append("        <ReferentieAanbieder>").append(numberAndReference[i + 1]).append("</ReferentieAanbieder>\n");
            }
            s.append("        <Product><Categorie>45</Categorie><Code>H300</Code></Product>\n")
                    .append("        <ToewijzingIngangsdatum>2021-01-01</ToewijzingIngangsdatum>\n      </ToegewezenProduct>\n");
        }
        return s.append("    </Client>\n</Bericht>\n").toString();
    }

    /** A JW315 from a provider to a municipality: ReferentieAanbieder → Verwijzer/Type. */
    public static String jw315(String version, String provider, String municipality, String bsn, String reference,
                               String referrer) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Bericht xmlns=\"" + namespace(version, "jw315") + "\">\n"
                + header("446", version, provider, municipality, "2020-11-20") + client(bsn)
                + "      <AangevraagdProduct>\n        <ReferentieAanbieder>" + reference + "</ReferentieAanbieder>\n"
                + "        <Product><Categorie>45</Categorie><Code>H300</Code></Product>\n"
                + "        <Verwijzer><Type>" + referrer + "</Type><Naam>Dokter Geheim</Naam></Verwijzer>\n"
                + "      </AangevraagdProduct>\n    </Client>\n</Bericht>\n";
    }
}
