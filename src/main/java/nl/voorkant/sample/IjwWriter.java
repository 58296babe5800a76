package nl.voorkant.sample;

import static nl.voorkant.ingest.ClaimColumns.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rewrites the generator's canonical CSV claims as iJw 3.2 messages: JW323 declarations (one per
 * provider, municipality and month), and the JW315 requests and JW301 allocations that give each line
 * its referrer back. An iJw line lies within one calendar month, so a longer period is split by month,
 * its amount exactly as the flow stage spreads it (by cumulative days, in whole cents) and its volume
 * by days with at least 1 a month (a whole number; only its sign reaches the tables): the tables of
 * the messages equal those of the CSV.
 */
final class IjwWriter {
    private IjwWriter() {}

    static final String VERSION = "3_2";

    /** One month's part of a CSV line. */
    private record Piece(String reference, String previous, String allocation, String bsn, String category,
                         String code, LocalDate start, LocalDate end, long volume, String unit, long cents,
                         String debitCredit) {}

    /** Converts every {@code claims_YYYY.csv} in {@code claimsDir} into messages there, and removes the CSV files. */
    static long convert(Path claimsDir) throws IOException {
        List<Path> csv = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(claimsDir, "claims_[0-9][0-9][0-9][0-9].csv")) {
            s.forEach(csv::add);
        }
        csv.sort(null);
        // (provider, municipality, month) → lines; (municipality, provider, client) → allocation → referrer.
        Map<String, List<Piece>> declarations = new TreeMap<>();
        Map<String, Map<String, String>> allocations = new TreeMap<>();
        Map<String, String> allocationOf = new HashMap<>();
        Map<String, String> debitOf = new HashMap<>();
        for (Path file : csv) {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                r.readLine();
                for (String line; (line = r.readLine()) != null; ) {
                    String[] v = line.split(",", -1);
                    String municipality = v[MUNICIPALITY_CODE].substring(2), provider = v[PROVIDER_CODE];
                    String bsn = v[CLIENT_ID], code = v[PRODUCT_CODE], referrer = v[REFERRER];
                    String client = municipality + "|" + provider + "|" + bsn;
                    String allocation = allocationOf.computeIfAbsent(client + "|" + code + "|" + referrer, k -> {
                        Map<String, String> own = allocations.computeIfAbsent(client, c -> new TreeMap<>());
                        String number = "T" + (allocationOf.size() + 1);
                        own.put(number, referrer);
                        return number;
                    });
                    // A credit repeats the debit it reverses: the latest debit with the same fields.
                    String same = client + "|" + String.join("|", v[PRODUCT_CODE], v[PERIOD_START], v[PERIOD_END],
                            v[VOLUME], v[AMOUNT]);
                    String previous = "";
                    if (v[DEBIT_CREDIT].equals("D")) debitOf.put(same, v[CLAIM_ID]);
                    else previous = debitOf.getOrDefault(same, "");
                    split(v, allocation, previous, declarations, provider, municipality);
                }
            }
        }
        long messages = 0;
        for (Map.Entry<String, List<Piece>> d : declarations.entrySet()) {
            String[] k = d.getKey().split("\\|");
            Path dir = Files.createDirectories(claimsDir.resolve("jw323"));
            Files.writeString(dir.resolve(k[0] + "_GM" + k[1] + "_" + k[2] + ".xml"), jw323(k[0], k[1], k[2], d.getValue()),
                    StandardCharsets.UTF_8);
            messages++;
        }
        int client = 0;
        for (Map.Entry<String, Map<String, String>> a : allocations.entrySet()) {
            String[] k = a.getKey().split("\\|");
            // Numbered, not named by the BSN: file names reach the manifest.
            String name = k[1] + "_GM" + k[0] + "_" + String.format("%06d", ++client) + ".xml";
            Map<String, String> requested = new TreeMap<>();
            a.getValue().forEach((number, referrer) -> {
                if (!referrer.equals("01")) requested.put("A" + number.substring(1), referrer);
            });
            Files.writeString(Files.createDirectories(claimsDir.resolve("jw301")).resolve(name),
                    jw301(k[0], k[1], k[2], client, a.getValue()), StandardCharsets.UTF_8);
            messages++;
            if (!requested.isEmpty()) {
                Files.writeString(Files.createDirectories(claimsDir.resolve("jw315")).resolve(name),
                        jw315(k[0], k[1], k[2], client, requested), StandardCharsets.UTF_8);
                messages++;
            }
        }
        for (Path p : csv) Files.delete(p);
        return messages;
    }

    /** A CSV line's parts per calendar month, each into its month's declaration. */
    private static void split(String[] v, String allocation, String previous, Map<String, List<Piece>> declarations,
                              String provider, String municipality) {
        LocalDate start = LocalDate.parse(v[PERIOD_START]), end = LocalDate.parse(v[PERIOD_END]);
        long cents = Math.round(Double.parseDouble(v[AMOUNT]) * 100);
        long volume = Math.round(Double.parseDouble(v[VOLUME]));
        long days = end.toEpochDay() - start.toEpochDay() + 1;
        int part = 0;
        long daysBefore = 0;
        for (LocalDate from = start; !from.isAfter(end); part++) {
            LocalDate monthEnd = YearMonth.from(from).atEndOfMonth();
            LocalDate to = monthEnd.isBefore(end) ? monthEnd : end;
            long d = to.toEpochDay() - from.toEpochDay() + 1;
            long pieceCents = Math.floorDiv(cents * (daysBefore + d), days) - Math.floorDiv(cents * daysBefore, days);
            long pieceVolume = Math.max(1, Math.round((double) volume * d / days));
            boolean whole = from.equals(start) && to.equals(end);
            String suffix = whole ? "" : "-" + (part + 1);
            declarations.computeIfAbsent(provider + "|" + municipality + "|" + YearMonth.from(from), x -> new ArrayList<>())
                    .add(new Piece(v[CLAIM_ID] + suffix, previous.isEmpty() ? "" : previous + suffix, allocation,
                            v[CLIENT_ID], v[PRODUCT_CATEGORY], v[PRODUCT_CODE], from, to, pieceVolume, v[UNIT], pieceCents,
                            v[DEBIT_CREDIT]));
            daysBefore += d;
            from = to.plusDays(1);
        }
    }

    private static String header(String code, String sender, String receiver, String id, LocalDate sent) {
        return "  <Header>\n    <BerichtCode>" + code + "</BerichtCode>\n    <BerichtVersie>3</BerichtVersie>\n"
                + "    <BerichtSubversie>2</BerichtSubversie>\n    <Afzender>" + sender + "</Afzender>\n    <Ontvanger>"
                + receiver + "</Ontvanger>\n    <BerichtIdentificatie>\n      <Identificatie>" + id
                + "</Identificatie>\n      <Dagtekening>" + sent + "</Dagtekening>\n    </BerichtIdentificatie>\n  </Header>\n";
    }

    private static String open(String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Bericht xmlns=\"http://www.istandaarden.nl/ijw/" + VERSION + "/"
                + message + "/schema\">\n";
    }

    private static String jw323(String provider, String municipality, String month, List<Piece> lines) {
        YearMonth ym = YearMonth.parse(month);
        // Sent on the tenth of the next month: the day the late-claims analysis reads.
        LocalDate sent = ym.plusMonths(1).atDay(10);
        long total = 0;
        for (Piece p : lines) total += p.debitCredit().equals("C") ? -p.cents() : p.cents();
        String id = "D" + month.replace("-", "") + municipality;
        StringBuilder s = new StringBuilder(open("jw323")).append(header("490", provider, municipality, id, sent))
                .append("  <Declaratie>\n    <DeclaratieNummer>").append(id).append("</DeclaratieNummer>\n")
                .append("    <DeclaratiePeriode><Begindatum>").append(ym.atDay(1)).append("</Begindatum><Einddatum>")
                .append(ym.atEndOfMonth()).append("</Einddatum></DeclaratiePeriode>\n")
                .append("    <DeclaratieDagtekening>").append(sent).append("</DeclaratieDagtekening>\n")
                .append("    <TotaalIngediendBedrag><Bedrag>").append(Math.abs(total)).append("</Bedrag><DebetCredit>")
                .append(total < 0 ? "C" : "D").append("</DebetCredit></TotaalIngediendBedrag>\n    <Clienten>\n");
        Map<String, List<Piece>> byClient = new TreeMap<>();
        for (Piece p : lines) byClient.computeIfAbsent(p.bsn(), b -> new ArrayList<>()).add(p);
        byClient.forEach((bsn, pieces) -> {
            s.append("      <Client>\n        <Bsn>").append(bsn).append("</Bsn>\n        <Prestaties>\n");
            for (Piece p : pieces) {
                s.append("          <Prestatie>\n            <ProductReferentie><ReferentieNummer>").append(p.reference())
                        .append("</ReferentieNummer>");
                if (!p.previous().isEmpty()) s.append("<VorigReferentieNummer>").append(p.previous()).append("</VorigReferentieNummer>");
                s.append("</ProductReferentie>\n            <ToewijzingNummer>").append(p.allocation()).append("</ToewijzingNummer>\n")
                        .append("            <ProductCategorie>").append(p.category()).append("</ProductCategorie>\n")
                        .append("            <ProductCode>").append(p.code()).append("</ProductCode>\n")
                        .append("            <ProductPeriode><Begindatum>").append(p.start()).append("</Begindatum><Einddatum>")
                        .append(p.end()).append("</Einddatum></ProductPeriode>\n")
                        .append("            <GeleverdVolume>").append(p.volume()).append("</GeleverdVolume>\n")
                        .append("            <Eenheid>").append(p.unit()).append("</Eenheid>\n")
                        .append("            <IngediendBedrag><Bedrag>").append(p.cents()).append("</Bedrag><DebetCredit>")
                        .append(p.debitCredit()).append("</DebetCredit></IngediendBedrag>\n          </Prestatie>\n");
            }
            s.append("        </Prestaties>\n      </Client>\n");
        });
        return s.append("    </Clienten>\n  </Declaratie>\n</Bericht>\n").toString();
    }

    private static String jw301(String municipality, String provider, String bsn, int client, Map<String, String> allocations) {
        StringBuilder s = new StringBuilder(open("jw301"))
                .append(header("436", municipality, provider, "W" + municipality + client, LocalDate.of(2015, 12, 1)))
                .append("  <Client>\n    <Bsn>").append(bsn).append("</Bsn>\n");
        allocations.forEach((number, referrer) -> {
            s.append("    <ToegewezenProduct>\n      <ToewijzingNummer>").append(number).append("</ToewijzingNummer>\n");
            if (!referrer.equals("01")) {
                s.append("      <ReferentieAanbieder>A").append(number.substring(1)).append("</ReferentieAanbieder>\n");
            }
            s.append("    </ToegewezenProduct>\n");
        });
        return s.append("  </Client>\n</Bericht>\n").toString();
    }

    private static String jw315(String municipality, String provider, String bsn, int client, Map<String, String> requests) {
        StringBuilder s = new StringBuilder(open("jw315"))
                .append(header("446", provider, municipality, "V" + municipality + client, LocalDate.of(2015, 11, 20)))
                .append("  <Client>\n    <Bsn>").append(bsn).append("</Bsn>\n");
        requests.forEach((reference, referrer) -> s.append("    <AangevraagdProduct>\n      <ReferentieAanbieder>")
                .append(reference).append("</ReferentieAanbieder>\n      <Verwijzer><Type>").append(referrer)
                .append("</Type></Verwijzer>\n    </AangevraagdProduct>\n"));
        return s.append("  </Client>\n</Bericht>\n").toString();
    }
}
