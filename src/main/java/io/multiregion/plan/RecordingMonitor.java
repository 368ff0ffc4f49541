package io.multiregion.plan;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.internal.Constants;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import java.lang.reflect.Field;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import pulumirpc.Resource.ReadResourceRequest;
import pulumirpc.Resource.ReadResourceResponse;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * The SDK's mock monitor, made to answer like {@code pulumi preview} does for resources being created: the
 * program's inputs come back as they were sent (secrets stay secret, unknowns stay unknown), every other output
 * of the resource is unknown, and so is its id. Records every registration on the way.
 */
final class RecordingMonitor extends MockMonitor {
    private static final Value UNKNOWN = Value.newBuilder().setStringValue(Constants.UnknownValue).build();
    private static final ConcurrentHashMap<Class<?>, Set<String>> EXPORTS = new ConcurrentHashMap<>();
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
            recorder.registered(response.getUrn(), request.getType(), request.getName(), request.getParent(),
                    request.getCustom(), false, request.getProvider(), request.getObject(),
                    request.getDependenciesList());
            if (!request.getCustom() || STACK_REFERENCE.equals(request.getType())) {
                return response;
            }
            return response.toBuilder()
                    .setId("") // a resource being created has no id before the cloud assigns one
                    .setObject(previewState(resource, response.getObject(), request.getObject()))
                    .build();
        });
    }

    @Override
    public CompletableFuture<ReadResourceResponse> readResourceAsync(Resource resource, ReadResourceRequest request) {
        return super.readResourceAsync(resource, request).thenApply(response -> {
            recorder.registered(response.getUrn(), request.getType(), request.getName(), request.getParent(),
                    true, true, request.getProvider(), request.getProperties(), request.getDependenciesList());
            return response.toBuilder()
                    .setProperties(previewState(resource, response.getProperties(), request.getProperties()))
                    .build();
        });
    }

    @Override
    public CompletableFuture<Void> registerResourceOutputsAsync(RegisterResourceOutputsRequest request) {
        recorder.outputs(request.getUrn(), request.getOutputs());
        return super.registerResourceOutputsAsync(request);
    }

    private static Struct previewState(Resource resource, Struct mocked, Struct inputs) {
        Struct.Builder state = mocked.toBuilder().putAllFields(inputs.getFieldsMap());
        for (String output : exports(resource.getClass())) {
            if (!state.containsFields(output)) {
                state.putFields(output, UNKNOWN);
            }
        }
        return state.build();
    }

    /** The names of a resource class's outputs ({@code @Export} fields), except id and urn. */
    private static Set<String> exports(Class<?> type) {
        return EXPORTS.computeIfAbsent(type, t -> {
            Set<String> names = new LinkedHashSet<>();
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    Export export = f.getAnnotation(Export.class);
                    if (export != null && !export.name().equals("id") && !export.name().equals("urn")) {
                        names.add(export.name());
                    }
                }
            }
            return Set.copyOf(names);
        });
    }
}
