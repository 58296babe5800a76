package nl.voorkant.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The report's words in one language: all of them in texts_nl.properties or texts_en.properties,
 * column headers included (keys {@code column.<name>}).
 */
public final class Texts {
    private final Properties texts = new Properties();
    private final Locale locale;

    public Texts(String lang) {
        this.locale = "en".equals(lang) ? Locale.UK : Locale.forLanguageTag("nl-NL");
        String file = "texts_" + ("en".equals(lang) ? "en" : "nl") + ".properties";
        try (InputStream in = Texts.class.getResourceAsStream(file)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        String t = texts.getProperty(key);
        if (t == null) throw new IllegalArgumentException("no text " + key);
        return args.length == 0 ? t : new MessageFormat(t, locale).format(args);
    }

    /** A column's header for the reader; a column without a label (an area name, a new table) keeps its name. */
    public String column(String name) {
        return texts.getProperty("column." + name, name);
    }

    /** A value's label for the reader (a measure, a reject reason); a value without one is shown as it is. */
    public String value(String value) {
        return texts.getProperty("value." + value, value);
    }

    public boolean hasColumnLabel(String name) {
        return texts.containsKey("column." + name);
    }
}
