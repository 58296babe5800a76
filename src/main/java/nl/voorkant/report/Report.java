package nl.voorkant.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import nl.voorkant.core.Message;
import nl.voorkant.core.Table;

/**
 * The report an analyst hands on, in the report folder: {@code index.html} to read and print,
 * {@code report.ipynb} with the same content for Jupyter, {@code report.docx} with the findings and
 * the body (not the appendix) to paste into a briefing, {@code tables.xlsx} with every published
 * table (a national table of months without its municipality rows, see {@link TablesWorkbook}),
 * and the charts as PNG in {@code charts/}.
 */
public final class Report {
    private Report() {}

    /**
     * Writes OUT/index.html, OUT/report.ipynb, OUT/report.docx, OUT/tables.xlsx and OUT/charts/*.png.
     *
     * @param tables the run's published tables, by name; all of them go into the workbook
     * @param notes the other stages' notes for the reader, worded in the report's language; the report adds
     *              which rows the workbook leaves out
     * @param texts the messages behind the tables' text cells, by the Dutch text each holds (see {@link Sections#build})
     * @param names the display names of areas, product groups and scenarios
     * @param lang "nl" or "en"
     */
    public static void write(Path outDir, Map<String, Table> tables, Map<String, Object> manifest, List<Message> notes,
                             Map<String, Message> texts, Names names, String lang) {
        Texts t = new Texts(lang);
        List<TablesWorkbook.SheetPlan> sheets = TablesWorkbook.plan(tables.values());
        List<Message> allNotes = new ArrayList<>(notes);
        allNotes.addAll(TablesWorkbook.leftOut(sheets, new Formats(t.locale())));
        // The workbook on a second core meanwhile: it needs nothing of the page, and at a national extract
        // it is the report's largest part.
        CompletableFuture<Void> workbook = CompletableFuture.runAsync(() -> {
            try {
                TablesWorkbook.write(outDir.resolve("tables.xlsx"), sheets, t);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String title = t.get("title");
        String subtitle = t.get("subtitle", LocalDate.now().toString(),
                new Formats(t.locale()).number(manifest.get("rows_read")),
                String.valueOf(manifest.getOrDefault("period_first_month", "?")),
                String.valueOf(manifest.getOrDefault("period_last_month", "?")));
        try {
            List<Block> blocks = Sections.build(tables, manifest, allNotes, texts, names, t);
            Path charts = Files.createDirectories(outDir.resolve("charts"));
            for (Block b : blocks) {
                if (b instanceof Block.Chart c) Files.write(charts.resolve(c.file() + ".png"), c.png());
            }
            Files.writeString(outDir.resolve("index.html"),
                    HtmlPage.render(title, subtitle, t.get("toc"), t.locale().getLanguage(), blocks), StandardCharsets.UTF_8);
            new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValue(outDir.resolve("report.ipynb").toFile(), Notebook.render(title, subtitle, blocks));
            WordDocument.write(outDir.resolve("report.docx"), title, subtitle, t.get("docx.closing"), t.locale(), blocks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            joined(workbook);
        }
    }

    /** Waits for the workbook; its failure is the report's, as if it had been written on this thread. */
    private static void joined(CompletableFuture<Void> workbook) {
        try {
            workbook.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }
}
