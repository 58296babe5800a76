package nl.voorkant.ingest;

/**
 * A problem with the user's input or options that the user can fix: the CLI prints its message on
 * one line and exits with code 2, without a stack trace.
 */
public class InputError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputError(String message) {
        super(message);
    }
}
