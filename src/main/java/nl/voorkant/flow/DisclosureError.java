package nl.voorkant.flow;

/**
 * A table that disclosure control cannot vouch for (no declaration, a column it does not know, a
 * cell it could not protect): the run stops rather than publish it. One line, without data values.
 */
public final class DisclosureError extends IllegalStateException {
    public DisclosureError(String message) {
        super(message);
    }

    @Override
    public String toString() {
        return "disclosure: " + getMessage();
    }
}
