package io.multiregion.testing;

import com.pulumi.test.Mocks;
import io.multiregion.offline.FakeCloudState;
import io.multiregion.offline.FakeInvokes;
import io.multiregion.stacks.StackContract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mock engine backend that records every registration and answers like AWS would, from the same table as the
 * offline plan ({@link FakeCloudState}, deploy mode): auto-names with a fixed suffix, ARNs of the shape AWS uses in
 * the provider's region and partition, a bucket's id its name, a key's its key id...; an id AWS generates (a VPC's,
 * a subnet's) is {@code <name>-id} so that tests can tell which resource an input points at. Data sources answer as
 * {@link FakeInvokes} does.
 */
public final class FakeCloud implements Mocks {
    public static final String ACCOUNT = FakeInvokes.ACCOUNT;

    private final List<Registered> registered = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> providerRegions = new ConcurrentHashMap<>();
    private final Map<String, Object> primaryOutputs;

    /** @param primaryOutputs what a StackReference to the primary stack returns as its outputs */
    public FakeCloud(Map<String, Object> primaryOutputs) {
        this.primaryOutputs = primaryOutputs;
    }

    public List<Registered> registered() {
        synchronized (registered) {
            return List.copyOf(registered);
        }
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> inputs = args.inputs == null ? Map.of() : args.inputs;
        String id = args.name + "-id";
        if (args.type.equals("pulumi:providers:aws")) {
            providerRegions.put(id, String.valueOf(inputs.get("region")));
            registered.add(new Registered(args.type, args.name, inputs, null));
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), inputs));
        }
        if (args.type.equals("pulumi:pulumi:StackReference")) {
            registered.add(new Registered(args.type, args.name, inputs, null));
            Map<String, Object> state = new HashMap<>();
            state.put("name", args.name);
            state.put("outputs", primaryOutputs);
            // the engine names the referenced stack's secret outputs (StackReference.secretOutputNames)
            state.put("secretOutputNames", java.util.Arrays.stream(StackContract.Value.values())
                    .filter(StackContract.Value::secret).map(StackContract.Value::key)
                    .filter(primaryOutputs::containsKey).toList());
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name), state));
        }
        String region = regionOf(args.provider);
        registered.add(new Registered(args.type, args.name, inputs, region));
        // The tests name a resource's cloud-assigned id after the resource ("<name>-id"), so that an assertion can
        // say which resource an input points at; every other value (names, ARNs) has the shape AWS gives it.
        FakeCloudState.Answer answer = FakeCloudState.answer(args.type, args.name, inputs, region, ACCOUNT,
                (output, deployValue) -> output.equals("id") ? id : deployValue);
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(answer.id()), answer.state()));
    }

    private String regionOf(String providerRef) {
        if (providerRef == null || providerRef.isEmpty()) {
            return null;
        }
        String id = providerRef.substring(providerRef.lastIndexOf("::") + 2);
        return providerRegions.getOrDefault(id, "<default provider>");
    }

    /** Data sources answer as the offline plan's do ({@link FakeInvokes}), for the provider's region. */
    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        return CompletableFuture.completedFuture(FakeInvokes.answer(args.token, regionOf(args.provider),
                FakeInvokes.arguments(args))
                .orElse(Map.of()));
    }
}
