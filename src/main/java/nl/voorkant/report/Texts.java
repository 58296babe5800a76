package nl.voorkant.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * The same, with the codes among its arguments (product groups, areas, scenarios, also in a list
     * such as "begeleiding, jo_netwerk") by the names the reader knows them by.
     */
    public String render(Message m, Names names) {
        List<Object> args = new ArrayList<>(m.args().size());
        for (Object a : m.args()) args.add(a instanceof Message inner ? render(inner, names) : inText((String) a, names));
        return m.key().equals(Message.PARTS) ? String.join("; ", args.stream().map(String::valueOf).toList())
                : catalogue.get(m.key(), args.toArray());
    }

    /** A column's header for the reader; a column without a label (an area name, a new table) keeps its name. */
    public String column(String name) {
        return catalogue.getOrDefault("column." + name, name);
    }

    /** A value's label for the reader (a measure, a reject reason); a value without one is shown as it is. */
    public String value(String value) {
        return catalogue.getOrDefault("value." + value, value);
    }

    /**
     * A text of codes with every code of a group, area or scenario replaced by its name, and a column's
     * (a measure's) by its label: a message's argument "begeleiding, jo_netwerk" reads "Begeleiding (l)vb,
     * J&O in netwerk jeugdige", and "unique_clients, cost_eur" reads "unieke cliënten, kosten (€)".
     */
    String inText(String text, Names names) {
        Matcher m = CODE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String code = m.group();
            String name = names.scenarios().containsKey(code) ? names.scenario(code)
                    : names.groups().containsKey(code) ? names.group(code)
                    : names.areas().containsKey(code) ? names.area(code) : column(code);
            m.appendReplacement(out, Matcher.quoteReplacement(name));
        }
        return m.appendTail(out).toString();
    }

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]+");

    /** A run setting of manifest.json by its label; one without a label keeps its key. */
    public String parameter(String key) {
        return catalogue.getOrDefault("parameter." + key, key);
    }

    /** Yes or no in the report's language. */
    public String yesNo(boolean b) {
        return catalogue.get(b ? "value.true" : "value.false");
    }

    public boolean hasColumnLabel(String name) {
        return catalogue.has("column." + name);
    }
}
