package io.multiregion.config;

/**
 * One problem (or warning) in a stack's configuration, as a value: the key, the value found there, the kind of
 * problem, what is wrong and how to fix it. {@link #toString()} is the line users read:
 * {@code key: 'value' message; fix}.
 *
 * @param key     the qualified key, with the path of a structured value's field ({@code multiregion:sizing.minSize})
 * @param value   the value as written (text, or the JSON of a list or map); null when there is none to show
 * @param kind    the kind of problem
 * @param message what is wrong, said after the value
 * @param fix     how to fix it; empty when the message says it
 */
public record Problem(String key, String value, Kind kind, String message, String fix) {

    /** What a secret value is shown as. */
    public static final String SECRET = "[secret]";

    /** The kinds of problem. */
    public enum Kind {
        /** A required key or field is not set. */
        MISSING,
        /** The value does not have the key's type or shape (not a number, not a list, not a region code...). */
        MALFORMED,
        /** A number outside the range AWS (or this program) accepts. */
        OUT_OF_RANGE,
        /** Not one of the values the key accepts. */
        NOT_ONE_OF,
        /** A field the structured value does not have. */
        UNKNOWN_FIELD,
        /** A key that is not a setting of its namespace. */
        UNKNOWN_KEY,
        /** A list entry given twice. */
        DUPLICATE,
        /** Valid alone, not together with another value (min above max, overlapping blocks, equal regions...). */
        CONFLICT,
        /** A well-formed value this program refuses, with the reason (a default port or user name, an endpoint). */
        REFUSED,
        /** The secondary's value disagrees with what the primary stack deployed. */
        DISAGREES_WITH_PRIMARY,
        /** The region (or its partition) does not offer what the value needs. */
        UNSUPPORTED_IN_REGION,
        /** A secure value this run cannot decrypt: set, but not checked. */
        UNDECRYPTABLE,
        /** Set, but nothing reads it here, or it needs something that is off (a warning). */
        NO_EFFECT
    }

    /** A problem found at no key yet (a rule's verdict on a value): {@link #at} places it. */
    public static Problem of(Kind kind, String message, String fix) {
        return new Problem("", null, kind, message, fix);
    }

    /** This problem at a key, showing the value found there unless it shows its own (a list's entry). */
    public Problem at(String qualifiedKey, String found) {
        return new Problem(qualifiedKey, value == null ? found : value, kind, message, fix);
    }

    /** The same problem with the value shown as {@link #SECRET}, also where the message or the fix repeats it. */
    public Problem masked(String secret) {
        String shown = value == null ? null : SECRET;
        return secret.isEmpty() ? new Problem(key, shown, kind, message, fix)
                : new Problem(key, shown, kind, message.replace(secret, SECRET), fix.replace(secret, SECRET));
    }

    @Override
    public String toString() {
        String shown = value == null ? "" : (value.equals(SECRET) ? value : "'" + value + "'") + " ";
        return key + ": " + shown + message + (fix.isEmpty() ? "" : "; " + fix);
    }
}
