package nl.voorkant.report;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.voorkant.core.Message;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.ipynb against nbformat's own v4.5 schema (src/test/resources/nbformat, BSD-3 from the nbformat project). */
class NotebookTest {
    static Schema nbformat;

    @BeforeAll
    static void schema() throws IOException {
        try (InputStream in = NotebookTest.class.getResourceAsStream("/nbformat/nbformat.v4.5.schema.json")) {
            // The schema keeps shared definitions under "misc" and spells one keyword "item": words the
            // validator does not know, which it would warn about one by one; they only annotate.
            Dialect draft4 = Dialect.builder(Dialects.getDraft4())
                    .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword)).build();
            nbformat = SchemaRegistry.withDefaultDialect(draft4).getSchema(in);
        }
    }

    @Test
    void theNotebookIsValidNbformatAndCarriesTheReportsContent(@TempDir Path out) throws IOException {
        Report.write(out, HtmlReportTest.tables(), HtmlReportTest.manifest(), List.of(Message.of("note.trends.no_area", "X")), Map.of(),
                new Names(Map.of("GM0482", "Alblasserdam"), Map.of(), Map.of()), "nl");
        JsonNode nb = new ObjectMapper().readTree(out.resolve("report.ipynb").toFile());
        List<Error> errors = nbformat.validate(nb);
        assertTrue(errors.isEmpty(), "nbformat 4.5: " + errors);
        assertEquals(4, nb.get("nbformat").asInt());

        List<String> markdown = new ArrayList<>();
        List<JsonNode> outputs = new ArrayList<>();
        for (JsonNode cell : nb.get("cells")) {
            if (cell.get("cell_type").asText().equals("markdown")) markdown.add(text(cell.get("source")));
            else {
                assertTrue(cell.get("execution_count").isNull());
                assertTrue(text(cell.get("source")).startsWith("# "), "a code cell holds only a comment");
                cell.get("outputs").forEach(outputs::add);
            }
        }
        assertTrue(markdown.stream().anyMatch(m -> m.startsWith("## 1. Data en kwaliteit\n")), "numbered Dutch sections");
        assertTrue(markdown.stream().anyMatch(m -> m.contains("- trends voor X overgeslagen")), "notes as a list");
        long images = outputs.stream().filter(o -> o.get("data").has("image/png")).count();
        long pngs;
        try (Stream<Path> files = Files.list(out.resolve("charts"))) {
            pngs = files.filter(f -> f.toString().endsWith(".png")).count();
        }
        assertEquals(3, pngs);
        assertEquals(pngs, images, "every chart is in the notebook");
        for (JsonNode o : outputs) {
            assertEquals("display_data", o.get("output_type").asText());
            if (o.get("data").has("image/png")) {
                byte[] png = Base64.getDecoder().decode(o.get("data").get("image/png").asText());
                assertEquals(Charts.WIDTH, ImageIO.read(new ByteArrayInputStream(png)).getWidth());
            }
        }
        String tables = String.join("\n", outputs.stream().filter(o -> o.get("data").has("text/html"))
                .map(o -> text(o.get("data").get("text/html")) + text(o.get("data").get("text/plain"))).toList());
        assertTrue(tables.contains("<td>77 · € 247.332</td>"), "the memo's layout, as on the page");
        assertTrue(tables.contains("<th>lokaal aandeel</th>"), "Dutch headers");
        assertTrue(tables.contains("gebied  jaar  lokaal aandeel"), "and as aligned text");
    }

    @Test
    void theSchemaRejectsWhatJupyterWouldNotOpen(@TempDir Path out) throws IOException {
        Report.write(out, HtmlReportTest.tables(), HtmlReportTest.manifest(), List.of(), Map.of(), Names.NONE, "en");
        ObjectNode nb = (ObjectNode) new ObjectMapper().readTree(out.resolve("report.ipynb").toFile());
        assertTrue(nbformat.validate(nb).isEmpty());
        // The first code cell: the key findings and the contents come before it as markdown.
        ObjectNode code = null;
        for (var cell : nb.get("cells")) if (code == null && "code".equals(cell.get("cell_type").asText())) code = (ObjectNode) cell;
        code.remove("outputs");
        assertFalse(nbformat.validate(nb).isEmpty(), "a code cell without outputs is invalid");
    }

    @Test
    void markdownShowsPlainTextAsWritten() {
        assertEquals("rejects\\_by\\_reason \\*2\\* \\<b\\> \\# \\[x\\]", Notebook.md("rejects_by_reason *2* <b> # [x]"));
    }

    private static String text(JsonNode multiline) {
        if (multiline.isTextual()) return multiline.asText();
        StringBuilder s = new StringBuilder();
        multiline.forEach(line -> s.append(line.asText()));
        return s.toString();
    }
}
