package nl.voorkant.flow.model;

import java.util.ArrayList;
import java.util.List;

/** Contributions in the order they came, each with its place: what a test compares. */
public final class ContributionList implements Contributions {
    /** One contribution, of any of the kinds of {@link Contributions}. */
    public record Placed(Place place, Record value) {}

    public final List<Placed> all = new ArrayList<>();

    @Override
    public void add(Place place, MonthCount count) {
        all.add(new Placed(place, count));
    }

    @Override
    public void add(Place place, YearCount count) {
        all.add(new Placed(place, count));
    }

    @Override
    public void add(Place place, TrajectorySpan span) {
        all.add(new Placed(place, span));
    }

    @Override
    public void add(Place place, ProviderCost cost) {
        all.add(new Placed(place, cost));
    }

    @Override
    public void add(Place place, TrajectoryCost cost) {
        all.add(new Placed(place, cost));
    }

    @Override
    public void add(Place place, CompositeClients count) {
        all.add(new Placed(place, count));
    }

    @Override
    public void add(Place place, CombinedClients count) {
        all.add(new Placed(place, count));
    }

    @Override
    public void add(Place place, ProviderSpread spread) {
        all.add(new Placed(place, spread));
    }

    /** The contributions of one kind placed in one area (at any level) and unit. */
    public <T extends Record> List<T> of(Class<T> kind, String area, String unit) {
        return all.stream().filter(p -> kind.isInstance(p.value()) && p.place().area().equals(area)
                && p.place().unit().equals(unit)).map(p -> kind.cast(p.value())).toList();
    }
}
