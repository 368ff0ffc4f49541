package io.multiregion.plan;

import com.pulumi.test.Mocks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Answers the program's calls the way an offline preview can: resources echo their inputs (the monitor adds the
 * unknowns), a {@code StackReference} returns the referenced stack's exports from its earlier plan when there is one,
 * and the AWS data sources the program uses answer with clearly fake but well-formed placeholders.
 */
final class PlanMocks implements Mocks {
    /** The account id every placeholder uses. */
    static final String PLACEHOLDER_ACCOUNT = "123456789012";

    private static final String STACK_REFERENCE = "pulumi:pulumi:StackReference";

    private final Recorder recorder;
    private final Function<String, Optional<Plan>> referencedPlans;

    /**
     * @param recorder        where invokes are recorded and provider regions looked up
     * @param referencedPlans the earlier plan of a stack, by the StackReference's name ({@code org/project/stack})
     */
    PlanMocks(Recorder recorder, Function<String, Optional<Plan>> referencedPlans) {
        this.recorder = recorder;
        this.referencedPlans = referencedPlans;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        if (STACK_REFERENCE.equals(args.type)) {
            return CompletableFuture.completedFuture(stackReference(args));
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), args.inputs));
    }

    private ResourceResult stackReference(ResourceArgs args) {
        String name = args.inputs.get("name") instanceof String s ? s : args.name;
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", name);
        Plan earlier = referencedPlans.apply(name).orElse(null);
        if (earlier != null) {
            Map<String, Object> outputs = new LinkedHashMap<>();
            List<String> secretNames = new ArrayList<>();
            earlier.outputs().forEach((k, v) -> {
                outputs.put(k, toEngine(v));
                if (Plan.SECRET.equals(v)) {
                    secretNames.add(k);
                }
            });
            state.put("outputs", outputs);
            state.put("secretOutputNames", secretNames);
            recorder.note("StackReference " + name + ": outputs read from the plan of stack '" + earlier.stack()
                    + "' (values only the cloud knows stay unknown)");
        } else {
            recorder.note("StackReference " + name + ": no earlier plan of that stack, its outputs are unknown"
                    + " (plan that stack first to use its exports)");
        }
        return ResourceResult.of(Optional.of(name), state);
    }

    /**
     * A value from a plan file, as the program will see it. An unknown stays the text {@link Plan#UNKNOWN}: the SDK
     * would make the whole outputs map unknown for one unknown entry, hiding the exports that are known (regions,
     * names), so known exports flow on and unknown ones show as unknown wherever the program uses them.
     */
    private static Object toEngine(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), toEngine(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(toEngine(v)));
            return out;
        }
        return value;
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        String region = regionFor(args);
        Map<String, Object> result = new LinkedHashMap<>();
        boolean simulated = true;
        switch (args.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> {
                result.put("accountId", PLACEHOLDER_ACCOUNT);
                result.put("arn", "arn:" + partition(region) + ":iam::" + PLACEHOLDER_ACCOUNT + ":user/offline-plan");
                result.put("userId", "AIDAOFFLINEPLAN000000");
                result.put("id", PLACEHOLDER_ACCOUNT);
            }
            case "aws:index/getPartition:getPartition" -> {
                String partition = partition(region);
                result.put("partition", partition);
                result.put("dnsSuffix", partition.equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com");
                result.put("reverseDnsPrefix", partition.equals("aws-cn") ? "cn.com.amazonaws" : "com.amazonaws");
                result.put("id", partition);
            }
            case "aws:index/getRegion:getRegion" -> {
                String name = region == null ? "us-east-1" : region;
                result.put("name", name);
                result.put("region", name);
                result.put("id", name);
                result.put("endpoint", "ec2." + name + ".amazonaws.com");
                result.put("description", "offline placeholder for " + name);
            }
            case "aws:index/getAvailabilityZones:getAvailabilityZones" -> {
                String name = region == null ? "us-east-1" : region;
                List<String> names = List.of(name + "a", name + "b", name + "c");
                result.put("names", names);
                result.put("zoneIds", List.of("az1", "az2", "az3").stream().map(z -> name + "-" + z).toList());
                result.put("groupNames", List.of(name));
                result.put("id", name);
            }
            default -> simulated = false;
        }
        recorder.invoked(args.token, args.provider, simulated);
        recorder.note(simulated
                ? "invoke " + args.token + " answered with an offline placeholder (account " + PLACEHOLDER_ACCOUNT + ")"
                : "invoke " + args.token + " is not simulated offline: it returned nothing");
        return CompletableFuture.completedFuture(result);
    }

    /** Data sources answer for the region of the provider they go through. */
    private String regionFor(CallArgs args) {
        return recorder.regionOf(args.provider);
    }

    private static String partition(String region) {
        if (region == null) {
            return "aws";
        }
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
