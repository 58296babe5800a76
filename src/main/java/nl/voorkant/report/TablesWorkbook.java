package nl.voorkant.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.voorkant.core.Table;
import nl.voorkant.core.schema.Type;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Every published table as a sheet of {@code tables.xlsx}, complete (the report shows excerpts):
 * numbers as numbers so an analyst can compute with them, euros and shares formatted as such;
 * the spreadsheet program shows them in its reader's own locale.
 */
final class TablesWorkbook {
    static final int MAX_SHEET_NAME = 31;
    private static final int MAX_COLUMN_CHARS = 60;
    private static final int ROW_WINDOW = 200;
    /** Number formats by the type a column declares; other numbers keep the spreadsheet's general format. */
    private static final Map<Type, String> NUMBER_FORMATS = Map.of(Type.EUROS, "\"€ \"#,##0.00",
            Type.EURO_FIGURE, "\"€ \"#,##0.00", Type.SHARE, "0.0%", Type.YEAR, "0");

    private TablesWorkbook() {}

    static void write(Path file, Collection<Table> tables, Texts t) throws IOException {
        // Streaming: only a window of rows stays in memory, so national tables of hundreds of thousands
        // of rows do not take gigabytes of heap as cell objects.
        SXSSFWorkbook wb = new SXSSFWorkbook(ROW_WINDOW);
        try (wb; OutputStream out = Files.newOutputStream(file)) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            Map<Type, CellStyle> styles = new EnumMap<>(Type.class);
            Map<String, CellStyle> byFormat = new HashMap<>();
            NUMBER_FORMATS.forEach((type, format) -> styles.put(type, byFormat.computeIfAbsent(format, k -> {
                CellStyle s = wb.createCellStyle();
                s.setDataFormat(wb.createDataFormat().getFormat(format));
                return s;
            })));
            Set<String> used = new HashSet<>();
            for (Table table : tables) {
                Sheet sheet = wb.createSheet(sheetName(table.name(), used));
                Row top = sheet.createRow(0);
                for (int c = 0; c < table.columns().size(); c++) {
                    Cell cell = top.createCell(c);
                    cell.setCellValue(t.column(table.columns().get(c)));
                    cell.setCellStyle(header);
                }
                sheet.createFreezePane(0, 1);
                for (int r = 0; r < table.size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<Object> values = table.rows().get(r);
                    for (int c = 0; c < values.size(); c++) {
                        Type type = Formats.type(table, c);
                        cell(row, c, values.get(c), type == null ? null : styles.get(type));
                    }
                }
                fitColumns(sheet, table, t);
            }
            wb.write(out);
        } finally {
            wb.dispose(); // the streamed rows' temporary files
        }
    }

    /**
     * Column widths from the longest header or value as the report writes it. POI's autoSizeColumn
     * lays out every cell's text with AWT, which took seconds per table on the sample's 7,500 rows.
     */
    private static void fitColumns(Sheet sheet, Table table, Texts t) {
        Formats f = new Formats(t.locale());
        for (int c = 0; c < table.columns().size(); c++) {
            int chars = t.column(table.columns().get(c)).length() + 1;
            Type type = Formats.type(table, c);
            for (List<Object> row : table.rows()) chars = Math.max(chars, f.cell(type, row.get(c)).length());
            sheet.setColumnWidth(c, Math.min(chars + 2, MAX_COLUMN_CHARS) * 256);
        }
    }

    private static void cell(Row row, int column, Object v, CellStyle numberStyle) {
        if (v == null || v instanceof Double d && (d.isNaN() || d.isInfinite())) return;
        Cell cell = row.createCell(column);
        if (v instanceof Number n) {
            cell.setCellValue(n.doubleValue());
            if (numberStyle != null) cell.setCellStyle(numberStyle);
        } else if (v instanceof Boolean b) {
            cell.setCellValue(b);
        } else {
            cell.setCellValue(v.toString());
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
