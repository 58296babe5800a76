package nl.voorkant.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The claim lines a {@link ClaimWriter} writes, turned into a workbook as a Dutch export looks: an
 * explanation sheet "Toelichting" first, then the claims with Dutch column names, dates as date
 * cells, volumes and amounts as numbers, and every other BSN as a number, which loses its leading
 * zero as Excel's does. A field that is no date or number (a defective row's) stays text. Written on
 * {@link #close}, streaming (a window of rows in memory), with inline strings as streaming exporters
 * write them: Excel's shared strings made the writer six times slower (the reader takes both).
 */
final class ClaimWorkbook extends OutputStream {
    static final List<String> DUTCH_HEADER = List.of("Declaratienummer", "BSN", "Geboortedatum", "Gemeentecode",
            "Productcategorie", "Productcode", "AGB-code", "Verwijzer", "Begindatum", "Einddatum", "Geleverd volume",
            "Eenheid", "Bedrag", "Debet/Credit");
    private static final int CLIENT = 1, VOLUME = 10, AMOUNT = 12;
    private static final List<Integer> DATES = List.of(2, 8, 9);
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private final Path file;
    private final SXSSFWorkbook wb = new SXSSFWorkbook(null, 1_000, false, false);
    private final Sheet claims;
    private final CellStyle date;
    private final CellStyle euros;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private int rows;

    ClaimWorkbook(Path file) {
        this.file = file;
        Sheet about = wb.createSheet("Toelichting");
        String[] text = {"Declaraties jeugdhulp (synthetisch voorbeeld van voorkant)",
                "Een regel per cliënt, product, aanbieder en geleverde periode.",
                "Bedragen in euro's; een creditregel (C) trekt een eerdere debetregel af.",
                "De declaraties staan op het blad 'Declaraties'."};
        for (int r = 0; r < text.length; r++) about.createRow(r).createCell(0).setCellValue(text[r]);
        claims = wb.createSheet("Declaraties");
        date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("dd-mm-yyyy"));
        euros = wb.createCellStyle();
        euros.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
    }

    @Override
    public void write(int b) throws IOException {
        if (b == '\n') {
            row(line.toString(StandardCharsets.UTF_8).split(",", -1));
            line.reset();
        } else {
            line.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) write(b[i]);
    }

    /** The header line (the first) in Dutch, then each claim line as typed cells. */
    private void row(String[] fields) {
        Row row = claims.createRow(rows);
        for (int c = 0; c < fields.length; c++) {
            Cell cell = row.createCell(c);
            String f = fields[c];
            if (rows == 0) cell.setCellValue(DUTCH_HEADER.get(c));
            else if (DATES.contains(c) && isoDate(f) != null) {
                cell.setCellValue(isoDate(f));
                cell.setCellStyle(date);
            } else if ((c == VOLUME || c == AMOUNT) && NUMBER.matcher(f).matches()) {
                cell.setCellValue(Double.parseDouble(f));
                if (c == AMOUNT) cell.setCellStyle(euros);
            } else if (c == CLIENT && rows % 2 == 1 && DIGITS.matcher(f).matches()) {
                cell.setCellValue(Double.parseDouble(f));
            } else {
                cell.setCellValue(f);
            }
        }
        rows++;
    }

    private static LocalDate isoDate(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try (wb; OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
    }
}
