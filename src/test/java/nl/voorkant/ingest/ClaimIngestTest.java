package nl.voorkant.ingest;

import nl.voorkant.core.StoragePath;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nl.voorkant.testing.DefectFile;
import nl.voorkant.testing.SharedSpark;
import nl.voorkant.testing.TestReference;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimIngestTest {
    final ClaimParser parser = new ClaimParser(TestReference.small(), LocalDate.of(2015, 1, 1), LocalDate.of(2025, 12, 31),
            ClaimParserTest.KEY);
    final ParsedCache cache = ParsedCache.temporary(StoragePath.of(Path.of(System.getProperty("java.io.tmpdir"))));

    @AfterEach
    void removeCache() {
        cache.close();
    }

    Path write(Path dir, String name, List<String> lines) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void everyDefectIsQuarantinedWithItsReasonAndLineAndTheAmountsReconcile(@TempDir Path dir) throws IOException {
        write(dir, "claims.csv", DefectFile.LINES);
        ClaimIngest.Result r = ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(dir)), parser, cache);
        IngestSummary s = r.summary();
        assertEquals(16, s.rowsRead(), "17 lines after the header, one of them blank");
        assertEquals(2, s.rowsAccepted());
        assertEquals(14, s.rowsRejected());
        for (ClaimParser.Reason reason : ClaimParser.Reason.values()) {
            assertEquals(1L, s.rejectsByReason().get(reason.code()), reason.code());
        }
        // read: 100.00 + 1.01..1.12 without the unreadable 'abc' (11 amounts) + 200.00; the malformed row has none
        long rejectedCents = 101 + 102 + 103 + 104 + 105 + 106 + 107 + 108 + 109 + 110 + 111 + 112;
        assertEquals(10000 + 20000, s.amountAcceptedCents());
        assertEquals(rejectedCents, s.amountRejectedCents());
        assertEquals(30000 + rejectedCents, s.amountReadCents());
        assertEquals(10000 - 20000, s.amountAcceptedNetCents(), "the credit subtracts");
        assertTrue(s.reconciles());

        List<Row> rejects = r.rejects().orderBy("line").collectAsList();
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L),
                rejects.stream().map(x -> x.<Long>getAs("line")).toList());
        assertEquals("malformed_row", rejects.get(0).getAs("reason"));
        assertEquals("duplicate_claim_id", rejects.get(13).getAs("reason"));
        assertEquals("claims.csv", rejects.get(13).getAs("source_file"));
        assertEquals("1.12", rejects.get(13).getAs("amount"));
        assertEquals(Pseudonymiser.hex(ClaimParserTest.KEY.pseudonym("555555550")), rejects.get(13).getAs("client_id"));
        assertEquals(List.of("ok1", "ok2"), r.accepted().orderBy("claim_id").collectAsList().stream()
                .map(x -> x.<String>getAs("claim_id")).toList());
    }

    @Test
    void lineNumbersStayExactWhenAFileIsSplitOverManyPartitions(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(DefectFile.HEADER);
        for (int i = 2; i <= 3001; i++) {
            boolean bad = i % 997 == 0;
            lines.add("k" + i + ",123456782,,GM0482,45," + (bad ? "ZZ" : "H300") + ",1,01,2019-01-01,2019-01-31,1,04,1.00,D");
        }
        write(dir, "big.csv", lines);
        var conf = SharedSpark.session().sparkContext().hadoopConfiguration();
        String key = "mapreduce.input.fileinputformat.split.maxsize";
        String before = conf.get(key);
        conf.set(key, "8192");
        try {
            ClaimIngest.Result r = ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(dir)), parser, cache);
            int splits = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext())
                    .newAPIHadoopFile(dir.resolve("big.csv").toString(), org.apache.hadoop.mapreduce.lib.input.TextInputFormat.class,
                            org.apache.hadoop.io.LongWritable.class, org.apache.hadoop.io.Text.class, conf).getNumPartitions();
            assertTrue(splits > 10, "the file must really be split, got " + splits);
            assertEquals(List.of(997L, 1994L, 2991L), r.rejects().orderBy("line").collectAsList().stream()
                    .map(x -> x.<Long>getAs("line")).toList());
            assertEquals(3000, r.summary().rowsRead());
        } finally {
            if (before == null) conf.unset(key); else conf.set(key, before);
        }
    }

    /** A claim line of the canonical layout with a free-text {@code note} column after it. */
    static String noted(String claimId, String product, String amount, String note) {
        return claimId + ",111111110,,GM0482,45," + product + ",1,01,2019-01-01,2019-01-31,1,04," + amount + ",D," + note;
    }

    @Test
    void aQuotedLineBreakIsOneRecordNumberedByItsFirstLine(@TempDir Path dir) throws IOException {
        write(dir, "notes.csv", List.of(DefectFile.HEADER + ",note",
                noted("m1", "H300", "10.00", "\"first"),       // 2
                "second line\"",                                // 3
                noted("m2", "ZZ", "2.00", "plain"),              // 4 unknown product
                noted("m3", "H300", "3.00", "\"a"),            // 5
                "",                                              // 6 inside the quotes
                "b, with a comma\"",                            // 7
                noted("m4", "ZZ", "4.00", "x")));                // 8 unknown product
        ClaimIngest.Result r = ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(dir)), parser, cache);
        assertEquals(4, r.summary().rowsRead(), "rows are records, not lines");
        assertEquals(2, r.summary().rowsAccepted());
        assertEquals(1000 + 300, r.summary().amountAcceptedCents(), "the amounts of the records with a line break count");
        assertEquals(200 + 400, r.summary().amountRejectedCents());
        assertTrue(r.summary().reconciles());
        assertEquals(List.of(4L, 8L), r.rejects().orderBy("line").collectAsList().stream()
                .map(x -> x.<Long>getAs("line")).toList(), "a later record keeps its physical line");
    }

    @Test
    void recordsWithLineBreaksAcrossSplitPartitionsAreReadOnceWithExactLineNumbers(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(DefectFile.HEADER + ",note");
        List<Long> badLines = new ArrayList<>();
        List<long[]> multiLineBytes = new ArrayList<>(); // first and last byte of each record with a line break
        long bytes = lines.get(0).length() + 1;
        long cents = 0;
        for (int i = 1; i <= 3000; i++) {
            boolean bad = i % 997 == 0;
            if (bad) badLines.add((long) lines.size() + 1);
            String amount = (i % 100) + ".00";
            if (!bad) cents += (i % 100) * 100L;
            String product = bad ? "ZZ" : "H300";
            long start = bytes;
            if (i % 7 == 0) {
                lines.add(noted("k" + i, product, amount, "\"a note"));
                lines.add("over two lines\"");
            } else {
                lines.add(noted("k" + i, product, amount, "none"));
            }
            int added = i % 7 == 0 ? 2 : 1;
            for (String l : lines.subList(lines.size() - added, lines.size())) bytes += l.length() + 1;
            if (added == 2) multiLineBytes.add(new long[] {start, bytes - 1});
        }
        write(dir, "big.csv", lines);
        long split = 8192;
        assertTrue(multiLineBytes.stream().anyMatch(b -> b[0] / split != b[1] / split),
                "some record with a line break must span two splits");
        var conf = SharedSpark.session().sparkContext().hadoopConfiguration();
        String key = "mapreduce.input.fileinputformat.split.maxsize";
        String before = conf.get(key);
        conf.set(key, Long.toString(split));
        try {
            ClaimIngest.Result r = ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(dir)), parser, cache);
            assertEquals(3000, r.summary().rowsRead(), "every record read once");
            assertEquals(2997, r.summary().rowsAccepted());
            assertEquals(cents, r.summary().amountAcceptedCents());
            assertEquals(badLines, r.rejects().orderBy("line").collectAsList().stream()
                    .map(x -> x.<Long>getAs("line")).toList());
        } finally {
            if (before == null) conf.unset(key); else conf.set(key, before);
        }
    }

    @Test
    void aDecimalPointInASemicolonFileIsAnInvalidNumberAndTheAmountsReconcile(@TempDir Path dir) throws IOException {
        write(dir, "export.csv", List.of(DefectFile.HEADER.replace(',', ';'),
                "p1;111111110;;GM0482;45;H300;1;01;2019-01-01;2019-01-31;1;04;348.90;D",
                "p2;111111110;;GM0482;45;H300;1;01;2019-01-01;2019-01-31;1;04;1.234,56;D",
                "p3;111111110;;GM0482;45;H300;1;01;2019-01-01;2019-01-31;1.5;04;10,00;D"));
        IngestSummary s = ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(dir)), parser, cache).summary();
        assertEquals(1, s.rowsAccepted(), "only 1.234,56 is a number in a ';' file");
        assertEquals(2, s.rejectsByReason().get("invalid_number"), "348.90 and the volume 1.5");
        assertEquals(123456, s.amountAcceptedCents(), "not 34,890.00 + 1,234.56");
        assertEquals(123456 + 1000, s.amountReadCents(), "348.90 cannot be read: it counts as zero");
        assertTrue(s.reconciles());
    }

    @Test
    void bsnShapedNumbersOfRejectedRowsReachNeitherTheRejectsNorTheCache(@TempDir Path dir, @TempDir Path cacheDir)
            throws IOException {
        write(dir, "claims.csv", List.of(DefectFile.HEADER,
                "123456782,222222220,,GM0482,45,ZZ,1,01,2019-01-01,2019-01-31,1,04,1.00,D",         // unknown product
                "111222333,222222220,,GM0482,45,H300,10000008,01,2019-01-01,2019-01-31,1,04,2.00,D",  // accepted
                "111222333,222222220,,GM0482,45,H300,10000008,01,2019-02-01,2019-02-28,1,04,3.00,D")); // its duplicate
        List<Row> rejects;
        try (ParsedCache lasting = ParsedCache.at(StoragePath.of(cacheDir))) {
            rejects = ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(dir)), parser, lasting)
                    .rejects().orderBy("line").collectAsList();
        }
        assertEquals(List.of("unknown_product", "duplicate_claim_id"), rejects.stream().map(x -> x.<String>getAs("reason")).toList());
        assertEquals(Pseudonymiser.hex(ClaimParserTest.KEY.pseudonym("123456782")), rejects.get(0).getAs("claim_id"));
        assertEquals(Pseudonymiser.hex(ClaimParserTest.KEY.pseudonym("111222333")), rejects.get(1).getAs("claim_id"));
        assertEquals(Pseudonymiser.hex(ClaimParserTest.KEY.pseudonym("10000008")), rejects.get(1).getAs("provider_code"));
        String written = rejects.toString();
        for (String bsn : List.of("123456782", "111222333", "10000008", "222222220")) {
            assertFalse(written.contains(bsn), bsn + " in the rejects (detail included): " + written);
        }
        Path entry;
        try (Stream<Path> s = Files.list(cacheDir)) {
            entry = s.findFirst().orElseThrow();
        }
        String cachedRejects = SharedSpark.session().read().parquet(entry.toString()).filter("reject_reason is not null")
                .selectExpr("concat_ws('|', claim_id, provider_code, array_join(raw, '|'), reject_detail)")
                .collectAsList().toString();
        assertFalse(cachedRejects.contains("123456782"), "the cache's reject rows: " + cachedRejects);
    }

    @Test
    void aUtf16FileIsReadLikeItsUtf8Copy(@TempDir Path dir) throws IOException {
        Path utf8 = dir.resolve("utf8");
        Files.createDirectories(utf8);
        write(utf8, "claims.csv", DefectFile.LINES);
        IngestSummary expected = ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(utf8)), parser, cache)
                .summary();
        for (String charset : List.of("UTF-16LE", "UTF-16BE")) {
            Path d = dir.resolve(charset);
            Files.createDirectories(d);
            // As Excel's "Unicode text" writes it: a byte order mark and CRLF.
            Files.write(d.resolve("claims.csv"), ("\uFEFF" + String.join("\r\n", DefectFile.LINES) + "\r\n")
                    .getBytes(java.nio.charset.Charset.forName(charset)));
            ClaimIngest.Result r = ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(d)), parser, cache);
            assertEquals(expected, r.summary(), charset);
            assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L),
                    r.rejects().orderBy("line").collectAsList().stream().map(x -> x.<Long>getAs("line")).toList(), charset);
        }
        Files.write(utf8.resolve("claims.csv"), String.join("\n", DefectFile.LINES).getBytes(StandardCharsets.UTF_16LE));
        InputError e = assertThrows(InputError.class,
                () -> ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(utf8)), parser, cache));
        assertTrue(e.getMessage().contains("claims.csv: not UTF-8 or UTF-16 text"), e.getMessage());
    }

    @Test
    void aTruncatedGzipStopsTheRunWithOneLineNamingItAndSparkLogsNothing(@TempDir Path dir, @TempDir Path cacheDir)
            throws IOException {
        List<String> lines = new ArrayList<>(List.of(DefectFile.HEADER));
        for (int i = 0; i < 20_000; i++) lines.add("k" + i + ",123456782,,GM0482,45,H300,1,01,2019-01-01,2019-01-31,1,04,1.00,D");
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = gz.toByteArray();
        Files.write(dir.resolve("claims_2019.csv.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
        write(dir, "claims_2020.csv", DefectFile.LINES); // parsed at the same time, and finishes
        InputError e;
        try (LogCapture log = new LogCapture(); ParsedCache lasting = ParsedCache.at(StoragePath.of(cacheDir))) {
            e = assertThrows(InputError.class,
                    () -> ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(dir)), parser, lasting));
            assertEquals(List.of(), log.events(), "Spark logged the failure");
        }
        assertTrue(e.getMessage().contains("claims_2019.csv.gz: cannot be read to its end, the file is damaged or truncated"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
        try (Stream<Path> s = Files.list(cacheDir)) {
            assertEquals(List.of(), s.filter(p -> !Files.isRegularFile(p.resolve("_entry.properties"))).toList(),
                    "the partial parse is removed, the finished file's entry committed");
        }
    }

    @Test
    void aDamagedParquetFileIsAnInputErrorNamingIt(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("claims.parquet"), "PAR1 these are not the bytes of a Parquet file PAR1".getBytes(
                StandardCharsets.US_ASCII));
        try (LogCapture log = new LogCapture()) {
            InputError e = assertThrows(InputError.class,
                    () -> ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(dir)), parser, cache));
            assertTrue(e.getMessage().contains("claims.parquet: not a readable Parquet file"), e.getMessage());
            assertEquals(List.of(), log.events(), "Spark logged the failure");
        }
    }

    /** The warnings and errors logged while it is open, as "LEVEL logger: message". */
    static final class LogCapture implements AutoCloseable {
        private final List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        private final org.apache.logging.log4j.core.LoggerContext context =
                (org.apache.logging.log4j.core.LoggerContext) org.apache.logging.log4j.LogManager.getContext(false);
        private final org.apache.logging.log4j.core.appender.AbstractAppender appender =
                new org.apache.logging.log4j.core.appender.AbstractAppender("capture", null, null, true,
                        org.apache.logging.log4j.core.config.Property.EMPTY_ARRAY) {
                    @Override
                    public void append(org.apache.logging.log4j.core.LogEvent e) {
                        events.add(e.getLevel() + " " + e.getLoggerName() + ": " + e.getMessage().getFormattedMessage());
                    }
                };

        LogCapture() {
            appender.start();
            context.getConfiguration().getRootLogger().addAppender(appender, org.apache.logging.log4j.Level.WARN, null);
            context.updateLoggers();
        }

        List<String> events() {
            return List.copyOf(events);
        }

        @Override
        public void close() {
            context.getConfiguration().getRootLogger().removeAppender("capture");
            context.updateLoggers();
            appender.stop();
        }
    }

    @Test
    void parquetClaimsGoThroughTheSameChecks(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "in.csv", DefectFile.LINES.subList(0, 3));
        Path parquetDir = dir.resolve("pq");
        SharedSpark.session().read().option("header", "true").csv(csv.toString())
                .write().parquet(parquetDir.resolve("claims.parquet").toString());
        Path file = Files.list(parquetDir.resolve("claims.parquet"))
                .filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        ClaimIngest.Result r = ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(file)), parser, cache);
        assertEquals(2, r.summary().rowsRead());
        assertEquals(1, r.summary().rowsAccepted());
        Row reject = r.rejects().first();
        // Spark's CSV reader filled the short row's missing columns with nulls: no municipality, row 2
        assertEquals("missing_municipality", reject.getAs("reason"));
        assertEquals(2L, reject.<Long>getAs("line"));
    }

    @Test
    void aRerunParsesOnlyTheFilesItHasNotSeenAndGetsTheSameResult(@TempDir Path dir, @TempDir Path cacheDir)
            throws IOException {
        write(dir, "2019.csv", DefectFile.LINES);
        write(dir, "2020.csv", List.of(DefectFile.HEADER,
                "n1,666666660,,GM0482,45,H300,1,01,2020-01-01,2020-01-31,1,04,10.00,D",
                "n2,666666660,,GM0482,45,H300,1,01,2020-02-01,2020-02-29,1,04,xx,D"));
        ClaimIngest.Result first;
        try (ParsedCache lasting = ParsedCache.at(StoragePath.of(cacheDir))) {
            first = ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(dir)), parser, lasting);
            assertEquals(List.of(false, false), first.entries().stream().map(ParsedCache.Entry::reused).toList());
        }
        List<Row> firstRejects = first.rejects().orderBy("source_file", "line").collectAsList();
        List<Row> firstAccepted = first.accepted().orderBy("claim_id").collectAsList();
        try (ParsedCache lasting = ParsedCache.at(StoragePath.of(cacheDir))) {
            ClaimIngest.Result again = ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(dir)), parser, lasting);
            assertEquals(List.of(true, true), again.entries().stream().map(ParsedCache.Entry::reused).toList());
            assertEquals(first.summary(), again.summary());
            assertEquals(firstRejects, again.rejects().orderBy("source_file", "line").collectAsList());
            assertEquals(firstAccepted, again.accepted().orderBy("claim_id").collectAsList());
            assertEquals(16 + 2, again.summary().rowsRead());
            assertEquals(3, again.summary().rowsAccepted(), "ok1, ok2 and n1");
            assertEquals(List.of("2019.csv:10", "2020.csv:3"), again.rejects().filter("reason = 'invalid_number'")
                    .orderBy("source_file").collectAsList().stream()
                    .map(x -> x.getAs("source_file") + ":" + x.getAs("line")).toList());
        }
        // A new month arrives and an older file is corrected: only those two are parsed.
        write(dir, "2020.csv", List.of(DefectFile.HEADER,
                "n1,666666660,,GM0482,45,H300,1,01,2020-01-01,2020-01-31,1,04,10.00,D"));
        write(dir, "2021-01.csv", List.of(DefectFile.HEADER,
                "m1,777777770,,GM0482,45,H300,1,01,2021-01-01,2021-01-31,1,04,5.00,D"));
        try (ParsedCache lasting = ParsedCache.at(StoragePath.of(cacheDir))) {
            ClaimIngest.Result later = ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(dir)), parser, lasting);
            assertEquals(List.of(true, false, false), later.entries().stream().map(ParsedCache.Entry::reused).toList());
            assertEquals(16 + 1 + 1, later.summary().rowsRead());
            assertEquals(4, later.summary().rowsAccepted());
            assertEquals(30000 + 1000 + 500, later.summary().amountAcceptedCents());
        }
        // Another pseudonymisation key makes other pseudonyms: nothing parsed with the old key is reused.
        ClaimParser otherKey = new ClaimParser(TestReference.small(), LocalDate.of(2015, 1, 1), LocalDate.of(2025, 12, 31),
                Pseudonymiser.withKey("another key of at least sixteen bytes"));
        try (ParsedCache lasting = ParsedCache.at(StoragePath.of(cacheDir))) {
            assertTrue(ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(dir)), otherKey, lasting)
                    .entries().stream().noneMatch(ParsedCache.Entry::reused));
        }
    }

    @Test
    void theCacheHoldsPseudonymsOnlyAndForgetsWhatNoRunUsedForAMonth(@TempDir Path dir, @TempDir Path cacheDir)
            throws IOException {
        write(dir, "claims.csv", DefectFile.LINES);
        try (ParsedCache lasting = ParsedCache.at(StoragePath.of(cacheDir))) {
            ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(dir)), parser, lasting);
        }
        List<Path> entries;
        try (Stream<Path> s = Files.list(cacheDir)) {
            entries = s.toList();
        }
        assertEquals(1, entries.size());
        String everything = SharedSpark.session().read().parquet(entries.get(0).toString())
                .selectExpr("concat_ws('|', claim_id, cast(client_key as string), array_join(raw, '|'), reject_detail)")
                .collectAsList().toString();
        assertTrue(everything.contains(Pseudonymiser.hex(ClaimParserTest.KEY.pseudonym("222222220"))), everything);
        for (String id : List.of("111111110", "222222220", "333333330", "444444440", "555555550")) {
            assertFalse(everything.contains(id), "raw client id " + id + " in the cache");
        }

        Files.setLastModifiedTime(entries.get(0).resolve("_entry.properties"),
                FileTime.from(Instant.now().minus(Duration.ofDays(31))));
        write(dir, "claims.csv", DefectFile.LINES.subList(0, 2));
        try (ParsedCache lasting = ParsedCache.at(StoragePath.of(cacheDir))) {
            ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(dir)), parser, lasting);
        }
        try (Stream<Path> s = Files.list(cacheDir)) {
            List<Path> left = s.toList();
            assertEquals(1, left.size(), "the old entry is gone, the new one stays: " + left);
            assertNotEquals(entries.get(0), left.get(0));
        }
    }

    @Test
    void repeatedHashesAreTheOnesMoreThanOneLineHasOverAllSortedRuns(@TempDir Path dir) {
        long[][] parts = {{5, 3, Long.MIN_VALUE, 5}, {7, 3, Long.MAX_VALUE}, {}, {3, -1, Long.MIN_VALUE, 11}};
        List<StoragePath> runs = new ArrayList<>();
        for (int p = 0; p < parts.length; p++) {
            ClaimHashes.Run run = new ClaimHashes.Run();
            for (long h : parts[p]) run.add(h);
            runs.add(StoragePath.of(dir.resolve(ClaimHashes.FOLDER).resolve(ClaimHashes.name(p, 0))));
            run.write(runs.get(p));
        }
        assertTrue(Files.isRegularFile(dir.resolve(ClaimHashes.FOLDER).resolve("part-00002-0.bin")),
                "an empty partition writes an empty run");
        assertEquals(List.of(Long.MIN_VALUE, 3L, 5L), ClaimHashes.repeated(runs));
        List<StoragePath> twice = new ArrayList<>(runs.subList(1, 2));
        twice.addAll(runs.subList(1, 2));
        assertEquals(List.of(3L, 7L, Long.MAX_VALUE), ClaimHashes.repeated(twice), "a run listed twice: a copy of a file");
        assertEquals(List.of(), ClaimHashes.repeated(List.of()));
    }

    @Test
    void eachTaskAttemptWritesARunOfItsOwnWholeAndSorted(@TempDir Path dir) throws IOException {
        for (long attempt : new long[] {7, 8}) {
            ClaimHashes.Run run = new ClaimHashes.Run();
            for (long h = 2000; h > 0; h--) run.add(h); // grows past its first 1,024
            run.write(StoragePath.of(dir.resolve(ClaimHashes.name(0, attempt))));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("part-00000-7.bin", "part-00000-8.bin"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no attempt overwrites another's");
        }
        assertEquals(2000 * 8, Files.size(dir.resolve("part-00000-8.bin")));
        assertEquals(List.of(), ClaimHashes.repeated(List.of(StoragePath.of(dir.resolve("part-00000-7.bin")))),
                "one run of distinct hashes repeats none");
    }

    /** Three valid lines, two of them declared, and a rejected one declared after both. */
    static final List<String> DATED = List.of("claim_id,client_id,municipality_code,product_code,referrer,period_start,"
                    + "period_end,volume,amount,debit_credit,declaration_date",
            "d1,123456782,GM0482,H300,01,2019-01-01,2019-01-31,1,1.00,D,2019-02-05",
            "d2,123456782,GM0482,H300,01,2019-02-01,2019-02-28,1,1.00,D,2019-03-10",
            "d3,123456782,GM0482,H300,01,2019-03-01,2019-03-31,1,1.00,D,",
            "d4,123456782,GM0482,XXXX,01,2019-03-01,2019-03-31,1,1.00,D,2019-09-09");

    @Test
    void theParseCountsTheAcceptedLinesDeclarationDatesAsAScanOfThemFindsThem(@TempDir Path dir) throws IOException {
        write(dir, "claims.csv", DATED);
        ClaimIngest.Result r = ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(dir)), parser, cache);
        assertEquals(new ClaimIngest.DeclarationDates(2, 1, LocalDate.of(2019, 3, 10)), r.dates(),
                "d1 and d2 dated, d3 not; d4, rejected (unknown product), is not the latest");
        Row scanned = r.accepted().agg(org.apache.spark.sql.functions.max("declaration_day"),
                org.apache.spark.sql.functions.count("declaration_day"), org.apache.spark.sql.functions.count("*")).first();
        assertEquals(r.dates(), new ClaimIngest.DeclarationDates(scanned.getLong(1), scanned.getLong(2) - scanned.getLong(1),
                LocalDate.ofEpochDay(scanned.getInt(0))), "what a scan of the accepted lines finds");
    }

    @Test
    void datesAmongRepeatedClaimIdsAreLeftToAScanAndLinesWithoutDatesAreCounted(@TempDir Path dir) throws IOException {
        write(dir, "claims.csv", DATED);
        write(dir, "claims-copy.csv", DATED);
        ClaimIngest.Result copied = ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(dir)),
                parser, cache);
        assertNull(copied.dates(), "the later copies of d1 and d2 are not accepted: the parse's count of dates is not the accepted lines'");
        Files.delete(dir.resolve("claims-copy.csv"));
        write(dir, "claims.csv", DefectFile.LINES);
        ClaimIngest.Result undated = ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(dir)),
                parser, cache);
        assertEquals(new ClaimIngest.DeclarationDates(0, 2, null), undated.dates(), "a repeated claim id without dates leaves none");
    }

    @Test
    void aCopyOfAFileUnderAnotherNameCountsItsLinesAndItsClaimsAsDuplicates(@TempDir Path dir) throws IOException {
        write(dir, "claims.csv", DefectFile.LINES);
        write(dir, "claims-copy.csv", DefectFile.LINES);
        ClaimIngest.Result r = ClaimIngest.ingest(SharedSpark.session(), ClaimIngest.listInputs(StoragePath.of(dir)), parser, cache);
        assertEquals(2 * 16, r.summary().rowsRead());
        assertEquals(2, r.summary().rowsAccepted(), "ok1 and ok2 of the first file read (claims-copy.csv sorts first)");
        assertEquals(1 + 3, r.summary().rejectsByReason().get("duplicate_claim_id"), "the file's own, then ok1, ok1, ok2");
        assertTrue(r.summary().reconciles());
        assertFalse(r.byClient(), "the first of each repeated claim id is chosen by a join, which shuffles again");
        assertEquals(List.of("claims-copy.csv:17", "claims.csv:2", "claims.csv:17", "claims.csv:18"),
                r.rejects().filter("reason = 'duplicate_claim_id'").orderBy("source_file", "line").collectAsList()
                        .stream().map(x -> x.getAs("source_file") + ":" + x.getAs("line")).toList());
    }

    @Test
    void withoutALastingCacheTheAcceptedLinesComePartitionedByClient(@TempDir Path dir, @TempDir Path cacheDir)
            throws IOException {
        // Plain CSV split into small partitions: a client's months lie in several of them, and in two files.
        nl.voorkant.sample.SampleGenerator.generate(nl.voorkant.sample.SampleGenerator.Options.defaults().withScale(0.25)
                .withYears(2018, 2019).withSeed(7).withGzip(false).withDefects(false), dir);
        Reference reference = Reference.load(StoragePath.of(dir.resolve("reference")));
        ClaimParser own = new ClaimParser(reference, LocalDate.of(2015, 1, 1), LocalDate.of(2025, 12, 31), ClaimParserTest.KEY);
        List<ClaimIngest.InputFile> files = ClaimIngest.listInputs(StoragePath.of(dir.resolve("claims")));
        var conf = SharedSpark.session().sparkContext().hadoopConfiguration();
        String key = "mapreduce.input.fileinputformat.split.maxsize";
        String before = conf.get(key);
        conf.set(key, "65536");
        try (ParsedCache lasting = ParsedCache.at(StoragePath.of(cacheDir))) {
            ClaimIngest.Result shuffled = ClaimIngest.ingest(SharedSpark.session(), files, own, cache);
            ClaimIngest.Result stored = ClaimIngest.ingest(SharedSpark.session(), files, own, lasting);
            assertTrue(shuffled.byClient(), "parsed for this run only, no claim id repeated");
            assertFalse(stored.byClient(), "a lasting cache's lines are read from its files, in their order");
            Map<Long, Set<Integer>> partitions = partitionsByClient(shuffled.accepted());
            assertTrue(partitions.values().stream().flatMap(Set::stream).distinct().count() > 1, "lines in several partitions");
            assertEquals(Set.of(1), partitions.values().stream().map(Set::size).collect(java.util.stream.Collectors.toSet()),
                    "each client's lines in one partition");
            assertTrue(partitionsByClient(stored.accepted()).values().stream().anyMatch(p -> p.size() > 1),
                    "the files' partitions alone split clients: the check above can fail");
            assertEquals(stored.summary(), shuffled.summary());
            assertEquals(sortedLines(stored.accepted()), sortedLines(shuffled.accepted()), "the same accepted lines");
        } finally {
            if (before == null) conf.unset(key); else conf.set(key, before);
        }
    }

    /** The partitions holding each client's accepted lines. */
    static Map<Long, Set<Integer>> partitionsByClient(org.apache.spark.sql.Dataset<Row> accepted) {
        Map<Long, Set<Integer>> out = new java.util.HashMap<>();
        accepted.select("client_key").javaRDD().mapPartitionsWithIndex((part, rows) -> {
            List<scala.Tuple2<Long, Integer>> seen = new ArrayList<>();
            rows.forEachRemaining(r -> seen.add(new scala.Tuple2<>(r.getLong(0), part)));
            return seen.iterator();
        }, true).collect().forEach(t -> out.computeIfAbsent(t._1(), c -> new java.util.TreeSet<>()).add(t._2()));
        return out;
    }

    static List<String> sortedLines(org.apache.spark.sql.Dataset<Row> accepted) {
        return accepted.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    @Test
    void unsupportedFilesAndMissingPathsAreInputErrors(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("claims.ods"), "x"); // .xlsx is read (WorkbookIngestTest); OpenDocument is not
        assertTrue(assertThrows(InputError.class, () -> ClaimIngest.listInputs(StoragePath.of(dir))).getMessage().contains("unsupported"));
        assertTrue(assertThrows(InputError.class, () -> ClaimIngest.listInputs(StoragePath.of(dir.resolve("nope")))).getMessage()
                .startsWith("claims not found"));
    }
}
