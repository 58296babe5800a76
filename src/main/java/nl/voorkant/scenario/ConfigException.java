package nl.voorkant.scenario;

import nl.voorkant.ingest.InputError;

/** A bad scenario configuration, in one line that names the field: "scenarios[1].duration_months: must be > 0, got -3". */
public final class ConfigException extends InputError {
    private static final long serialVersionUID = 1L;

    public ConfigException(String field, String problem) {
        super(field + ": " + problem);
    }
}
