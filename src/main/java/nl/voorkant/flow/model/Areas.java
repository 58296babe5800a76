package nl.voorkant.flow.model;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;
import nl.voorkant.flow.model.AreaLevel;
import nl.voorkant.ingest.Reference;

/** Per municipality the areas it counts in: itself, its subregion and its region, in that order. */
public final class Areas implements Serializable {
    private final HashMap<String, List<Area>> byMunicipality;

    private Areas(HashMap<String, List<Area>> byMunicipality) {
        this.byMunicipality = byMunicipality;
    }

    public static Areas of(Reference reference) {
        HashMap<String, List<Area>> out = new HashMap<>();
        for (Reference.Municipality m : reference.municipalities().values()) {
            out.put(m.code(), List.of(new Area(m.code(), AreaLevel.MUNICIPALITY), new Area(m.subregion(), AreaLevel.SUBREGION),
                    new Area(m.region(), AreaLevel.REGION)));
        }
        return new Areas(out);
    }

    /** The areas a municipality counts in; none for a code the reference does not know. */
    public List<Area> of(String municipality) {
        return byMunicipality.getOrDefault(municipality, List.of());
    }

    /** The codes of every area of every municipality. */
    public TreeSet<String> codes() {
        TreeSet<String> codes = new TreeSet<>();
        byMunicipality.values().forEach(areas -> areas.forEach(a -> codes.add(a.code())));
        return codes;
    }
}
