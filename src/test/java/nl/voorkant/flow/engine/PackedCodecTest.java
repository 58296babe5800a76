package nl.voorkant.flow.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Set;
import nl.voorkant.flow.model.Areas;
import nl.voorkant.flow.model.ContributionList;
import nl.voorkant.flow.model.Contributions.CombinedClients;
import nl.voorkant.flow.model.Contributions.CompositeClients;
import nl.voorkant.flow.model.Contributions.MonthCount;
import nl.voorkant.flow.model.Contributions.ProviderCost;
import nl.voorkant.flow.model.Contributions.ProviderSpread;
import nl.voorkant.flow.model.Contributions.TrajectoryCost;
import nl.voorkant.flow.model.Contributions.TrajectorySpan;
import nl.voorkant.flow.model.Contributions.YearCount;
import nl.voorkant.flow.model.Place;
import nl.voorkant.flow.model.UnitType;
import nl.voorkant.flow.model.AreaLevel;
import nl.voorkant.ingest.Reference;
import nl.voorkant.testing.TestReference;
import org.junit.jupiter.api.Test;

class PackedCodecTest {
    static final Reference REFERENCE = TestReference.small();
    static final Place H300_GM0482 = Place.municipality(UnitType.PRODUCT, "GM0482", "H300");
    static final Place BEGELEIDING_GM0482 = Place.municipality(UnitType.PRODUCT_GROUP, "GM0482", "begeleiding");
    static final Place BEGELEIDING_NOORD = new Place(UnitType.PRODUCT_GROUP, "Noord", AreaLevel.SUBREGION, "begeleiding");

    @Test
    void contributionsTravelAsNumbersAndComeBackSummedPerKey() {
        PackedCodec codec = PackedCodec.of(Areas.of(REFERENCE), REFERENCE);
        PackedCodec.Encoder encoder = codec.encoder();
        encoder.add(H300_GM0482, new TrajectorySpan(24228, 24240, 1, 1, 0));
        encoder.add(H300_GM0482, new TrajectorySpan(24228, 24240, 1, 0, 1));
        encoder.add(BEGELEIDING_GM0482, new ProviderCost(2019, "A1", 250));
        encoder.add(BEGELEIDING_GM0482, new ProviderCost(2019, "B2", 100));
        encoder.add(BEGELEIDING_GM0482, new MonthCount(24228, 1, 5000));
        encoder.add(BEGELEIDING_NOORD, new MonthCount(24228, -1, 0));
        encoder.add(BEGELEIDING_NOORD, new YearCount(2019, -1, -2, 0));
        assertEquals(6, encoder.size(), "the two trajectories share a key; every other contribution has its own");
        ContributionList back = new ContributionList();
        PackedCodec.Decoder decoder = codec.decoder();
        for (PackedCodec.Partial p : encoder.partials(1)) decoder.decode(p, back);
        assertEquals(Set.of(new ContributionList.Placed(H300_GM0482, new TrajectorySpan(24228, 24240, 2, 1, 1)),
                new ContributionList.Placed(BEGELEIDING_GM0482, new ProviderCost(2019, "A1", 250)),
                new ContributionList.Placed(BEGELEIDING_GM0482, new ProviderCost(2019, "B2", 100)),
                new ContributionList.Placed(BEGELEIDING_GM0482, new MonthCount(24228, 1, 5000)),
                new ContributionList.Placed(BEGELEIDING_NOORD, new MonthCount(24228, -1, 0)),
                new ContributionList.Placed(BEGELEIDING_NOORD, new YearCount(2019, -1, -2, 0))), Set.copyOf(back.all),
                "each contribution comes back with its place and fields, negative corrections included");
        assertThrows(IllegalStateException.class, () -> encoder.add(Place.municipality(UnitType.PRODUCT_GROUP, "GM9999",
                "begeleiding"), new YearCount(2019, 1, 1, 1)), "an area the reference does not know has no number");
    }

    @Test
    void providerCostsAreSummedPerPlaceYearAndProvider() {
        PackedCodec codec = PackedCodec.of(Areas.of(REFERENCE), REFERENCE);
        PackedCodec.Encoder encoder = codec.encoder();
        encoder.add(BEGELEIDING_GM0482, new ProviderCost(2019, "A1", 250));
        encoder.add(BEGELEIDING_GM0482, new ProviderCost(2019, "A1", 50));
        encoder.add(BEGELEIDING_GM0482, new ProviderCost(2020, "A1", 7));
        encoder.add(H300_GM0482, new ProviderCost(2019, "A1", 3));
        encoder.add(BEGELEIDING_GM0482, new ProviderCost(2019, "B2", 100));
        assertEquals(4, encoder.size(), "one sum per place, year and provider");
        ContributionList back = new ContributionList();
        PackedCodec.Decoder decoder = codec.decoder();
        for (PackedCodec.Partial p : encoder.partials(1)) decoder.decode(p, back);
        assertEquals(Set.of(new ContributionList.Placed(BEGELEIDING_GM0482, new ProviderCost(2019, "A1", 300)),
                new ContributionList.Placed(BEGELEIDING_GM0482, new ProviderCost(2020, "A1", 7)),
                new ContributionList.Placed(H300_GM0482, new ProviderCost(2019, "A1", 3)),
                new ContributionList.Placed(BEGELEIDING_GM0482, new ProviderCost(2019, "B2", 100))), Set.copyOf(back.all),
                "250 + 50 for A1 in 2019; another year, place or provider keeps its own sum");
    }

