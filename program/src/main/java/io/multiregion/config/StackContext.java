package io.multiregion.config;

import io.multiregion.regions.AwsRegion;

import java.util.Optional;

/**
 * What every concern may depend on: the project, the stack, and its role and regions once they were read (empty
 * when they were missing or invalid, so that checks depending on them are skipped instead of reported twice).
 */
public record StackContext(String project, String stack, Optional<Role> role, Optional<AwsRegion> primaryRegion,
                           Optional<AwsRegion> secondaryRegion, Optional<String> primaryStack) {

    /** Before anything was read. */
    public static StackContext of(String project, String stack) {
        return new StackContext(project, stack, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The core settings, when the role and both regions are valid. */
    public Optional<CoreSettings> core() {
        if (role.isEmpty() || primaryRegion.isEmpty() || secondaryRegion.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CoreSettings(role.orElseThrow(), primaryRegion.orElseThrow(), secondaryRegion.orElseThrow(),
                primaryStack));
    }

    /** The region whose slice this stack builds, when known. */
    public Optional<AwsRegion> homeRegion() {
        return role.flatMap(r -> r == Role.PRIMARY ? primaryRegion : secondaryRegion);
    }
}
