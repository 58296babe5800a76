package nl.voorkant.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import nl.voorkant.ingest.ClaimColumns;

/**
 * Writes canonical claim lines straight into a byte buffer: ten million lines a minute rules out
 * String.format and per-line Strings. Dates of the calendar table are cached as bytes.
 */
final class ClaimWriter implements AutoCloseable {
    /** The canonical columns up to debit_credit: the sample has no declaration dates. */
    static final String HEADER = String.join(",", ClaimColumns.CANONICAL.subList(0, ClaimColumns.DECLARATION_DATE));

    private static final int DATE_BASE = (int) LocalDate.of(Months.FIRST_YEAR, 1, 1).toEpochDay();
    private static final byte[][] DATES = new byte[(int) LocalDate.of(Months.LAST_YEAR + 1, 1, 1).toEpochDay()
            - DATE_BASE][];

    static {
        for (int i = 0; i < DATES.length; i++) {
            DATES[i] = LocalDate.ofEpochDay(DATE_BASE + i).toString().getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private final byte[] digits = new byte[20];

    ClaimWriter(OutputStream out) throws IOException {
        this(out, HEADER);
    }

    ClaimWriter(OutputStream out, String header) throws IOException {
        this.out = out;
        ascii(header);
        newline();
    }

    ClaimWriter ascii(String s) throws IOException {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buffer[position++] = (byte) s.charAt(i);
        }
        return this;
    }

    ClaimWriter bytes(byte[] b) throws IOException {
        ensure(b.length);
        System.arraycopy(b, 0, buffer, position, b.length);
        position += b.length;
        return this;
    }

    ClaimWriter comma() throws IOException {
        ensure(1);
        buffer[position++] = ',';
        return this;
    }

    void newline() throws IOException {
        ensure(1);
        buffer[position++] = '\n';
    }

    ClaimWriter date(int epochDay) throws IOException {
        return bytes(DATES[epochDay - DATE_BASE]);
    }

    /** A non-negative whole number, zero-padded to at least {@code width} digits. */
    ClaimWriter number(long value, int width) throws IOException {
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        while (n < width) {
            digits[n++] = '0';
        }
        ensure(n);
        while (n > 0) {
            buffer[position++] = digits[--n];
        }
        return this;
    }

    /** Euros with two decimals from non-negative cents. */
    ClaimWriter cents(long cents) throws IOException {
        number(cents / 100, 1);
        ensure(3);
        buffer[position++] = '.';
        buffer[position++] = (byte) ('0' + cents % 100 / 10);
        buffer[position++] = (byte) ('0' + cents % 10);
        return this;
    }

    private void ensure(int n) throws IOException {
        if (position + n > buffer.length) {
            out.write(buffer, 0, position);
            position = 0;
        }
    }

    @Override
    public void close() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
        out.close();
    }
}
