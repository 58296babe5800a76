package nl.voorkant.report;

import java.util.List;

/**
 * One piece of the report, built once and rendered by every writer (HTML page, notebook), so the
 * formats cannot drift apart. Texts and cells arrive formatted for the report's language.
 */
sealed interface Block {
    /** The start of a numbered section; the anchor links the table of contents to it. */
    record Section(String anchor, int number, String title) implements Block {}

    record Subheading(String text) implements Block {}

    record Paragraph(String text) implements Block {}

    record Bullets(List<String> items) implements Block {}

    /** A table as shown: translated headers and formatted cells. */
    record TableBlock(String name, List<String> headers, List<List<Cell>> rows) implements Block {}

    /** {@code numeric} right-aligns the cell; an empty (suppressed) figure counts as numeric. */
    record Cell(String text, boolean numeric) {}

    record Chart(String file, String caption, byte[] png) implements Block {}

    /** The briefing's answer in a few sentences, shown before the table of contents. */
    record Findings(String title, List<String> items) implements Block {}

    /**
     * The start of the appendix: the blocks after it are looked up rather than read (long tables,
     * municipality detail), so the body before it stays short enough to print and to paste.
     */
    record Appendix(String anchor, String title, String intro) implements Block {}
}
