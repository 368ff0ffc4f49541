package io.multiregion.plan;

/**
 * A problem the user has to fix (unknown stack, unreadable stack file, invalid config, a program that
 * fails): its message is printed as is on stderr and the command exits with {@link #exitCode()}.
 */
public final class PlanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Exit code for bad input: stack name, stack files, plan files. */
    public static final int BAD_INPUT = 2;
    /** Exit code for a program that refused its config or failed while registering resources. */
    public static final int PROGRAM_FAILED = 3;

    private final int exitCode;

    public PlanException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public PlanException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
