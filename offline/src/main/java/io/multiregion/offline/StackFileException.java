package io.multiregion.offline;

/**
 * A stack or project file that the Pulumi CLI would refuse (no such stack, unreadable or malformed YAML, a missing
 * required key, a value of the wrong declared type): the message says which file and what to fix.
 */
public final class StackFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StackFileException(String message) {
        super(message);
    }

    public StackFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
