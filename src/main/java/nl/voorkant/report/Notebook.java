package nl.voorkant.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The report as a Jupyter notebook (nbformat 4.5): the text as markdown cells, each table and
 * chart as a code cell that holds only a comment and carries the result as its saved output, so
 * the notebook reads the same as the page without a kernel or the data.
 */
final class Notebook {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ArrayNode cells = JSON.createArrayNode();
    private final StringBuilder markdown = new StringBuilder();

    private Notebook() {}

    static ObjectNode render(String title, String subtitle, List<Block> blocks) {
        Notebook n = new Notebook();
        n.markdown.append("# ").append(md(title)).append("\n\n").append(md(subtitle)).append('\n');
        for (Block b : blocks) n.add(b);
        n.flushMarkdown();
        ObjectNode nb = JSON.createObjectNode();
        nb.set("cells", n.cells);
        ObjectNode meta = nb.putObject("metadata");
        meta.putObject("kernelspec").put("name", "python3").put("display_name", "Python 3");
        meta.putObject("language_info").put("name", "python");
        meta.put("title", title);
        nb.put("nbformat", 4);
        nb.put("nbformat_minor", 5);
        return nb;
    }

    private void add(Block b) {
        if (b instanceof Block.Findings k) {
            flushMarkdown();
            markdown.append("## ").append(md(k.title())).append("\n\n");
            for (String item : k.items()) markdown.append("- ").append(md(item)).append('\n');
        } else if (b instanceof Block.Appendix a) {
            flushMarkdown();
            markdown.append("## ").append(md(a.title())).append("\n\n").append(md(a.intro())).append('\n');
        } else if (b instanceof Block.Section s) {
            flushMarkdown();
            markdown.append("## ").append(s.number()).append(". ").append(md(s.title())).append('\n');
        } else if (b instanceof Block.Subheading h) {
            markdown.append("\n### ").append(md(h.text())).append('\n');
        } else if (b instanceof Block.Paragraph p) {
            markdown.append('\n').append(md(p.text())).append('\n');
        } else if (b instanceof Block.Bullets l) {
            markdown.append('\n');
            for (String item : l.items()) markdown.append("- ").append(md(item)).append('\n');
        } else if (b instanceof Block.TableBlock t) {
            ObjectNode data = JSON.createObjectNode();
            data.set("text/html", lines(HtmlPage.table(t)));
            data.set("text/plain", lines(plain(t)));
            code(source(t), data);
        } else if (b instanceof Block.Chart c) {
            ObjectNode data = JSON.createObjectNode();
            data.put("image/png", Base64.getEncoder().encodeToString(c.png()));
            data.set("text/plain", lines(c.caption()));
            code("# charts/" + c.file() + ".png", data);
        }
    }

    /**
     * A table's cell names the file it comes from, so the reader can open it in full: a published table its
     * own, the report's tables of the run manifest.json, the memo's layout the yearly flow table.
     */
    static String source(Block.TableBlock t) {
        if (ReportTables.FIXED.stream().anyMatch(s -> s.matches(t.name()))) return "# manifest.json";
        if (t.name().startsWith(ReportTables.CARE_USE)) return "# tables/flow_year.csv";
        return ReportTables.published(t.name()) != null ? "# tables/" + t.name() + ".csv" : "#";
    }

    private void code(String comment, ObjectNode data) {
        flushMarkdown();
        ObjectNode cell = cell("code", comment);
        cell.putNull("execution_count");
        ObjectNode output = cell.putArray("outputs").addObject();
        output.put("output_type", "display_data");
        output.set("data", data);
        output.putObject("metadata");
    }

    private void flushMarkdown() {
        if (markdown.length() > 0) cell("markdown", markdown.toString().strip());
        markdown.setLength(0);
    }

    private ObjectNode cell(String type, String source) {
        ObjectNode cell = cells.addObject();
        cell.put("id", "cell-" + cells.size());
        cell.put("cell_type", type);
        cell.putObject("metadata");
        cell.set("source", lines(source));
        return cell;
    }

    /** Jupyter's multi-line strings: a list of lines, each but the last ending in a newline. */
    private static ArrayNode lines(String text) {
        ArrayNode a = JSON.createArrayNode();
        int from = 0;
        for (int i = text.indexOf('\n'); i >= 0 && i < text.length() - 1; i = text.indexOf('\n', from)) {
            a.add(text.substring(from, i + 1));
            from = i + 1;
        }
        a.add(text.substring(from));
        return a;
    }

    /** The table as aligned text, for viewers that do not render HTML. */
    static String plain(Block.TableBlock t) {
        int[] widths = new int[t.headers().size()];
        List<List<String>> all = new ArrayList<>();
        all.add(t.headers());
        for (List<Block.Cell> row : t.rows()) all.add(row.stream().map(Block.Cell::text).toList());
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) widths[i] = Math.max(widths[i], row.get(i).length());
        }
        StringBuilder s = new StringBuilder();
        for (int r = 0; r < all.size(); r++) {
            List<String> row = all.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String text = row.get(i);
                boolean right = r > 0 && t.rows().get(r - 1).get(i).numeric();
                String pad = " ".repeat(widths[i] - text.length());
                line.append(i == 0 ? "" : "  ").append(right ? pad + text : text + pad);
            }
            s.append(line.toString().stripTrailing()).append('\n');
        }
        return s.toString();
    }

    /** Plain text inside markdown: characters that markdown would read as markup are escaped. */
    static String md(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
    }
}
