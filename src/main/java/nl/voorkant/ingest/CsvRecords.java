package nl.voorkant.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The records of a run of physical lines: RFC 4180 lets a quoted field hold line breaks, so a line
 * that leaves a quote open continues on the next ones. A record keeps the number of its first line.
 *
 * <p>A join is kept only when it closes its quote within {@link #MAX_LINES} lines and then has the
 * file's number of fields. Otherwise the opening line alone is the record (a malformed row, unclosed
 * quote) and the lines after it are read again as records of their own: a stray quote costs one row,
 * not every row up to the next quote. When the lines run out inside an open quote, {@link #endedOpen()}
 * says so: in a file split over partitions the record may go on in the next one.
 */
final class CsvRecords {
    /** The most physical lines one record may span. */
    static final int MAX_LINES = 100;

    private final Iterator<String> lines;
    private final char separator;
    private final int fieldCount;
    /** Lines read from {@code lines} but handed back, to be taken again, in order. */
    private final ArrayDeque<String> pending = new ArrayDeque<>();
    private long read;
    private long firstLine = -1;
    private List<String> fields;
    private boolean endedOpen;

    CsvRecords(Iterator<String> lines, char separator, int fieldCount) {
        this.lines = lines;
        this.separator = separator;
        this.fieldCount = fieldCount;
    }

    /**
     * Moves to the next record, skipping blank lines; false at the end. Its fields are {@link #fields()}
     * and its first line {@link #firstLine()}.
     */
    boolean advance() {
        while (true) {
            String line = take();
            if (line == null) return false;
            if (line.isBlank()) continue;
            firstLine = consumed() - 1;
            fields = ClaimParser.splitLine(line, separator);
            if (fields == null) fields = continued(line);
            return true;
        }
    }

    /** The record's fields as {@link ClaimParser#splitLine} gives them; null for an unclosed quote. */
    List<String> fields() {
        return fields;
    }

    /** The 0-based index, among the lines given, of the current record's first line. */
    long firstLine() {
        return firstLine;
    }

    /** The physical lines read so far; all of them once {@link #advance} returned false. */
    long linesRead() {
        return consumed();
    }

    /** Whether the lines ran out while a record's quote was open. */
    boolean endedOpen() {
        return endedOpen;
    }

    /**
     * The fields of {@code first} and the lines that complete its open quote, or null when they do not:
     * the quote must close, strictly (nothing but a separator after it), into the file's number of fields.
     */
    private List<String> continued(String first) {
        StringBuilder record = new StringBuilder(first);
        List<String> taken = new ArrayList<>();
        List<String> joined = null;
        while (taken.size() < MAX_LINES - 1) {
            String more = take();
            if (more == null) {
                endedOpen = true;
                break;
            }
            taken.add(more);
            record.append('\n').append(more);
            if (more.indexOf('"') < 0) continue; // only a quote can close the field
            if (ClaimParser.splitLine(record.toString(), separator) != null) {
                joined = ClaimParser.splitLine(record.toString(), separator, true);
                break;
            }
        }
        if (joined != null && joined.size() == fieldCount) return joined;
        for (int i = taken.size() - 1; i >= 0; i--) pending.addFirst(taken.get(i));
        return null;
    }

    private String take() {
        if (!pending.isEmpty()) return pending.pollFirst();
        if (!lines.hasNext()) return null;
        read++;
        return lines.next();
    }

    private long consumed() {
        return read - pending.size();
    }
}
