package nl.voorkant.ingest;

import java.io.IOException;
import java.io.InputStream;
import nl.voorkant.core.StoragePath;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads iJw messages (JW323 declarations, JW301 allocations, JW315 requests) with a streaming StAX
 * reader, by local name: the namespace carries the version ({@code .../ijw/3_2/jw323/schema}), and
 * 3.0 and 3.2 name their elements alike. Only the elements voorkant needs are kept: the names,
 * addresses and birth dates of JW301 and JW315 are read past and never held.
 */
public final class IjwMessages {
    private IjwMessages() {}

    /** The messages read, with their BerichtCode. */
    public enum Kind {
        JW323("490"), JW301("436"), JW315("446");

        final String code;

        Kind(String code) {
            this.code = code;
        }

        static Kind ofCode(String code) {
            for (Kind k : values()) if (k.code.equals(code)) return k;
            return null;
        }
    }

    /** What a file is: an iJw message of a kind and version, or {@code problem} says why it is not read. */
    public record Sniffed(Kind kind, String version, String problem) {}

    /** One Prestatie: its place in the message (1-based) and its elements by path below Prestatie. */
    public record Prestatie(int position, String bsn, Map<String, String> fields) {
        String get(String... paths) {
            for (String p : paths) {
                String v = fields.get(p);
                if (v != null) return v;
            }
            return "";
        }
    }

    /** A JW323 message: header, declaration and lines. */
    public record Declaration(String provider, String municipality, String declarationDate,
                              String totalAmount, String totalDebitCredit, List<Prestatie> lines) {}

    /** A JW301 ToegewezenProduct, or a JW315 AangevraagdProduct ({@code referrer} its Verwijzer/Type). */
    public record Product(String municipality, String provider, String allocationNumber, String providerReference,
                          String referrer) {}

    /** A file that is not a readable iJw message; {@code lines} counts the Prestatie elements begun in it. */
    public static final class Unreadable extends Exception {
        final long lines;

        Unreadable(String reason, long lines) {
            super(reason, null, false, false);
            this.lines = lines;
        }
    }

