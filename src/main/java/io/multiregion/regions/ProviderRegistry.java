package io.multiregion.regions;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.resources.CustomResourceOptions;
import io.multiregion.config.StackSettings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One explicit AWS provider per region, created on first use and reused (as CDK's per-region support
 * stacks are). A stack may only reach the regions it is allowed: the secondary stack is not allowed
 * region A at all, so it can be updated while region A is impaired (static stability).
 */
public final class ProviderRegistry {
    private final StackSettings settings;
    private final Set<AwsRegion> allowed;
    private final Map<AwsRegion, Provider> providers = new LinkedHashMap<>();

    public ProviderRegistry(StackSettings settings, Set<AwsRegion> allowed) {
        this.settings = settings;
        this.allowed = Set.copyOf(allowed);
    }

    /** The provider for a region; refuses regions this stack must not touch. */
    public Provider forRegion(AwsRegion region) {
        if (!allowed.contains(region)) {
            throw new IllegalStateException("the " + settings.role().value() + " stack must not register resources in "
                    + region + " (allowed: " + allowed + "); it must stay deployable while that region is impaired");
        }
        return providers.computeIfAbsent(region, this::create);
    }

    /** Resource options placing a resource in a region. */
    public CustomResourceOptions in(AwsRegion region) {
        return CustomResourceOptions.builder().provider(forRegion(region)).build();
    }

    private Provider create(AwsRegion region) {
        return new Provider("aws-" + region.code(), ProviderArgs.builder()
                .region(region.code())
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(Map.of(
                        "project", settings.project(),
                        "stack", settings.stack(),
                        "role", settings.role().value(),
                        "managed-by", "pulumi")).build())
                .build());
    }
}
