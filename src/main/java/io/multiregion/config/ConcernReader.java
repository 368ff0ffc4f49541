package io.multiregion.config;

import java.util.List;

/**
 * Reads and validates one concern's configuration (the stack's identity, delivery, storage, the network, the
 * sizing...) into its own immutable record. A reader declares the keys it reads; it adds every problem it finds
 * to the shared {@link Problems} and still returns a value (defaults where the input was bad), so that the
 * readers after it can check what depends on it and every problem is reported at once.
 *
 * @param <T> the concern's settings record
 */
public interface ConcernReader<T> {

    /** The keys this concern reads, with their types, defaults and the roles that read them. */
    List<Setting> settings();

    /**
     * @param in    the stack's configuration, with the problems found so far
     * @param stack what earlier concerns established: the role and regions when they were valid
     */
    T read(ConfigInput in, StackContext stack);
}
