package nl.voorkant.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.voorkant.core.Message;
import nl.voorkant.core.Table;
import nl.voorkant.core.schema.Type;
import nl.voorkant.flow.model.AreaLevel;
import nl.voorkant.flow.tables.Dimensions;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Every published table as a sheet of {@code tables.xlsx}: numbers as numbers so an analyst can
 * compute with them, euros and shares formatted as such; the spreadsheet program shows them in its
 * reader's own locale. The workbook holds what a person opens in a spreadsheet, the CSV and Parquet
 * files everything: a table by year is always whole, and so is any other table of at most
 * {@link #ROW_BUDGET} rows; a larger one (the municipalities' months or durations of a national
 * extract) keeps its subregion and region rows and leaves its municipality rows out, which a sheet
 * before the tables names, with where they are.
 */
final class TablesWorkbook {
    /** Rows a sheet holds comfortably: scrolled, filtered and opened in seconds (Excel's limit is 1,048,575). */
    static final int ROW_BUDGET = 100_000;
    /** Excel's 1,048,576 rows less the header: a table by year of a very large extract can still outgrow it. */
    static final int SHEET_ROWS = 1_048_575;
    static final int MAX_SHEET_NAME = 31;
    private static final int MAX_COLUMN_CHARS = 60;
    private static final int WIDTH_SAMPLE = 1_000;
    private static final int ROW_WINDOW = 200;
    private static final int DEFLATE_LEVEL = 3;
    /** Number formats by the type a column declares; other numbers keep the spreadsheet's general format. */
    private static final Map<Type, String> NUMBER_FORMATS = Map.of(Type.EUROS, "\"€ \"#,##0.00",
            Type.EURO_FIGURE, "\"€ \"#,##0.00", Type.SHARE, "0.0%", Type.YEAR, "0");

    private TablesWorkbook() {}

    /** A table and the rows of it that its sheet holds, by a budget of rows. */
    record SheetPlan(Table table, Table shown, int budget, int sheetRows) {
        int leftOut() {
            return table.size() - shown.size();
        }
    }

    /** Each table as its sheet holds it, by the {@link #ROW_BUDGET}. */
    static List<SheetPlan> plan(Collection<Table> tables) {
        return plan(tables, ROW_BUDGET);
    }

    static List<SheetPlan> plan(Collection<Table> tables, int budget) {
        return plan(tables, budget, SHEET_ROWS);
    }

    static List<SheetPlan> plan(Collection<Table> tables, int budget, int sheetRows) {
        return tables.stream().map(table -> new SheetPlan(table, shown(table, budget, sheetRows), budget, sheetRows)).toList();
    }

    private static Table shown(Table table, int budget, int sheetRows) {
        List<String> columns = table.columns();
        Table shown = table.size() <= budget || columns.contains(Dimensions.YEAR.name())
                || !columns.contains(Dimensions.AREA_LEVEL.name()) ? table
                : table.where(Dimensions.AREA_LEVEL, level -> !AreaLevel.MUNICIPALITY.code().equals(level));
        // Cut at the sheet's end, a table would look whole to its reader: one that does not fit is left out whole.
        return shown.size() <= sheetRows ? shown : table.withRows(List.of());
    }

    /** Per table with rows left out of its sheet, a sentence saying so and where they are. */
    static List<Message> leftOut(List<SheetPlan> sheets, Formats f) {
        List<Message> notes = new ArrayList<>();
        for (SheetPlan s : sheets) {
            if (s.leftOut() == 0) continue;
            String name = s.table().name();
            if (s.shown().size() == 0) {
                notes.add(Message.of("workbook.left_out_all", name, f.number((long) s.table().size()),
                        f.number((long) s.sheetRows()), "tables/" + name + ".csv", "tables/parquet/" + name + ".parquet"));
                continue;
            }
            notes.add(Message.of("workbook.left_out", name, f.number((long) s.leftOut()), f.number((long) s.table().size()),
                    f.number((long) s.budget()), "tables/" + name + ".csv", "tables/parquet/" + name + ".parquet"));
        }
        return notes;
    }

