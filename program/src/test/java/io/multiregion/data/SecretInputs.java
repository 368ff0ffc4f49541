package io.multiregion.data;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.Context;
import com.pulumi.resources.Resource;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import io.multiregion.testing.FakeCloud;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the engine receives as each resource's inputs, with secrecy: the SDK sends a secret value wrapped in an
 * object carrying Pulumi's secret signature, which the mocks unwrap before {@link FakeCloud} sees it. This runs a
 * program on the same fake cloud and keeps every string leaf of every registration, marked secret or not.
 */
final class SecretInputs {
    private SecretInputs() {
    }

    /** Pulumi's special-signature key, and the signature of a secret value (pulumi/sdk, "rpc" package). */
    private static final String SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";

    /** One string in a resource's inputs: where it is, its text, and whether it travels as a secret. */
    record Leaf(String type, String name, String path, String text, boolean secret) {
    }

    static List<Leaf> of(String stack, Consumer<Context> program) {
        FakeCloud cloud = new FakeCloud(Map.of());
        List<Leaf> leaves = Collections.synchronizedList(new ArrayList<>());
        try {
            PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName("multiregion").stackName(stack).preview(false).build())
                    .mocks(cloud)
                    .monitorDecorator(sdk -> new MockMonitor(cloud, PulumiTestInternal.mockLog()) {
                        @Override
                        public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource,
                                                                                                 RegisterResourceRequest request) {
                            walk(request.getType(), request.getName(), "", Value.newBuilder()
                                    .setStructValue(request.getObject()).build(), false, leaves);
                            return super.registerResourceAsync(resource, request);
                        }
                    })
                    .build()
                    .runTest(program);
        } finally {
            PulumiTest.cleanup();
        }
        synchronized (leaves) {
            return List.copyOf(leaves);
        }
    }

    private static void walk(String type, String name, String path, Value value, boolean secret, List<Leaf> into) {
        switch (value.getKindCase()) {
            case STRING_VALUE -> into.add(new Leaf(type, name, path, value.getStringValue(), secret));
            case LIST_VALUE -> {
                List<Value> items = value.getListValue().getValuesList();
                for (int i = 0; i < items.size(); i++) {
                    walk(type, name, path + "[" + i + "]", items.get(i), secret, into);
                }
            }
            case STRUCT_VALUE -> {
                Struct struct = value.getStructValue();
                Value signature = struct.getFieldsMap().get(SIGNATURE_KEY);
                if (signature != null && SECRET_SIGNATURE.equals(signature.getStringValue())) {
                    Value inner = struct.getFieldsMap().get("value");
                    if (inner != null) {
                        walk(type, name, path, inner, true, into);
                    }
                    return;
                }
                struct.getFieldsMap().forEach((key, v) -> walk(type, name, path.isEmpty() ? key : path + "." + key, v, secret, into));
            }
            default -> {
            }
        }
    }
}
