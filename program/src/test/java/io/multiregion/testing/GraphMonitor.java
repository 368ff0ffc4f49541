package io.multiregion.testing;

import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import com.pulumi.resources.Resource;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SDK's mock monitor, recording what the engine, not the mocks, sees of each registration: its URN,
 * parent, the resources it depends on (explicit {@code dependsOn} and those its inputs come from) and the options
 * that change how Pulumi treats it ({@code protect}, {@code ignoreChanges}, {@code aliases}...).
 */
final class GraphMonitor extends MockMonitor {

    /** What the engine received for one resource. */
    record Node(String urn, String type, String name, String parent, List<String> dependencies, boolean protect,
                List<String> ignoreChanges, List<String> aliases, boolean retainOnDelete, boolean deleteBeforeReplace,
                List<String> replaceOnChanges, String provider) {
    }

    private final Map<String, Node> byTypeAndName = new ConcurrentHashMap<>();

    GraphMonitor(Mocks mocks) {
        super(mocks, PulumiTestInternal.mockLog());
    }

    /** Every registration the engine saw: components, providers and stack references too. */
    java.util.Collection<Node> nodes() {
        return List.copyOf(byTypeAndName.values());
    }

    /** The node registered with this type and name, or null. */
    Node node(String type, String name) {
        return byTypeAndName.get(type + " " + name);
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource,
                                                                             RegisterResourceRequest request) {
        return super.registerResourceAsync(resource, request).thenApply(response -> {
            List<String> aliases = new java.util.ArrayList<>(request.getAliasURNsList());
            request.getAliasesList().forEach(a -> aliases.add(a.hasUrn() ? a.getUrn() : a.getSpec().toString()));
            byTypeAndName.put(request.getType() + " " + request.getName(), new Node(response.getUrn(), request.getType(),
                    request.getName(), request.getParent(), request.getDependenciesList().stream().distinct().toList(),
                    request.getProtect(), List.copyOf(request.getIgnoreChangesList()), List.copyOf(aliases),
                    request.getRetainOnDelete(), request.getDeleteBeforeReplace(),
                    List.copyOf(request.getReplaceOnChangesList()), request.getProvider()));
            return response;
        });
    }

}