    static void write(Path file, List<SheetPlan> sheets, Texts t) throws IOException {
        // Streaming: only a window of rows stays in memory, so national tables of hundreds of thousands
        // of rows do not take gigabytes of heap as cell objects.
        SXSSFWorkbook wb = new SXSSFWorkbook(ROW_WINDOW) {
            // Deflate's level 3, not its default 6: at a national extract the sheets are 120 MB of XML, and the
            // default made the workbook take 11.5 s instead of 8.8 s for a file 13% smaller (BENCHMARKS.md).
            @Override
            protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
                ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
                zip.setLevel(DEFLATE_LEVEL);
                return zip;
            }
        };
        try (wb; OutputStream out = Files.newOutputStream(file)) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            // Given to every cell without a number format: a cell without a style has POI look up its column's.
            CellStyle plain = wb.getCellStyleAt(0);
            Map<Type, CellStyle> styles = new EnumMap<>(Type.class);
            Map<String, CellStyle> byFormat = new HashMap<>();
            NUMBER_FORMATS.forEach((type, format) -> styles.put(type, byFormat.computeIfAbsent(format, k -> {
                CellStyle s = wb.createCellStyle();
                s.setDataFormat(wb.createDataFormat().getFormat(format));
                return s;
            })));
            Set<String> used = new HashSet<>();
            List<Message> leftOut = leftOut(sheets, new Formats(t.locale()));
            if (!leftOut.isEmpty()) {
                about(wb.createSheet(sheetName(t.get("workbook.about"), used)), sheets.get(0).budget(), leftOut, header, t);
            }
            for (SheetPlan planned : sheets) {
                Table table = planned.shown();
                Sheet sheet = wb.createSheet(sheetName(table.name(), used));
                Row top = sheet.createRow(0);
                for (int c = 0; c < table.columns().size(); c++) {
                    Cell cell = top.createCell(c);
                    cell.setCellValue(t.column(table.columns().get(c)));
                    cell.setCellStyle(header);
                }
                sheet.createFreezePane(0, 1);
                CellStyle[] columnStyles = new CellStyle[table.columns().size()];
                for (int c = 0; c < columnStyles.length; c++) {
                    Type type = Formats.type(table, c);
                    columnStyles[c] = type == null ? plain : styles.getOrDefault(type, plain);
                }
                for (int r = 0; r < table.size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<Object> values = table.rows().get(r);
                    for (int c = 0; c < values.size(); c++) cell(row, c, values.get(c), columnStyles[c], plain);
                }
                fitColumns(sheet, table, t);
            }
            wb.write(out);
        } finally {
            wb.dispose(); // the streamed rows' temporary files
        }
    }

    /** The first sheet when a table is not whole: the rule, and per such table what is left out and where it is. */
    private static void about(Sheet sheet, int budget, List<Message> leftOut, CellStyle header, Texts t) {
        Cell title = sheet.createRow(0).createCell(0);
        title.setCellValue(t.get("workbook.rule", new Formats(t.locale()).number((long) budget)));
        title.setCellStyle(header);
        for (int i = 0; i < leftOut.size(); i++) sheet.createRow(i + 2).createCell(0).setCellValue(t.render(leftOut.get(i)));
    }

    /**
     * Column widths from the longest header or value as the report writes it. POI's autoSizeColumn
     * lays out every cell's text with AWT, which took seconds per table on the sample's 7,500 rows; and
     * formatting every number of a national table was still a fifth of the workbook's time. So numbers are
     * formatted in the first {@link #WIDTH_SAMPLE} rows and, below those, only the largest of each column
     * (it has the most digits; its decimals are as the first rows' at most a few characters more or less).
     */
    private static void fitColumns(Sheet sheet, Table table, Texts t) {
        Formats f = new Formats(t.locale());
        for (int c = 0; c < table.columns().size(); c++) {
            int chars = t.column(table.columns().get(c)).length() + 1;
            Type type = Formats.type(table, c);
            Number largest = null;
            for (int r = 0; r < table.size(); r++) {
                Object v = table.rows().get(r).get(c);
                if (!(v instanceof Number n)) {
                    chars = Math.max(chars, v == null ? Formats.EMPTY.length() : v.toString().length());
                } else if (r < WIDTH_SAMPLE) {
                    chars = Math.max(chars, f.cell(type, v).length());
                } else if (largest == null || Math.abs(n.doubleValue()) > Math.abs(largest.doubleValue())) {
                    largest = n;
                }
            }
            if (largest != null) chars = Math.max(chars, f.cell(type, largest).length());
            sheet.setColumnWidth(c, Math.min(chars + 2, MAX_COLUMN_CHARS) * 256);
        }
    }

    private static void cell(Row row, int column, Object v, CellStyle numberStyle, CellStyle plain) {
        if (v == null || v instanceof Double d && (d.isNaN() || d.isInfinite())) return;
        Cell cell = row.createCell(column);
        if (v instanceof Number n) {
            cell.setCellValue(n.doubleValue());
            cell.setCellStyle(numberStyle);
        } else {
            if (v instanceof Boolean b) cell.setCellValue(b);
            else cell.setCellValue(v.toString());
            cell.setCellStyle(plain);
        }
    }

    /** Excel allows 31 characters and no two names equal but for case; a clipped name gets a number. */
    static String sheetName(String table, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(table);
        String name = base;
        for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = "~" + n;
            name = base.substring(0, Math.min(base.length(), MAX_SHEET_NAME - suffix.length())) + suffix;
        }
        return name;
    }
}
