package io.multiregion.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

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
 * @param references every symbolic reference ({@code ${name.output}}) that appears in the plan's values, and the
 *                   resource and output it stands for
 * @param source    what the plan was computed from ({@link PlanSource}: hashes of Pulumi.yaml, the stack file and
 *                  the program), so that a plan read later can be told stale; empty when unknown
 */
public record Plan(String project, String stack, List<PlannedResource> resources, Map<String, Object> outputs,
                   List<PlannedInvoke> invokes, List<String> notes, Map<String, Reference> references,
                   Map<String, String> source) {

    /** An input or output whose value only the cloud knows (ids, ARNs, outputs of other resources). */
    public static final String UNKNOWN = "[unknown]";
    /** A secret value: never written or printed. */
    public static final String SECRET = "[secret]";
    /** The type of the root stack resource. */
    public static final String STACK_TYPE = "pulumi:pulumi:Stack";
    /** How a note that is a warning begins. */
    public static final String WARNING = "WARNING: ";
    /** How a warning the program itself logged ({@code ctx.log().warn}) begins. */
    public static final String PROGRAM_WARNING = WARNING + "the program warns: ";

    public Plan {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(stack, "stack");
        resources = List.copyOf(resources);
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        invokes = List.copyOf(invokes);
        notes = List.copyOf(notes);
        references = references == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(references));
        source = source == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(source));
    }

    /** A plan whose source is not recorded. */
    public Plan(String project, String stack, List<PlannedResource> resources, Map<String, Object> outputs,
                List<PlannedInvoke> invokes, List<String> notes, Map<String, Reference> references) {
        this(project, stack, resources, outputs, invokes, notes, references, Map.of());
    }

    /** A plan without references. */
    public Plan(String project, String stack, List<PlannedResource> resources, Map<String, Object> outputs,
                List<PlannedInvoke> invokes, List<String> notes) {
        this(project, stack, resources, outputs, invokes, notes, Map.of());
    }

    /** The same plan with more notes and what it was computed from. */
    public Plan with(List<String> moreNotes, Map<String, String> computedFrom) {
        List<String> all = new java.util.ArrayList<>(notes);
        moreNotes.stream().filter(n -> !all.contains(n)).forEach(all::add);
        return new Plan(project, stack, resources, outputs, invokes, all, references, computedFrom);
    }

    /**
     * What a symbolic reference stands for: an output of a resource that this plan (or, through a StackReference,
     * an earlier plan) creates, known only once the cloud has created it.
     *
     * @param stack  the stack whose plan creates the resource
     * @param urn    the resource's URN, or null for the deploying account
     * @param type   the resource's type token
     * @param name   the resource's logical name
     * @param output the output, e.g. {@code arn}, {@code id}, {@code bucket}
     */
    public record Reference(String stack, String urn, String type, String name, String output) {
    }

    /**
     * The options that change how Pulumi treats a resource (all visible on its registration).
     *
     * @param protect             refuse to delete it ({@code pulumi destroy} or a replacement fails)
     * @param retainOnDelete      leave it in the cloud when Pulumi deletes it
     * @param deleteBeforeReplace delete before creating the replacement
     * @param ignoreChanges       inputs whose changes are ignored
     * @param replaceOnChanges    inputs whose changes force a replacement
     * @param dependsOn           explicit {@code dependsOn} (URNs not already implied by an input)
     * @param aliases             earlier URNs (or alias specs) of the resource
     */
    public record Options(boolean protect, boolean retainOnDelete, boolean deleteBeforeReplace,
                          List<String> ignoreChanges, List<String> replaceOnChanges, List<String> dependsOn,
                          List<String> aliases) {
        /** No option set. */
        public static final Options NONE = new Options(false, false, false, List.of(), List.of(), List.of(), List.of());

        public Options {
            ignoreChanges = ignoreChanges == null ? List.of() : List.copyOf(ignoreChanges);
            replaceOnChanges = replaceOnChanges == null ? List.of() : List.copyOf(replaceOnChanges);
            dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }

        /** The options as name to value, only those set, in a fixed order. */
        public Map<String, Object> set() {
            Map<String, Object> out = new LinkedHashMap<>();
            if (protect) {
                out.put("protect", true);
            }
            if (retainOnDelete) {
                out.put("retainOnDelete", true);
            }
            if (deleteBeforeReplace) {
                out.put("deleteBeforeReplace", true);
            }
            if (!ignoreChanges.isEmpty()) {
                out.put("ignoreChanges", ignoreChanges);
            }
            if (!replaceOnChanges.isEmpty()) {
                out.put("replaceOnChanges", replaceOnChanges);
            }
            if (!dependsOn.isEmpty()) {
                out.put("dependsOn", dependsOn);
            }
            if (!aliases.isEmpty()) {
                out.put("aliases", aliases);
            }
            return out;
        }
    }

    /** Whether a note is a warning: the program's, the plan's own, or a StackReference the plan could not resolve. */
    public static boolean isWarning(String note) {
        return note.startsWith(WARNING) || note.startsWith(PlanMocks.UNRESOLVED);
    }

    /** A warning note as printed: with its {@code WARNING: } label. */
    public static String warningText(String note) {
        return note.startsWith(WARNING) ? note : WARNING + note;
    }

    /** The notes that are warnings, as printed. */
    public List<String> warnings() {
        return notes.stream().filter(Plan::isWarning).map(Plan::warningText).toList();
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
     * @param options   the options that change how Pulumi treats it
     * @param references for each input that embeds symbolic references, the references it embeds
     */
    public record PlannedResource(String urn, String type, String name, String parent, boolean custom, boolean read,
                                  String provider, String region, Map<String, Object> inputs, List<String> dependsOn,
                                  Options options, Map<String, List<String>> references) {
        public PlannedResource {
            Objects.requireNonNull(urn, "urn");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
            inputs = inputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
            dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
            options = options == null ? Options.NONE : options;
            references = references == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(references));
        }

        /** A resource with no options and no references. */
        public PlannedResource(String urn, String type, String name, String parent, boolean custom, boolean read,
                               String provider, String region, Map<String, Object> inputs, List<String> dependsOn) {
            this(urn, type, name, parent, custom, read, provider, region, inputs, dependsOn, Options.NONE, Map.of());
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
