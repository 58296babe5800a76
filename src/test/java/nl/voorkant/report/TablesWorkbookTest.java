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

    /**
     * A flow_month of a national extract: one region row, one subregion row and {@code municipalityRows}
     * municipality rows (municipality i in month 2011-01 + i / 1000 of its group), the region row last.
     */
    static Table nationalMonths(int municipalityRows) {
        Table.Builder b = Table.builder("flow_month", "area", "area_level", "product_group", "month", "clients", "inflow",
                "outflow");
        b.row("Zuid", "subregion", "begeleiding", "2018-01", 120L, 10L, 8L);
        for (int i = 0; i < municipalityRows; i++) {
            b.row(String.format("GM%04d", i % 1000), "municipality", "begeleiding",
                    String.format("%d-%02d", 2011 + i / 12_000, 1 + i / 1000 % 12), 7L, 1L, 1L);
        }
        b.row("Nederland", "region", "begeleiding", "2018-01", 900L, 80L, 70L);
        return b.build();
    }

    @Test
    void aTableOfMonthsOverTheBudgetKeepsItsSubregionAndRegionRowsAndNamesWhereTheRestIs(@TempDir Path out)
            throws IOException {
        Map<String, Table> tables = new LinkedHashMap<>(HtmlReportTest.tables());
        Table months = nationalMonths(TablesWorkbook.ROW_BUDGET);
        tables.put("flow_month", months);
        Report.write(out, tables, HtmlReportTest.manifest(), List.of(), Map.of(), Names.NONE, "en");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("tables.xlsx")))) {
            assertEquals(List.of("About", "flow_year", "flow_month", "local_share_year"), names(wb),
                    "the sheet that says what is left out comes first");
            Sheet sheet = wb.getSheet("flow_month");
            assertEquals(2, sheet.getLastRowNum(), "the header, the subregion row and the region row");
            assertEquals("Zuid", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals("subregion", sheet.getRow(1).getCell(1).getStringCellValue());
            assertEquals("Nederland", sheet.getRow(2).getCell(0).getStringCellValue());
            assertEquals("region", sheet.getRow(2).getCell(1).getStringCellValue());
            assertEquals(1, wb.getSheet("flow_year").getLastRowNum() - 1, "a table by year stays whole (two rows)");

            Sheet about = wb.getSheet("About");
            assertEquals("This workbook holds every table of tables/: a table by year always whole, any other table whole up"
                    + " to 100,000 rows. A larger one keeps its subregion and region rows and leaves its municipality rows"
                    + " out; every row is in the table's CSV and Parquet files.", about.getRow(0).getCell(0).getStringCellValue());
            String note = "tables.xlsx, sheet flow_month: its 100,000 municipality rows (of 100,002) are left out, as a sheet"
                    + " holds a table not by year whole only up to 100,000 rows; every row is in tables/flow_month.csv and"
                    + " tables/parquet/flow_month.parquet.";
            assertEquals(note, about.getRow(2).getCell(0).getStringCellValue());
            assertTrue(Files.readString(out.resolve("index.html")).contains(note), "the report's notes say it too");
        }
    }

    @Test
    void theBudgetCutsOnlyATableOfMoreRowsAndNeverATableByYear(@TempDir Path out) throws IOException {
        Table within = nationalMonths(8);
        Table over = nationalMonths(9);
        Table years = Table.builder("flow_year", "area", "area_level", "year", "clients").build().withRows(
                over.rows().stream().map(r -> List.<Object>of(r.get(0), r.get(1), 2018, 1L)).toList());
        List<TablesWorkbook.SheetPlan> plan = TablesWorkbook.plan(List.of(within, years), 10);
        assertSame(within, plan.get(0).shown(), "10 rows in a budget of 10: whole");
        assertSame(years, plan.get(1).shown(), "a table by year is whole whatever its size");
        assertEquals(List.of(), TablesWorkbook.leftOut(plan, new Formats(Locale.UK)), "nothing to say");

        TablesWorkbook.write(out.resolve("whole.xlsx"), plan, new Texts("en"));
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("whole.xlsx")))) {
            assertEquals(List.of("flow_month", "flow_year"), names(wb), "no sheet about left-out rows");
            Sheet sheet = wb.getSheet("flow_month");
            assertEquals(10, sheet.getLastRowNum(), "every row below the header");
            assertEquals("GM0000", sheet.getRow(2).getCell(0).getStringCellValue(), "municipality rows kept");
        }

        TablesWorkbook.SheetPlan cut = TablesWorkbook.plan(List.of(over), 10).get(0);
        assertEquals(List.of("Zuid", "Nederland"), cut.shown().rows().stream().map(r -> r.get(0)).toList(),
                "11 rows in a budget of 10: the subregion and region rows, in their order");
        assertEquals(9, cut.leftOut());
    }

    @Test
    void aTableThatStillOutgrowsASheetIsLeftOutWholeNeverCutAtTheSheetsEnd() {
        Table years = Table.builder("flow_year", "area", "area_level", "year", "clients").build().withRows(
                nationalMonths(9).rows().stream().map(r -> List.<Object>of(r.get(0), r.get(1), 2018, 1L)).toList());
        TablesWorkbook.SheetPlan plan = TablesWorkbook.plan(List.of(years), 100, 10).get(0);
        assertEquals(0, plan.shown().size(), "11 rows by year for a sheet of 10: none, rather than 10 that look whole");
        assertEquals(List.of("tables.xlsx, sheet flow_year: its 11 rows are more than a sheet holds (10), so the sheet is"
                        + " left empty; every row is in tables/flow_year.csv and tables/parquet/flow_year.parquet."),
                TablesWorkbook.leftOut(List.of(plan), new Formats(Locale.UK)).stream().map(new Texts("en")::render).toList(),
                "the note says where the rows are");
        assertSame(years, TablesWorkbook.plan(List.of(years), 100, 11).get(0).shown(), "11 rows in a sheet of 11: whole");
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
