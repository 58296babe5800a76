package nl.voorkant.flow.model;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;
import nl.voorkant.ingest.Reference;

/**
 * What the fold needs to know of the catalogue's product groups: which are provided on the market (a
 * composite package is counted among them alone) and which are out of home (only their trajectories'
 * costs are needed, for the placements).
 */
public record CareGroups(Set<String> market, Set<String> outOfHome) implements Serializable {
    public CareGroups {
        market = Set.copyOf(market);
        outOfHome = Set.copyOf(outOfHome);
    }

    public static CareGroups of(Reference reference) {
        Set<String> market = new HashSet<>(), outOfHome = new HashSet<>();
        for (Reference.Product p : reference.groups().values()) {
            if (p.provision() == Reference.Provision.MARKET) market.add(p.group());
            if (p.outOfHome()) outOfHome.add(p.group());
        }
        return new CareGroups(market, outOfHome);
    }
}
