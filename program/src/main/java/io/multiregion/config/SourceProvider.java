package io.multiregion.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Git host of the application repository, as CodeConnections names it ({@code multiregion:sourceProvider}),
 * with the shape of a repository id on that host.
 */
public enum SourceProvider {
    /** owner/name: owner up to 39 characters (letters, digits, single hyphens), name of letters, digits, '.', '_' or '-'. */
    GITHUB("GitHub", Pattern.compile("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[A-Za-z0-9._-]{1,100}$"), "owner/name"),
    /** group[/subgroup...]/name. */
    GITLAB("GitLab", Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_.-]*(/[A-Za-z0-9_][A-Za-z0-9_.-]*)+$"), "group/name or group/subgroup/name"),
    /** workspace/repository-slug. */
    BITBUCKET("Bitbucket", Pattern.compile("^[a-z0-9][a-z0-9_-]{0,61}/[a-z0-9_.-]{1,62}$"), "workspace/slug (lower case)");

    private final String value;
    private final Pattern repositoryShape;
    private final String repositoryHint;

    SourceProvider(String value, Pattern repositoryShape, String repositoryHint) {
        this.value = value;
        this.repositoryShape = repositoryShape;
        this.repositoryHint = repositoryHint;
    }

    /** The CodeConnections {@code ProviderType}. */
    public String value() {
        return value;
    }

    public boolean acceptsRepository(String repository) {
        return repository != null && repositoryShape.matcher(repository).matches()
                && !repository.contains("..") && !repository.endsWith(".git");
    }

    public String repositoryHint() {
        return repositoryHint;
    }

    public static Optional<SourceProvider> parse(String text) {
        return Arrays.stream(values()).filter(p -> p.value.equals(text)).findFirst();
    }

    public static String choices() {
        return Arrays.stream(values()).map(SourceProvider::value).collect(Collectors.joining(", "));
    }
}