    @Test
    void theSeedsKindsTravelTooAndACombinedGroupComesBackByName() {
        PackedCodec codec = PackedCodec.of(Areas.of(REFERENCE), REFERENCE);
        PackedCodec.Encoder encoder = codec.encoder();
        encoder.add(BEGELEIDING_GM0482, new TrajectoryCost(24229, 1, 60001));
        encoder.add(BEGELEIDING_GM0482, new TrajectoryCost(24229, 1, 100));
        encoder.add(BEGELEIDING_GM0482, new CompositeClients(2019, 1));
        encoder.add(BEGELEIDING_GM0482, new CombinedClients(2019, "jo_netwerk", 1));
        encoder.add(BEGELEIDING_GM0482, new CombinedClients(2019, "verblijf", 1));
        encoder.add(BEGELEIDING_NOORD, new CompositeClients(2019, -1));
        encoder.add(BEGELEIDING_GM0482, new ProviderSpread(2019, 2, 1));
        encoder.add(BEGELEIDING_GM0482, new ProviderSpread(2019, 1, 0));
        ContributionList back = new ContributionList();
        PackedCodec.Decoder decoder = codec.decoder();
        for (PackedCodec.Partial p : encoder.partials(1)) decoder.decode(p, back);
        assertEquals(Set.of(new ContributionList.Placed(BEGELEIDING_GM0482, new TrajectoryCost(24229, 2, 60101)),
                new ContributionList.Placed(BEGELEIDING_GM0482, new CompositeClients(2019, 1)),
                new ContributionList.Placed(BEGELEIDING_GM0482, new CombinedClients(2019, "jo_netwerk", 1)),
                new ContributionList.Placed(BEGELEIDING_GM0482, new CombinedClients(2019, "verblijf", 1)),
                new ContributionList.Placed(BEGELEIDING_NOORD, new CompositeClients(2019, -1)),
                new ContributionList.Placed(BEGELEIDING_GM0482, new ProviderSpread(2019, 3, 1))), Set.copyOf(back.all),
                "costs and spreads summed per key, each other group on its own key");
    }

    @Test
    void partitionsSumsMergeByBucketAndComeBackSortedWithEachProviderByName() {
        PackedCodec codec = PackedCodec.of(Areas.of(REFERENCE), REFERENCE);
        // Two partitions meet the providers in another order, so each numbers them its own way.
        PackedCodec.Encoder one = codec.encoder(), two = codec.encoder();
        one.add(BEGELEIDING_GM0482, new ProviderCost(2019, "A1", 250));
        one.add(BEGELEIDING_GM0482, new ProviderCost(2019, "B2", 100));
        one.add(BEGELEIDING_NOORD, new MonthCount(24228, -1, 0));
        one.add(H300_GM0482, new YearCount(2019, 1, 3, 900));
        two.add(BEGELEIDING_GM0482, new ProviderCost(2019, "B2", 10));
        two.add(BEGELEIDING_GM0482, new ProviderCost(2019, "A1", 1));
        two.add(BEGELEIDING_NOORD, new MonthCount(24228, -2, 0));
        two.add(BEGELEIDING_GM0482, new MonthCount(24228, 1, 5000));
        int buckets = 3;
        java.util.List<PackedCodec.Partial> a = one.partials(buckets), b = two.partials(buckets);
        assertEquals(buckets, a.size(), "a partial per bucket, empty ones too");
        ContributionList back = new ContributionList();
        PackedCodec.Decoder decoder = codec.decoder();
        int merged = 0;
        for (int i = 0; i < buckets; i++) {
            PackedCodec.Encoder bucket = codec.encoder();
            bucket.add(a.get(i));
            bucket.add(b.get(i));
            PackedCodec.Partial sorted = bucket.sorted();
            for (int e = 1; e < sorted.size(); e++) {
                assertTrue(sorted.entries[(e - 1) * 5] <= sorted.entries[e * 5], "a merged bucket comes in key order");
            }
            merged += sorted.size();
            decoder.decode(sorted, back);
        }
        assertEquals(5, merged, "two provider costs, two months and a year: each key in one bucket");
        assertEquals(Set.of(new ContributionList.Placed(BEGELEIDING_GM0482, new ProviderCost(2019, "A1", 251)),
                new ContributionList.Placed(BEGELEIDING_GM0482, new ProviderCost(2019, "B2", 110)),
                new ContributionList.Placed(BEGELEIDING_NOORD, new MonthCount(24228, -3, 0)),
                new ContributionList.Placed(BEGELEIDING_GM0482, new MonthCount(24228, 1, 5000)),
                new ContributionList.Placed(H300_GM0482, new YearCount(2019, 1, 3, 900))), Set.copyOf(back.all),
                "a provider's costs add up by its name, whatever number each partition gave it");
    }
}
