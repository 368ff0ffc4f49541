package io.multiregion.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code pulumi up} would create for one stack, as planned offline: the machine-readable plan written to
 * {@code plan/<stack>.json}.
 *
 * @param project   the Pulumi project
 * @param stack     the stack
 * @param resources every resource the program registered (components, providers, custom resources, reads)
 * @param outputs   the stack's exports ({@link #UNKNOWN} where only the cloud knows the value)
 * @param invokes   the data-source calls the program made and what the plan answered
 * @param notes     what the reader must know about this plan (placeholders, unsimulated calls)
 */
public record Plan(String project, String stack, List<PlannedResource> resources, Map<String, Object> outputs,
                   List<PlannedInvoke> invokes, List<String> notes) {

    /** An input or output whose value only the cloud knows (ids, ARNs, outputs of other resources). */
    public static final String UNKNOWN = "[unknown]";
    /** A secret value: never written or printed. */
    public static final String SECRET = "[secret]";
    /** The type of the root stack resource. */
    public static final String STACK_TYPE = "pulumi:pulumi:Stack";

    public Plan {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(stack, "stack");
        resources = List.copyOf(resources);
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        invokes = List.copyOf(invokes);
        notes = List.copyOf(notes);
    }

    /** The resource with this URN. */
    public Optional<PlannedResource> resource(String urn) {
        return resources.stream().filter(r -> r.urn().equals(urn)).findFirst();
    }

    /**
     * One registered resource.
     *
     * @param urn      the resource's URN as the engine would compute it
     * @param type     type token, e.g. {@code aws:s3/bucketV2:BucketV2}
     * @param name     logical name
     * @param parent   URN of the parent (a component or the stack)
     * @param custom   true for a cloud resource, false for a component
     * @param read     true when the program reads an existing resource ({@code Resource.get}) instead of creating it
     * @param provider URN of the explicit provider the resource uses, or null (the default provider, or a component)
     * @param region   region of that provider ({@code region} input), or null
     * @param inputs   the inputs as the engine receives them, secrets and unknowns marked
     * @param dependsOn URNs of the resources this one depends on (through its inputs or {@code dependsOn})
     */
    public record PlannedResource(String urn, String type, String name, String parent, boolean custom, boolean read,
                                  String provider, String region, Map<String, Object> inputs, List<String> dependsOn) {
        public PlannedResource {
            Objects.requireNonNull(urn, "urn");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
            inputs = inputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
            dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        }

        public boolean isProvider() {
            return type.startsWith("pulumi:providers:");
        }

        public boolean isStack() {
            return STACK_TYPE.equals(type);
        }
    }

    /**
     * One data-source call (invoke).
     *
     * @param token       e.g. {@code aws:index/getCallerIdentity:getCallerIdentity}
     * @param region      the region of the provider it went through, or null
     * @param simulated   true when the plan answered with a well-formed placeholder, false when it answered nothing
     */
    public record PlannedInvoke(String token, String region, boolean simulated) {
    }
}
