package nl.voorkant.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import nl.voorkant.core.Folders;
import nl.voorkant.core.StoragePath;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

/**
 * A claims CSV file as text: plain or gzip, UTF-8 (with or without byte order mark) or UTF-16 (with
 * one, as Excel's "Unicode text" writes it). Anything else would parse into rows of NUL characters,
 * so a first line holding NUL is refused.
 */
final class CsvFile {
    private CsvFile() {}

    /** The header line and the encoding of a file. */
    record Head(String header, Charset charset) {
        boolean utf8() {
            return charset.equals(StandardCharsets.UTF_8);
        }
    }

    static Head head(StoragePath file) {
        try (InputStream in = open(file)) {
            Charset charset = charset(in);
            String line = new BufferedReader(new InputStreamReader(in, charset)).readLine();
            if (line == null) throw new InputError(file + ": empty file, expected a header line");
            if (line.indexOf('\0') >= 0) {
                throw new InputError(file + ": not UTF-8 or UTF-16 text (NUL characters in the first line; "
                        + "UTF-16 needs its byte order mark); save it as UTF-8 CSV");
            }
            return new Head(line, charset);
        } catch (IOException e) {
            throw new InputError("cannot read " + file + ": " + Folders.reason(e));
        }
    }

    /** The encoding a byte order mark names, UTF-8 without one; {@code in} is left at its start. */
    private static Charset charset(InputStream in) throws IOException {
        in.mark(2);
        int a = in.read(), b = in.read();
        in.reset();
        // Java's UTF-16 decoder reads the mark itself, in either byte order.
        return a == 0xFE && b == 0xFF || a == 0xFF && b == 0xFE ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8;
    }

    /** The file's bytes, decompressed when it is gzip, with mark/reset. */
    private static InputStream open(StoragePath file) throws IOException {
        InputStream raw = file.open();
        try {
            boolean gzip = file.name().toLowerCase(Locale.ROOT).endsWith(".gz");
            return new BufferedInputStream(gzip ? new GZIPInputStream(raw, 1 << 16) : raw, 1 << 16);
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    /** Every physical line of a file, in order, read by one task; a read failure is an {@link UncheckedIOException}. */
    static final class Lines implements Iterator<String>, Closeable {
        private final BufferedReader reader;
        private String next;

        Lines(StoragePath file, Charset charset) {
            try {
                reader = new BufferedReader(new InputStreamReader(open(file), charset), 1 << 16);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean hasNext() {
            if (next != null) return true;
            try {
                next = reader.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return next != null;
        }

        @Override
        public String next() {
            if (!hasNext()) throw new NoSuchElementException();
            String line = next;
            next = null;
            return line;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
