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

    /**
     * A reader of one structured value from a function that adds its problems to a list: the shape the structured
     * concerns (network, sizing, domain, database) are written in.
     *
     * @param setting the one key it reads
     * @param read    reads the value from the source, adding every problem to the list
     */
    static <T> ConcernReader<T> of(Setting setting, StructuredRead<T> read) {
        return new ConcernReader<>() {
            @Override
            public List<Setting> settings() {
                return List.of(setting);
            }

            @Override
            public T read(ConfigInput in, StackContext stack) {
                List<String> found = new java.util.ArrayList<>();
                T value = read.read(in.source(), stack, found);
                found.forEach(in.problems()::add);
                return value;
            }
        };
    }

    /** Reads a structured value, adding every problem (key, value, fix) to {@code problems}. */
    @FunctionalInterface
    interface StructuredRead<T> {
        T read(ConfigSource source, StackContext stack, List<String> problems);
    }
}
