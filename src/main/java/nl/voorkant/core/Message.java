package nl.voorkant.core;

import java.util.List;

/**
 * A sentence for the reader as a key of the message catalogue and its arguments, so that it is
 * worded in the reader's language when it is shown (see {@link Catalogue}), not when it is made.
 * An argument is text as the tables write it (a name, a year, a figure already rounded) or another
 * message; a figure is formatted by the code that makes the message, so that a year never gets a
 * thousands mark.
 */
public record Message(String key, List<Object> args) {
    /** The catalogue key of a message made of parts, shown one after the other with "; " between them. */
    public static final String PARTS = "parts";

    public Message {
        args = List.copyOf(args);
        for (Object a : args) {
            if (!(a instanceof String || a instanceof Message)) {
                throw new IllegalArgumentException("message " + key + ": an argument must be text or a message");
            }
        }
    }

    public static Message of(String key, Object... args) {
        return new Message(key, List.of(args));
    }

    /** Several findings in one text cell, such as a scenario's note. */
    public static Message parts(List<Message> parts) {
        return new Message(PARTS, List.copyOf(parts));
    }
}
