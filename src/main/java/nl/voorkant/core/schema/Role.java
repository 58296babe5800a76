package nl.voorkant.core.schema;

/** How a column is disclosed; see {@link Schema}. */
public enum Role {
    /** A key of the row (area, year, product group, scenario name): never suppressed. */
    DIMENSION,
    /** A configured setting (a fund cap, a horizon, a seed), not read from the claims: never suppressed. */
    PARAMETER,
    /** A count of people, trajectories or providers: 1 to {@code THRESHOLD − 1} is suppressed (primary). */
    COUNT,
    /** Computed from same-row columns ({@code from}) and cells of other tables ({@code sources}): empty when any is. */
    DERIVED,
    /** Like DERIVED, but along the schema's {@code sequence}: empty from the first row at which any source is empty on. */
    CUMULATIVE,
    /** A copy of the cells named by {@code sources}: empty when any of them is. */
    OBSERVED,
    /** A model's figure, computed from the cells named by the row's basis: empty when any of them is. */
    MODELLED
}
