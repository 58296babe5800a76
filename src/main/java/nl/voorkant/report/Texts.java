package nl.voorkant.report;

import java.util.Locale;
import nl.voorkant.core.Catalogue;
import nl.voorkant.core.Message;

/**
 * The report's words in one language: all of them in texts_nl.properties or texts_en.properties,
 * column headers included (keys {@code column.<name>}).
 */
public final class Texts {
    private final Catalogue catalogue;

    public Texts(String lang) {
        this.catalogue = Catalogue.of(lang);
    }

    public Locale locale() {
        return catalogue.locale();
    }

    public String get(String key, Object... args) {
        return catalogue.get(key, args);
    }

    /** A note or a table text of another stage, in the report's language. */
    public String render(Message m) {
        return catalogue.render(m);
    }

    /** A column's header for the reader; a column without a label (an area name, a new table) keeps its name. */
    public String column(String name) {
        return catalogue.getOrDefault("column." + name, name);
    }

    /** A value's label for the reader (a measure, a reject reason); a value without one is shown as it is. */
    public String value(String value) {
        return catalogue.getOrDefault("value." + value, value);
    }

    public boolean hasColumnLabel(String name) {
        return catalogue.has("column." + name);
    }
}
