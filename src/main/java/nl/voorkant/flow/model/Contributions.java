package nl.voorkant.flow.model;

/**
 * Receives what one client adds to the flow tables, or what all clients add summed: every count is
 * additive, so a partition's sums and the run's are contributions of the same kinds. A count placed
 * in a municipality also counts in its subregion and region; one placed in a subregion or the region
 * is a correction of that area alone (see {@link ClientFold}).
 */
public interface Contributions {
    /** Clients and net cost of a month (product groups only). */
    record MonthCount(int month, long clients, long cents) {}

    /** Clients active in the year, their active months and the year's net cost. */
    record YearCount(int year, long uniqueClients, long clientMonths, long cents) {}

    /**
     * Trajectories from {@code startMonth} to {@code endMonth}, of which {@code viaLocalTeam} were
     * referred by the local team and {@code referrerUnknown} by a referrer that is not known.
     */
    record TrajectorySpan(int startMonth, int endMonth, long trajectories, long viaLocalTeam, long referrerUnknown) {
        public int durationMonths() {
            return endMonth - startMonth + 1;
        }
    }

    /** A provider's net cost in a year (product groups only). */
    record ProviderCost(int year, String provider, long cents) {}

    /** Trajectories starting in {@code startMonth} and their net cost over all their months (out-of-home groups only). */
    record TrajectoryCost(int startMonth, long trajectories, long cents) {}

    /**
     * Clients of the place's market group in a composite package in some month of the year: active that month in
     * another market group of the same municipality too.
     */
    record CompositeClients(int year, long clients) {}

    /** Clients of the place's market group active in {@code otherGroup} in the same month and municipality, in the year. */
    record CombinedClients(int year, String otherGroup, long clients) {}

    /**
     * The providers of the place's group in a year, summed over its clients, and the clients with two or more
     * (a provider counts when its net volume for the client and group is above zero in some month of the year).
     */
    record ProviderSpread(int year, long providers, long changeClients) {}

    void add(Place place, MonthCount count);

    void add(Place place, YearCount count);

    void add(Place place, TrajectorySpan span);

    void add(Place place, ProviderCost cost);

    void add(Place place, TrajectoryCost cost);

    void add(Place place, CompositeClients count);

    void add(Place place, CombinedClients count);

    void add(Place place, ProviderSpread spread);
}
