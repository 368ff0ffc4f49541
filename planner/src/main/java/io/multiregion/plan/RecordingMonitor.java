package io.multiregion.plan;

import io.multiregion.offline.FakeCloudState;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.internal.Constants;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import pulumirpc.AliasOuterClass;
import pulumirpc.Resource.ReadResourceRequest;
import pulumirpc.Resource.ReadResourceResponse;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * The SDK's mock monitor, made to answer like {@code pulumi preview} does for resources being created, except that
 * what only the cloud knows is a symbolic reference instead of an unknown: the program's inputs come back as they
 * were sent (secrets stay secret, unknowns stay unknown); every output AWS assigns is a placeholder naming the
 * resource and the output ({@code ${multiregion-release-source.bucket}}), in the shape AWS gives it where the program
 * may parse it (ARNs, from {@link FakeCloudState}); so is the id. Whatever the program derives from them (a policy
 * document, an object ARN) carries the placeholder, and the plan shows it as a reference. Outputs that are no
 * strings stay unknown. Records every registration, with its options, on the way.
 */
final class RecordingMonitor extends MockMonitor {
    private static final Value UNKNOWN = Value.newBuilder().setStringValue(Constants.UnknownValue).build();
    private static final ConcurrentHashMap<Class<?>, Map<String, Boolean>> EXPORTS = new ConcurrentHashMap<>();
    private static final String STACK_REFERENCE = "pulumi:pulumi:StackReference";

    private final Recorder recorder;

    RecordingMonitor(Mocks mocks, Recorder recorder) {
        super(mocks, PulumiTestInternal.mockLog());
        this.recorder = recorder;
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource,
                                                                             RegisterResourceRequest request) {
        return super.registerResourceAsync(resource, request).thenApply(response -> {
            String urn = response.getUrn();
            recorder.registered(urn, request.getType(), request.getName(), request.getParent(),
                    request.getCustom(), false, request.getProvider(), request.getObject(),
                    request.getDependenciesList(), options(request));
            if (!request.getCustom() || STACK_REFERENCE.equals(request.getType())) {
                return response;
            }
            if (request.getType().startsWith("pulumi:providers:")) {
                return response.toBuilder()
                        .setId("") // a provider's id is unknown in a preview
                        .setObject(previewState(resource, response.getObject(), request.getObject(), null, Set.of()))
                        .build();
            }
            Placeholders placeholders = output -> recorder.placeholder(urn, request.getType(), request.getName(),
                    output);
            FakeCloudState.Answer answer = FakeCloudState.answer(request.getType(), request.getName(),
                    known(request.getObject()), recorder.regionOf(request.getProvider()), Recorder.ACCOUNT_ID,
                    FakeCloudState.preview(placeholders::of));
            Struct.Builder assigned = Struct.newBuilder();
            answer.state().forEach((k, v) -> {
                if (!request.getObject().containsFields(k) && v instanceof String s) {
                    assigned.putFields(k, Value.newBuilder().setStringValue(s).build());
                } else if (!request.getObject().containsFields(k) && v instanceof Number n) {
                    assigned.putFields(k, Value.newBuilder().setNumberValue(n.doubleValue()).build());
                }
            });
            Struct mocked = response.getObject().toBuilder().putAllFields(assigned.getFieldsMap()).build();
            return response.toBuilder()
                    .setId(answer.id())
                    .setObject(previewState(resource, mocked, request.getObject(), placeholders,
                            Set.copyOf(request.getAdditionalSecretOutputsList())))
                    .build();
        });
    }

    @Override
    public CompletableFuture<ReadResourceResponse> readResourceAsync(Resource resource, ReadResourceRequest request) {
        return super.readResourceAsync(resource, request).thenApply(response -> {
            recorder.registered(response.getUrn(), request.getType(), request.getName(), request.getParent(),
                    true, true, request.getProvider(), request.getProperties(), request.getDependenciesList(),
                    Plan.Options.NONE);
            String urn = response.getUrn();
            Placeholders placeholders = STACK_REFERENCE.equals(request.getType()) ? null
                    : output -> recorder.placeholder(urn, request.getType(), request.getName(), output);
            return response.toBuilder()
                    .setProperties(previewState(resource, response.getProperties(), request.getProperties(),
                            placeholders, Set.copyOf(request.getAdditionalSecretOutputsList())))
                    .build();
        });
    }

