package nl.voorkant.flow.model;

/** The levels an area is counted at, in the order the tables list them: municipalities first. */
public enum AreaLevel {
    MUNICIPALITY("municipality"), SUBREGION("subregion"), REGION("region");

    private final String code;

    AreaLevel(String code) {
        this.code = code;
    }

    /** The value in the tables' area_level column. */
    public String code() {
        return code;
    }

    public static AreaLevel of(String code) {
        for (AreaLevel l : values()) if (l.code.equals(code)) return l;
        throw new IllegalArgumentException("no area level " + code);
    }
}
