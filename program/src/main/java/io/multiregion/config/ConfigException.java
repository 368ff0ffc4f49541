package io.multiregion.config;

import java.util.List;

/**
 * Invalid stack configuration. Carries every problem found, each naming the key, the bad value and the fix; it is
 * thrown before any resource is registered, so nothing is created.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public ConfigException(String stack, List<Problem> problems) {
        super(render(stack, problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String render(String stack, List<Problem> problems) {
        StringBuilder text = new StringBuilder()
                .append("Invalid configuration for stack '").append(stack).append("' (")
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems")
                .append("); nothing was created:");
        for (Problem problem : problems) {
            text.append(System.lineSeparator()).append("  - ").append(problem);
        }
        return text.toString();
    }
}