    @Override
    public CompletableFuture<Void> registerResourceOutputsAsync(RegisterResourceOutputsRequest request) {
        recorder.outputs(request.getUrn(), request.getOutputs());
        return super.registerResourceOutputsAsync(request);
    }

    /** The placeholder of one output of the resource being answered. */
    @FunctionalInterface
    private interface Placeholders {
        String of(String output);
    }

    /** The top-level inputs whose values the program knows (no unknowns, no secrets), as plain values. */
    private static Map<String, Object> known(Struct inputs) {
        Map<String, Object> out = new LinkedHashMap<>();
        PlanValues.plain(inputs).forEach((k, v) -> {
            if (v != null && !Plan.UNKNOWN.equals(v) && !Plan.SECRET.equals(v)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /**
     * The state a preview answers: the mocked state and the inputs; every other string output a placeholder (when
     * placeholders are given), the rest unknown; the outputs the provider marks secret wrapped as secrets.
     */
    private static Struct previewState(Resource resource, Struct mocked, Struct inputs, Placeholders placeholders,
                                       Set<String> secretOutputs) {
        Struct.Builder state = mocked.toBuilder().putAllFields(inputs.getFieldsMap());
        exports(resource.getClass()).forEach((output, isString) -> {
            if (!state.containsFields(output)) {
                state.putFields(output, isString && placeholders != null
                        ? Value.newBuilder().setStringValue(placeholders.of(output)).build() : UNKNOWN);
            }
        });
        for (String secret : secretOutputs) {
            Value value = state.getFieldsOrDefault(secret, null);
            if (value != null && !isSecret(value)) {
                state.putFields(secret, Value.newBuilder().setStructValue(Struct.newBuilder()
                        .putFields(Constants.SpecialSigKey, Value.newBuilder()
                                .setStringValue(Constants.SpecialSecretSig).build())
                        .putFields(Constants.SecretValueName, value)).build());
            }
        }
        return state.build();
    }

    private static boolean isSecret(Value value) {
        return value.hasStructValue() && value.getStructValue().containsFields(Constants.SpecialSigKey)
                && Constants.SpecialSecretSig.equals(value.getStructValue().getFieldsOrThrow(Constants.SpecialSigKey)
                .getStringValue());
    }

    /** The options of a registration; explicit dependsOn are the dependencies no input accounts for. */
    static Plan.Options options(RegisterResourceRequest request) {
        Set<String> throughInputs = new TreeSet<>();
        request.getPropertyDependenciesMap().values().forEach(d -> throughInputs.addAll(d.getUrnsList()));
        List<String> explicit = request.getDependenciesList().stream().distinct()
                .filter(d -> !throughInputs.contains(d)).sorted().toList();
        List<String> aliases = new ArrayList<>(request.getAliasURNsList());
        for (AliasOuterClass.Alias alias : request.getAliasesList()) {
            aliases.add(alias.hasUrn() ? alias.getUrn() : spec(alias.getSpec()));
        }
        return new Plan.Options(request.getProtect(), request.getRetainOnDelete(), request.getDeleteBeforeReplace(),
                request.getIgnoreChangesList(), request.getReplaceOnChangesList(), explicit, aliases);
    }

    private static String spec(AliasOuterClass.Alias.Spec spec) {
        List<String> parts = new ArrayList<>();
        if (!spec.getName().isEmpty()) {
            parts.add("name=" + spec.getName());
        }
        if (!spec.getType().isEmpty()) {
            parts.add("type=" + spec.getType());
        }
        if (!spec.getStack().isEmpty()) {
            parts.add("stack=" + spec.getStack());
        }
        if (!spec.getProject().isEmpty()) {
            parts.add("project=" + spec.getProject());
        }
        if (!spec.getParentUrn().isEmpty()) {
            parts.add("parent=" + spec.getParentUrn());
        }
        if (spec.getNoParent()) {
            parts.add("noParent");
        }
        return "alias(" + String.join(", ", parts) + ")";
    }

    /** A resource class's outputs ({@code @Export} fields) except id and urn, with whether each is a string. */
    private static Map<String, Boolean> exports(Class<?> type) {
        return EXPORTS.computeIfAbsent(type, t -> {
            Map<String, Boolean> names = new LinkedHashMap<>();
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    Export export = f.getAnnotation(Export.class);
                    if (export != null && !export.name().equals("id") && !export.name().equals("urn")) {
                        Class<?>[] refs = export.refs();
                        names.put(export.name(), refs.length == 1 && refs[0] == String.class);
                    }
                }
            }
            return Map.copyOf(names);
        });
    }
}
