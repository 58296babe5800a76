package nl.voorkant.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.voorkant.ingest.Reference;
import nl.voorkant.ingest.Reference.Municipality;
import nl.voorkant.ingest.Reference.Product;
import nl.voorkant.ingest.Reference.Provision;

/** A tiny catalogue for hand-built tests: three market groups (one out of home), one local group, three municipalities in two subregions. */
public final class TestReference {
    private TestReference() {}

    public static Reference small() {
        Map<String, Product> products = new LinkedHashMap<>();
        products.put("H300", new Product("H300", "Begeleiding", "begeleiding", "Begeleiding", "45", Provision.MARKET, 0.8, 15, 10, false));
        products.put("H153", new Product("H153", "Begeleiding extra", "begeleiding", "Begeleiding", "45", Provision.MARKET, 0.8, 15, 10, false));
        products.put("JH-2A", new Product("JH-2A", "J&O in netwerk", "jo_netwerk", "J&O in netwerk", "45", Provision.MARKET, 0.8, 15, 10, false));
        products.put("VB01", new Product("VB01", "Verblijf", "verblijf", "Verblijf", "44", Provision.MARKET, 0, 5, 10, true));
        products.put("LT001", new Product("LT001", "Lokaal team", "lokaal_team", "Lokaal team", "31", Provision.LOCAL, 0, 15, 10, false));
        Map<String, Municipality> municipalities = new LinkedHashMap<>();
        municipalities.put("GM0482", new Municipality("GM0482", "Alblasserdam", "Noord", "Regio", 4000));
        municipalities.put("GM0590", new Municipality("GM0590", "Papendrecht", "Noord", "Regio", 7000));
        municipalities.put("GM0505", new Municipality("GM0505", "Dordrecht", "Zuid", "Regio", 25000));
        return new Reference(products, municipalities);
    }
}
