package nl.voorkant.report;

import java.util.Base64;
import java.util.List;

/** The report as one self-contained page: charts embedded, no network, prints on A4. */
final class HtmlPage {
    private HtmlPage() {}

    static String render(String title, String subtitle, String tocTitle, String lang, List<Block> blocks) {
        StringBuilder toc = new StringBuilder("<nav><h2>" + esc(tocTitle) + "</h2><ol>");
        StringBuilder findings = new StringBuilder();
        StringBuilder body = new StringBuilder();
        boolean inSection = false;
        for (Block b : blocks) {
            if (b instanceof Block.Findings k) {
                findings.append("<aside class=\"findings\"><h2>").append(esc(k.title())).append("</h2><ul>\n");
                for (String item : k.items()) findings.append("<li>").append(esc(item)).append("</li>\n");
                findings.append("</ul></aside>\n");
            } else if (b instanceof Block.Appendix a) {
                if (inSection) body.append("</section>\n");
                inSection = true;
                toc.append("<li class=\"appendix\"><a href=\"#").append(a.anchor()).append("\">").append(esc(a.title()))
                        .append("</a></li>");
                body.append("<section id=\"").append(a.anchor()).append("\" class=\"appendix\">\n<h2>")
                        .append(esc(a.title())).append("</h2>\n<p>").append(esc(a.intro())).append("</p>\n");
            } else if (b instanceof Block.Section h) {
                if (inSection) body.append("</section>\n");
                inSection = true;
                toc.append("<li><a href=\"#").append(h.anchor()).append("\">").append(esc(h.title())).append("</a></li>");
                body.append("<section id=\"").append(h.anchor()).append("\">\n<h2>").append(h.number()).append(". ")
                        .append(esc(h.title())).append("</h2>\n");
            } else if (b instanceof Block.Subheading h) {
                body.append("<h3>").append(esc(h.text())).append("</h3>\n");
            } else if (b instanceof Block.Paragraph p) {
                body.append("<p>").append(esc(p.text())).append("</p>\n");
            } else if (b instanceof Block.Bullets l) {
                body.append("<ul>\n");
                for (String item : l.items()) body.append("<li>").append(esc(item)).append("</li>\n");
                body.append("</ul>\n");
            } else if (b instanceof Block.TableBlock t) {
                body.append(table(t));
            } else if (b instanceof Block.Chart c) {
                body.append("<figure><img alt=\"").append(esc(c.caption())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(c.png())).append("\"><figcaption>")
                        .append(esc(c.caption())).append("</figcaption></figure>\n");
            }
        }
        if (inSection) body.append("</section>\n");
        toc.append("</ol></nav>\n");
        return "<!DOCTYPE html>\n<html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + esc(title)
                + "</title><style>" + CSS + "</style></head><body><header><h1>" + esc(title) + "</h1><p>"
                + esc(subtitle) + "</p></header>\n" + findings + toc + "<main>\n" + body + "</main></body></html>\n";
    }

    /** The table as an HTML fragment; the notebook shows the same fragment. */
    static String table(Block.TableBlock table) {
        StringBuilder s = new StringBuilder("<div class=\"table\"><table><thead><tr>");
        for (String h : table.headers()) s.append("<th>").append(esc(h)).append("</th>");
        s.append("</tr></thead><tbody>\n");
        for (List<Block.Cell> row : table.rows()) {
            s.append("<tr>");
            for (Block.Cell c : row) {
                s.append(c.numeric() ? "<td class=\"num\">" : "<td>").append(esc(c.text())).append("</td>");
            }
            s.append("</tr>\n");
        }
        return s.append("</tbody></table></div>\n").toString();
    }

    static final String CSS = """
            body{font-family:'DejaVu Sans',Arial,sans-serif;color:#222;max-width:1100px;margin:2em auto;padding:0 1em;line-height:1.45}
            h1{color:#1f4e79;margin-bottom:.2em}h2{color:#1f4e79;border-bottom:2px solid #1f4e79;padding-bottom:.2em;margin-top:1.6em}
            h3{color:#333;font-size:1em}nav ol{columns:2}figure{margin:1em 0}img{max-width:100%;height:auto;border:1px solid #ddd}
            figcaption{font-size:.85em;color:#555}.findings{background:#eef3f8;border-left:4px solid #1f4e79;padding:.2em 1em .6em}
            .findings h2{border:none;margin-top:.4em}.table{overflow-x:auto;margin:.8em 0}
            table{border-collapse:collapse;font-size:.82em}th,td{border:1px solid #ccc;padding:.25em .5em}
            th{background:#eef3f8;text-align:left;vertical-align:bottom}td.num{text-align:right;white-space:nowrap}
            tbody tr:nth-child(even){background:#fafafa}
            nav li.appendix{list-style:none}.appendix>h2{border-bottom-style:double}.appendix h3{color:#1f4e79;margin-top:1.4em}
            @page{size:A4 portrait;margin:14mm 12mm 16mm}
            @media print{body{max-width:none;margin:0;padding:0;font-size:9.5pt;line-height:1.35}
            h2{font-size:14pt;margin-top:1.1em}h2,h3{break-after:avoid;page-break-after:avoid}
            p{orphans:3;widows:3}section{break-inside:auto}.appendix{break-before:page}nav{break-after:page}
            figure{margin:.5em 0;text-align:center}figure img{width:150mm;max-width:100%}figcaption{text-align:left}
            figure,tr,.findings{break-inside:avoid;page-break-inside:avoid}thead{display:table-header-group}
            .table{overflow:visible}table{font-size:7.5pt}th,td{padding:.15em .35em}tbody tr:nth-child(even){background:none}}
            """;

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
