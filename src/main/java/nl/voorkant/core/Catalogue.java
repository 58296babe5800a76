package nl.voorkant.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The message catalogue in one language (texts_nl.properties or texts_en.properties beside the
 * report's code): the report's words, and the notes and table texts of the other stages, which
 * write their tables' text cells in Dutch and hand the report the {@link Message}s to word them
 * in its own language.
 */
public final class Catalogue {
    private static final String FOLDER = "/nl/voorkant/report/";
    private final Properties texts = new Properties();
    private final Locale locale;

    private Catalogue(String lang) {
        this.locale = "en".equals(lang) ? Locale.UK : Locale.forLanguageTag("nl-NL");
        String file = FOLDER + "texts_" + ("en".equals(lang) ? "en" : "nl") + ".properties";
        try (InputStream in = Catalogue.class.getResourceAsStream(file)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "en" for English, anything else for Dutch. */
    public static Catalogue of(String lang) {
        return "en".equals(lang) ? ENGLISH : DUTCH;
    }

    private static final Catalogue DUTCH = new Catalogue("nl");
    private static final Catalogue ENGLISH = new Catalogue("en");

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        String t = texts.getProperty(key);
        if (t == null) throw new IllegalArgumentException("no text " + key);
        return args.length == 0 ? t : new MessageFormat(t, locale).format(args);
    }

    /** The text at a key, or {@code otherwise} when the catalogue has none. */
    public String getOrDefault(String key, String otherwise) {
        return texts.getProperty(key, otherwise);
    }

    public boolean has(String key) {
        return texts.containsKey(key);
    }

    public String render(Message m) {
        List<String> args = new ArrayList<>(m.args().size());
        for (Object a : m.args()) args.add(a instanceof Message inner ? render(inner) : (String) a);
        return m.key().equals(Message.PARTS) ? String.join("; ", args) : get(m.key(), args.toArray());
    }
}
