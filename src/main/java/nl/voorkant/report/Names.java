package nl.voorkant.report;

import java.util.Map;

/**
 * How the reader knows the run's codes: areas, product groups and scenarios by the names a policy
 * advisor uses. A code without a name is shown as it is.
 */
public record Names(Map<String, String> areas, Map<String, String> groups, Map<String, String> scenarios) {
    public static final Names NONE = new Names(Map.of(), Map.of(), Map.of());

    public Names {
        areas = Map.copyOf(areas);
        groups = Map.copyOf(groups);
        scenarios = Map.copyOf(scenarios);
    }

    public String area(String code) {
        return areas.getOrDefault(code, code);
    }

    public String group(String code) {
        return groups.getOrDefault(code, code);
    }

    public String scenario(String name) {
        return scenarios.getOrDefault(name, name);
    }
}
