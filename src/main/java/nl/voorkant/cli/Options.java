package nl.voorkant.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.voorkant.core.Folders;
import nl.voorkant.core.StoragePath;
import nl.voorkant.ingest.InputError;

/**
 * Command-line options of one command: "--name value" pairs and "--flag" switches, all declared
 * up front so that a typo is an error rather than a silently ignored option.
 */
final class Options {
    private final String command;
    private final Map<String, String> valueOptions = new LinkedHashMap<>();
    private final Map<String, String> flags = new LinkedHashMap<>();
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, Boolean> set = new HashMap<>();

    Options(String command) {
        this.command = command;
    }

    Options value(String name, String help) {
        valueOptions.put(name, help);
        return this;
    }

    Options flag(String name, String help) {
        flags.put(name, help);
        return this;
    }

    /** Parses the arguments; returns false when --help was asked (the usage is then printed). */
    boolean parse(List<String> args, String usageLine) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-h")) {
                System.out.println(usage(usageLine));
                return false;
            }
            String name = a.startsWith("--") ? a.substring(2) : null;
            String inline = null;
            if (name != null && name.contains("=")) {
                inline = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            }
            if (name != null && flags.containsKey(name) && inline == null) {
                set.put(name, true);
            } else if (name != null && valueOptions.containsKey(name)) {
                if (inline == null) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new InputError(command + ": option --" + name + " needs a value");
                    }
                    inline = args.get(++i);
                }
                values.put(name, inline);
            } else {
                throw new InputError(command + ": unknown option '" + a + "' (see ./run.sh " + command + " --help)");
            }
        }
        return true;
    }

    String usage(String usageLine) {
        StringBuilder sb = new StringBuilder("Usage: ./run.sh " + command + " " + usageLine + "\n\nOptions:\n");
        valueOptions.forEach((k, v) -> sb.append(String.format("  --%-22s %s%n", k + " VALUE", v)));
        flags.forEach((k, v) -> sb.append(String.format("  --%-22s %s%n", k, v)));
        sb.append(String.format("  --%-22s %s%n", "help", "show this help"));
        return sb.toString();
    }

    String get(String name, String dflt) {
        return values.getOrDefault(name, dflt);
    }

    boolean has(String name) {
        return values.containsKey(name) || set.getOrDefault(name, false);
    }

    Path existingPath(String name, String dflt) {
        Path p = Path.of(get(name, dflt));
        if (!Files.exists(p)) throw new InputError(command + ": --" + name + " " + p + " does not exist");
        return p;
    }

    /** A path that exists, local or a Hadoop FileSystem URI (hdfs://, s3a:// …). */
    StoragePath existingStorage(String name, String dflt) {
        StoragePath p = storage(name, dflt);
        boolean exists;
        try {
            exists = p.exists();
        } catch (java.io.UncheckedIOException e) {
            throw unreachable(name, p.toString(), e);
        }
        if (!exists) throw new InputError(command + ": --" + name + " " + p + " does not exist");
        return p;
    }

    /** A path, local or a Hadoop FileSystem URI; null when the option is not given and has no default. */
    StoragePath storage(String name, String dflt) {
        String spec = get(name, dflt);
        if (spec == null) return null;
        try {
            return StoragePath.of(spec);
        } catch (IllegalArgumentException e) {
            throw unreachable(name, spec, e);
        }
    }

    private InputError unreachable(String name, String spec, RuntimeException e) {
        return new InputError(command + ": --" + name + " " + spec + " cannot be reached (" + Folders.reason(e) + ")");
    }

    int intValue(String name, int dflt, int min, int max) {
        String v = values.get(name);
        if (v == null) return dflt;
        try {
            int i = Integer.parseInt(v.strip());
            if (i < min || i > max) throw new NumberFormatException();
            return i;
        } catch (NumberFormatException e) {
            throw new InputError(command + ": --" + name + " must be a whole number from " + min + " to " + max
                    + ", got '" + v + "'");
        }
    }

    double doubleValue(String name, double dflt, double min, double max) {
        String v = values.get(name);
        if (v == null) return dflt;
        try {
            double d = Double.parseDouble(v.strip());
            if (!(d >= min && d <= max)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new InputError(command + ": --" + name + " must be a number from " + min + " to " + max
                    + ", got '" + v + "'");
        }
    }

    String choice(String name, String dflt, String... allowed) {
        String v = get(name, dflt);
        if (!List.of(allowed).contains(v)) {
            throw new InputError(command + ": --" + name + " must be one of " + String.join(", ", allowed)
                    + ", got '" + v + "'");
        }
        return v;
    }
}
