package nl.voorkant.report;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.voorkant.core.Table;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablesWorkbookTest {
    static final String LONG = "scenario_drechtsteden_noord_jo_netwerk_";

    static Map<String, Table> tables() {
        Map<String, Table> t = new LinkedHashMap<>(HtmlReportTest.tables());
        for (String mode : List.of("big_bang", "gradual")) {
            String name = LONG + mode + "_months";
            t.put(name, Table.builder(name, "month", "front_clients", "fund_draw_eur")
                    .row("2020-01", 3L, new BigDecimal("9566.55")).build());
        }
        return t;
    }

    @Test
    void everyTableIsASheetWithNumbersAsNumbersAndTheCsvsValues(@TempDir Path out) throws IOException {
        Map<String, Table> tables = tables();
        Report.write(out, tables, HtmlReportTest.manifest(), List.of(), Map.of(), Names.NONE, "nl");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("tables.xlsx")))) {
            assertEquals(tables.size(), wb.getNumberOfSheets());
            assertEquals(List.of("flow_year", "flow_month", "local_share_year", LONG.substring(0, 31),
                    LONG.substring(0, 29) + "~2"), names(wb));

            Sheet year = wb.getSheet("flow_year");
            List<List<String>> csv = csv(tables.get("flow_year"));
            Row header = year.getRow(0);
            assertEquals(List.of("gebied", "niveau", "productgroep", "jaar", "unieke cliënten", "kosten (€)"), texts(header));
            assertTrue(wb.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold(), "bold header");
            assertTrue(year.getPaneInformation().isFreezePane());
            assertEquals(1, year.getPaneInformation().getHorizontalSplitPosition(), "the header row stays in view");
            assertTrue(year.getColumnWidth(0) > 8 * 256, "autosized to 'Drechtsteden-Noord'");

            Cell cost = year.getRow(1).getCell(5);
            assertEquals(CellType.NUMERIC, cost.getCellType());
            assertEquals(0, new BigDecimal(csv.get(1).get(5)).compareTo(BigDecimal.valueOf(cost.getNumericCellValue())));
            assertEquals("€ 247,331.60", new DataFormatter(Locale.UK).formatCellValue(cost), "a euro format");
            Cell children = year.getRow(1).getCell(4);
            assertEquals(CellType.NUMERIC, children.getCellType());
            assertEquals(Long.parseLong(csv.get(1).get(4)), (long) children.getNumericCellValue());
            assertEquals("2018", new DataFormatter(Locale.UK).formatCellValue(year.getRow(1).getCell(3)));
            assertEquals("", csv.get(2).get(4), "suppressed in the CSV");
            Cell suppressed = year.getRow(2).getCell(4);
            assertTrue(suppressed == null || suppressed.getCellType() == CellType.BLANK, "and empty in the sheet");
            assertEquals(csv.get(2).get(0), year.getRow(2).getCell(0).getStringCellValue());

            Cell share = wb.getSheet("local_share_year").getRow(1).getCell(3);
            assertEquals(0.1, share.getNumericCellValue());
            assertEquals("10.0%", new DataFormatter(Locale.UK).formatCellValue(share), "a percent format");
        }
    }

    @Test
    void englishHeadersForAnEnglishReport(@TempDir Path out) throws IOException {
        Report.write(out, tables(), HtmlReportTest.manifest(), List.of(), Map.of(), Names.NONE, "en");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("tables.xlsx")))) {
            assertEquals(List.of("area", "level", "product group", "year", "unique clients", "cost (€)"),
                    texts(wb.getSheet("flow_year").getRow(0)));
        }
    }

    private static List<String> names(XSSFWorkbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(c -> texts.add(c.getStringCellValue()));
        return texts;
    }

    private static List<List<String>> csv(Table table) throws IOException {
        StringWriter w = new StringWriter();
        table.writeCsv(w);
        return w.toString().lines().map(l -> List.of(l.split(",", -1))).toList();
    }
}
