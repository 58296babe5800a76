package nl.voorkant.ingest;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceTest {
    static final String MUNICIPALITIES = """
            municipality_code,municipality_name,subregion,region,youth_population
            482,Alblasserdam,Drechtsteden-Noord,Zuid-Holland Zuid,4612
            """;

    @Test
    void aCatalogueWithOnlyTheRequiredColumnsGetsTheDocumentedDefaults(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("products.csv"), """
                product_code;product_name;product_group;product_category;provision
                h300;Begeleiding;begeleiding;45;market
                """);
        Files.writeString(dir.resolve("municipalities.csv"), MUNICIPALITIES);
        Reference r = Reference.load(dir);
        Reference.Product p = r.product("H300");
        assertEquals(Reference.Provision.MARKET, p.provision());
        assertEquals("begeleiding", p.groupName());
        assertEquals(0.0, p.shiftableShare());
        assertEquals(15.0, p.clientsPerFte());
        assertEquals(10.0, p.hoursPerDecision());
        assertEquals("Drechtsteden-Noord", r.municipality("GM0482").subregion());
    }

    @Test
    void badCataloguesAreOneLineErrors(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("municipalities.csv"), MUNICIPALITIES);
        Files.writeString(dir.resolve("products.csv"), """
                product_code,product_name,product_group,product_category,provision
                H300,Begeleiding,begeleiding,45,MARKET
                H153,Begeleiding extra,begeleiding,45,LOCAL
                """);
        assertEquals("products.csv line 3: product group begeleiding is MARKET for H300 but LOCAL for H153",
                assertThrows(InputError.class, () -> Reference.load(dir)).getMessage());
        Files.writeString(dir.resolve("products.csv"), """
                product_code,product_name,product_group,product_category,provision,shiftable_share
                H300,Begeleiding,begeleiding,45,MARKET,1.5
                """);
        assertTrue(assertThrows(InputError.class, () -> Reference.load(dir)).getMessage()
                .startsWith("products.csv line 2: shiftable_share must lie in [0.0, 1.0]"));
        Files.writeString(dir.resolve("products.csv"), "product_code,product_name\nH300,x\n");
        assertTrue(assertThrows(InputError.class, () -> Reference.load(dir)).getMessage().contains("missing column product_group"));
    }

    @Test
    void outOfHomeDefaultsToAGroupOfResidentialCategoriesAndTheCatalogueMayMarkIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("municipalities.csv"), MUNICIPALITIES);
        Files.writeString(dir.resolve("products.csv"), """
                product_code,product_name,product_group,product_category,provision
                VB1,Pleegzorg,verblijf,44,MARKET
                VB2,Residentieel,verblijf,43,MARKET
                SG1,GGZ ambulant,ggz,55,MARKET
                SG2,GGZ met verblijf,ggz,43,MARKET
                """);
        Reference r = Reference.load(dir);
        assertTrue(r.groups().get("verblijf").outOfHome(), "every product of verblijf is of category 43 or 44");
        assertFalse(r.product("SG2").outOfHome(), "a group that mixes residential with ambulant care is not out of home");
        Files.writeString(dir.resolve("products.csv"), """
                product_code,product_name,product_group,product_category,provision,out_of_home
                SG1,GGZ ambulant,ggz,55,MARKET,
                SG2,GGZ met verblijf,ggz,43,MARKET,TRUE
                VB1,Pleegzorg,verblijf,44,MARKET,false
                """);
        r = Reference.load(dir);
        assertTrue(r.product("SG1").outOfHome(), "a group's one marked row marks the group");
        assertFalse(r.product("VB1").outOfHome(), "the catalogue's word beats the category");
        Files.writeString(dir.resolve("products.csv"), """
                product_code,product_name,product_group,product_category,provision,out_of_home
                VB1,Pleegzorg,verblijf,44,MARKET,true
                VB2,Residentieel,verblijf,43,MARKET,false
                """);
        assertEquals("products.csv line 3: product group verblijf is out_of_home true on an earlier line but false for VB2",
                assertThrows(InputError.class, () -> Reference.load(dir)).getMessage());
        Files.writeString(dir.resolve("products.csv"), """
                product_code,product_name,product_group,product_category,provision,out_of_home
                VB1,Pleegzorg,verblijf,44,MARKET,ja
                """);
        assertEquals("products.csv line 2: out_of_home must be true or false, got 'ja'",
                assertThrows(InputError.class, () -> Reference.load(dir)).getMessage());
    }
}
