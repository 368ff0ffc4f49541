package io.multiregion.plan;

import io.multiregion.offline.FakeInvokes;
import com.pulumi.test.Mocks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * Answers the program's calls the way an offline preview can: resources echo their inputs (the monitor adds the
 * unknowns), a {@code StackReference} returns the referenced stack's exports from its earlier plan when there is one,
 * and the AWS data sources the program uses answer with clearly fake but well-formed placeholders.
 */
final class PlanMocks implements Mocks {
    /** The account every placeholder uses: a reference to the deploying account. */
    static final String PLACEHOLDER_ACCOUNT = Recorder.ACCOUNT;

    private static final String STACK_REFERENCE = "pulumi:pulumi:StackReference";
    /** How a note about a StackReference that could not be resolved offline begins. */
    static final String UNRESOLVED = "UNRESOLVED StackReference ";

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
            Map<String, String> rename = new LinkedHashMap<>();
            earlier.references().forEach((token, reference) -> {
                if (reference.urn() == null) {
                    rename.put(token, Recorder.ACCOUNT_ID); // the account: the program sees a well-formed id
                    return;
                }
                String qualified = "${" + earlier.stack() + "." + token.substring(2);
                rename.put(token, qualified);
                recorder.foreignReference(qualified, reference);
            });
            earlier.outputs().forEach((k, v) -> {
                outputs.put(k, toEngine(v, rename));
                if (Plan.SECRET.equals(v)) {
                    secretNames.add(k);
                }
            });
            state.put("outputs", outputs);
            state.put("secretOutputNames", secretNames);
            recorder.note("StackReference " + name + ": outputs read from the plan of stack '" + earlier.stack()
                    + "'; its references show as ${" + earlier.stack() + ".<resource>.<output>}");
        } else {
            recorder.note(UNRESOLVED + name + ": no plan of that stack was found, so every value read from it is "
                    + Plan.UNKNOWN + " (plan that stack first, into the same --out folder)");
        }
        return ResourceResult.of(Optional.of(name), state);
    }

    /**
     * A value from a plan file, as the program will see it. An unknown stays the text {@link Plan#UNKNOWN}: the SDK
     * would make the whole outputs map unknown for one unknown entry, hiding the exports that are known (regions,
     * names), so known exports flow on and unknown ones show as unknown wherever the program uses them.
     */
    private static Object toEngine(Object value, Map<String, String> rename) {
        if (value instanceof Number n && !(value instanceof Double)) {
            return n.doubleValue(); // the engine carries every number as a double, as a real stack output
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), toEngine(v, rename)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(toEngine(v, rename)));
            return out;
        }
        if (value instanceof String s && s.contains("${")) {
            Matcher matcher = Recorder.REFERENCE.matcher(s);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(out, Matcher.quoteReplacement(
                        rename.getOrDefault(matcher.group(), matcher.group())));
            }
            matcher.appendTail(out);
            return out.toString();
        }
        return value;
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        Optional<Map<String, Object>> answer = FakeInvokes.answer(args.token, regionFor(args),
                FakeInvokes.arguments(args), Recorder.ACCOUNT_ID);
        recorder.invoked(args.token, args.provider, answer.isPresent());
        recorder.note(answer.isPresent()
                ? "invoke " + args.token + " answered with an offline placeholder (account " + Recorder.ACCOUNT + ")"
                : "invoke " + args.token + " is not simulated offline: it returned nothing");
        return CompletableFuture.completedFuture(answer.orElse(Map.of()));
    }

    /** Data sources answer for the region of the provider they go through. */
    private String regionFor(CallArgs args) {
        return recorder.regionOf(args.provider);
    }
}
