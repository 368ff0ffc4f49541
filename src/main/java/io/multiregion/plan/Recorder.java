package io.multiregion.plan;

import com.google.protobuf.Struct;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Collects what the program sends to the resource monitor; thread-safe (the SDK registers concurrently). */
final class Recorder {
    /** One registration as the monitor saw it, before provider regions are resolved. */
    record Registration(String urn, String type, String name, String parent, boolean custom, boolean read,
                        String providerRef, Map<String, Object> inputs, List<String> dependsOn) {
    }

    private final List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());
    private final List<Plan.PlannedInvoke> invokes = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> providerRegions = new ConcurrentHashMap<>();
    private final Set<String> notes = Collections.synchronizedSet(new LinkedHashSet<>());
    private final AtomicInteger count = new AtomicInteger();
    private volatile Map<String, Object> stackOutputs = Map.of();
    private volatile String stackUrn = "";
    private final Planner.Progress progress;

    Recorder(Planner.Progress progress) {
        this.progress = progress;
    }

    void registered(String urn, String type, String name, String parent, boolean custom, boolean read,
                    String providerRef, Struct inputs, List<String> dependsOn) {
        Map<String, Object> plain = PlanValues.plain(inputs);
        if (type.startsWith("pulumi:providers:") && plain.get("region") instanceof String region) {
            providerRegions.put(urn, region);
        }
        if (Plan.STACK_TYPE.equals(type)) {
            stackUrn = urn;
        }
        registrations.add(new Registration(urn, type, name, parent, custom, read, providerRef, plain,
                dependsOn.stream().distinct().sorted().toList()));
        int registered = count.incrementAndGet();
        if (progress != null) {
            progress.registered(registered);
        }
    }

    void outputs(String urn, Struct outputs) {
        if (urn.equals(stackUrn)) {
            stackOutputs = PlanValues.plain(outputs);
        }
    }

    void invoked(String token, String providerRef, boolean simulated) {
        invokes.add(new Plan.PlannedInvoke(token, regionOf(providerRef), simulated));
    }

    void note(String note) {
        notes.add(note);
    }

    /** Resources registered so far (for progress). */
    int count() {
        return count.get();
    }

    /** The region of the provider a reference ({@code urn::id}) points at, or null. */
    String regionOf(String providerRef) {
        String urn = providerUrn(providerRef);
        return urn == null ? null : providerRegions.get(urn);
    }

    static String providerUrn(String providerRef) {
        if (providerRef == null || providerRef.isEmpty()) {
            return null;
        }
        int sep = providerRef.lastIndexOf("::");
        return sep < 0 ? providerRef : providerRef.substring(0, sep);
    }

    List<Registration> registrations() {
        synchronized (registrations) {
            return List.copyOf(registrations);
        }
    }

    List<Plan.PlannedInvoke> invokes() {
        synchronized (invokes) {
            return List.copyOf(invokes);
        }
    }

    List<String> notes() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    Map<String, Object> stackOutputs() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(stackOutputs));
    }
}