    private static final Pattern NAMESPACE = Pattern.compile("/ijw/(\\d+)_(\\d+)/(jw\\d{3})/", Pattern.CASE_INSENSITIVE);

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        // A message is data from outside: no DTDs, no external entities.
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /**
     * The kind and version of a message from its root element's namespace, or, without an iJw
     * namespace, from the header's BerichtCode, BerichtVersie and BerichtSubversie. Reads only as far
     * as it must.
     */
    public static Sniffed sniff(StoragePath file) {
        try (InputStream in = file.open()) {
            XMLStreamReader r = factory().createXMLStreamReader(in);
            try {
                while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) { /* prolog */ }
                if (!r.isStartElement()) return new Sniffed(null, null, "no root element");
                if (!r.getLocalName().equals("Bericht")) {
                    return new Sniffed(null, null, "not an iJw message (root element " + r.getLocalName() + ")");
                }
                String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
                Matcher m = NAMESPACE.matcher(ns);
                if (m.find()) return sniffed(m.group(3).toUpperCase(java.util.Locale.ROOT), m.group(1) + "." + m.group(2));
                Map<String, String> header = new HashMap<>();
                Deque<String> path = new ArrayDeque<>();
                StringBuilder text = new StringBuilder();
                while (r.hasNext()) {
                    int e = r.next();
                    if (e == XMLStreamConstants.START_ELEMENT) {
                        path.push(r.getLocalName());
                        text.setLength(0);
                    } else if (e == XMLStreamConstants.CHARACTERS) {
                        text.append(r.getText());
                    } else if (e == XMLStreamConstants.END_ELEMENT) {
                        String name = path.pop();
                        if (name.equals("Header")) break;
                        header.putIfAbsent(name, text.toString().strip());
                        text.setLength(0);
                    }
                }
                Kind kind = Kind.ofCode(header.getOrDefault("BerichtCode", ""));
                if (kind == null) return new Sniffed(null, null, "not a JW323, JW301 or JW315 message (no iJw namespace or BerichtCode)");
                String version = header.containsKey("BerichtVersie")
                        ? header.get("BerichtVersie") + "." + header.getOrDefault("BerichtSubversie", "0") : "unknown";
                return sniffed(kind.name(), version);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            return new Sniffed(null, null, notWellFormed(e));
        } catch (IOException e) {
            throw new InputError("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static Sniffed sniffed(String message, String version) {
        Kind kind;
        try {
            kind = Kind.valueOf(message);
        } catch (IllegalArgumentException e) {
            return new Sniffed(null, version, "an iJw " + message + " message, not one voorkant reads (JW323, JW301, JW315)");
        }
        if (!version.startsWith("3.") && !version.equals("unknown")) {
            return new Sniffed(null, version, "iJw " + version + " is not read (iJw 3.x only)");
        }
        return new Sniffed(kind, version, null);
    }

    /** Where the XML broke, without the parser's message (it may quote the file's text). */
    private static String notWellFormed(XMLStreamException e) {
        return "not well-formed XML" + (e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + ")");
    }

    /** A JW323 message, whole: every Prestatie with the Bsn of its Client. */
    public static Declaration declaration(StoragePath file) throws Unreadable {
        List<Prestatie> lines = new ArrayList<>();
        Map<String, String> outside = walk(file, "Prestatie", (bsn, position, fields) ->
                lines.add(new Prestatie(position, bsn, fields)));
        String date = outside.getOrDefault("DeclaratieDagtekening", outside.getOrDefault("Dagtekening", ""));
        return new Declaration(outside.getOrDefault("Afzender", ""), outside.getOrDefault("Ontvanger", ""), date,
                outside.get("TotaalIngediendBedrag/Bedrag"), outside.getOrDefault("TotaalIngediendBedrag/DebetCredit", "D"),
                lines);
    }

    /**
     * The products of a JW301 (ToegewezenProduct: the municipality sends) or JW315 (AangevraagdProduct:
     * the provider sends) message.
     */
    public static List<Product> products(StoragePath file, Kind kind) throws Unreadable {
        boolean allocation = kind == Kind.JW301;
        List<Product> out = new ArrayList<>();
        List<Prestatie> raw = new ArrayList<>();
        Map<String, String> header = walk(file, allocation ? "ToegewezenProduct" : "AangevraagdProduct",
                (bsn, position, fields) -> raw.add(new Prestatie(position, null, fields)));
        String sender = header.getOrDefault("Afzender", ""), receiver = header.getOrDefault("Ontvanger", "");
        for (Prestatie p : raw) {
            out.add(new Product(allocation ? sender : receiver, allocation ? receiver : sender,
                    p.get("ToewijzingNummer"), p.get("ReferentieAanbieder"),
                    // A Verwijzer outside the product (once for the client) holds for each of its products.
                    p.fields().getOrDefault("Verwijzer/Type", header.getOrDefault("Verwijzer/Type", ""))));
        }
        return out;
    }

    private interface RecordSink {
        void accept(String bsn, int position, Map<String, String> fields);
    }

    /** The elements of interest outside the records, as "Name" and "Parent/Name"; their first occurrence wins. */
    private static final List<String> OUTSIDE = List.of("Afzender", "Ontvanger", "DeclaratieDagtekening", "Dagtekening",
            "TotaalIngediendBedrag/Bedrag", "TotaalIngediendBedrag/DebetCredit", "Verwijzer/Type");

    /**
     * Streams a message: each {@code record} element's leaf elements go to {@code sink} by their path
     * below it ("ProductPeriode/Begindatum"), with the Bsn of the enclosing Client; of the rest only
     * {@link #OUTSIDE} is kept. Names, addresses and birth dates are never kept.
     */
    private static Map<String, String> walk(StoragePath file, String record, RecordSink sink) throws Unreadable {
        Map<String, String> outside = new HashMap<>();
        long begun = 0;
        try (InputStream in = file.open()) {
            XMLStreamReader r = factory().createXMLStreamReader(in);
            try {
                List<String> path = new ArrayList<>();
                StringBuilder text = new StringBuilder();
                Map<String, String> fields = null;
                int recordDepth = -1;
                String bsn = "";
                boolean leaf = false;
                int position = 0;
                while (r.hasNext()) {
                    int e = r.next();
                    if (e == XMLStreamConstants.START_ELEMENT) {
                        path.add(r.getLocalName());
                        text.setLength(0);
                        leaf = true;
                        if (fields == null && r.getLocalName().equals(record)) {
                            fields = new HashMap<>();
                            recordDepth = path.size();
                            begun++;
                        }
                    } else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
                        if (leaf) text.append(r.getText());
                    } else if (e == XMLStreamConstants.END_ELEMENT) {
                        int depth = path.size();
                        String name = path.get(depth - 1);
                        String parent = depth > 1 ? path.get(depth - 2) : "";
                        if (fields != null && depth == recordDepth) {
                            sink.accept(bsn, ++position, fields);
                            fields = null;
                        } else if (leaf && fields != null) {
                            fields.put(String.join("/", path.subList(recordDepth, depth)), text.toString().strip());
                        } else if (leaf && name.equals("Bsn") && parent.equals("Client")) {
                            bsn = text.toString().strip();
                        } else if (leaf) {
                            String inParent = parent + "/" + name;
                            if (OUTSIDE.contains(inParent)) outside.putIfAbsent(inParent, text.toString().strip());
                            else if (OUTSIDE.contains(name)) outside.putIfAbsent(name, text.toString().strip());
                        }
                        if (name.equals("Client")) bsn = "";
                        path.remove(depth - 1);
                        leaf = false;
                        text.setLength(0);
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new Unreadable(notWellFormed(e), begun);
        } catch (IOException e) {
            throw new InputError("cannot read " + file + ": " + e.getMessage());
        }
        return outside;
    }
}
