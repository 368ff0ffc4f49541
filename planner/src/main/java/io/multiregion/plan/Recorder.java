package io.multiregion.plan;

import io.multiregion.offline.FakeInvokes;
import com.google.protobuf.Struct;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Collects what the program sends to the resource monitor; thread-safe (the SDK registers concurrently). */
final class Recorder {
    /** One registration as the monitor saw it, before provider regions are resolved. */
    record Registration(String urn, String type, String name, String parent, boolean custom, boolean read,
                        String providerRef, Map<String, Object> inputs, List<String> dependsOn,
                        Plan.Options options) {
    }

    /** The placeholder of the account the stack deploys into, as the plan shows it. */
    static final String ACCOUNT = "${account}";
    /**
     * The account id the program sees during the run (in ARNs, invoke answers): a well-formed 12-digit id, because
     * programs check the shape of ARNs; the plan shows it as {@link #ACCOUNT}.
     */
    static final String ACCOUNT_ID = FakeInvokes.ACCOUNT;
    /** A symbolic reference in a value. */
    static final Pattern REFERENCE = Pattern.compile("\\$\\{[^${}\\s]+}");

    private final List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());
    private final List<Plan.PlannedInvoke> invokes = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> providerRegions = new ConcurrentHashMap<>();
    private final Set<String> notes = Collections.synchronizedSet(new LinkedHashSet<>());
    private final AtomicInteger count = new AtomicInteger();
    private final Map<String, Plan.Reference> references = new ConcurrentHashMap<>();
    private final Map<String, String> firstClaim = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> claims = new ConcurrentHashMap<>();
    private volatile Map<String, Object> stackOutputs = Map.of();
    private volatile String stackUrn = "";
    private final String stack;
    private final Planner.Progress progress;

    Recorder(String stack, Planner.Progress progress) {
        this.stack = stack;
        this.progress = progress;
        references.put(ACCOUNT, new Plan.Reference(stack, null, "aws:index/getCallerIdentity:getCallerIdentity",
                "account", "accountId"));
    }

    void registered(String urn, String type, String name, String parent, boolean custom, boolean read,
                    String providerRef, Struct inputs, List<String> dependsOn, Plan.Options options) {
        Map<String, Object> plain = PlanValues.plain(inputs);
        if (type.startsWith("pulumi:providers:") && plain.get("region") instanceof String region) {
            providerRegions.put(urn, region);
        }
        if (Plan.STACK_TYPE.equals(type)) {
            stackUrn = urn;
        }
        registrations.add(new Registration(urn, type, name, parent, custom, read, providerRef, plain,
                dependsOn.stream().distinct().sorted().toList(), options));
        int registered = count.incrementAndGet();
        if (progress != null) {
            progress.registered(registered);
        }
    }

    /**
     * The placeholder of an output of a resource being created: {@code ${name.output}}; when another resource of
     * the plan has the same logical name, the type is added ({@code ${name[Role].output}}) so that each placeholder
     * stands for one resource. The final plan uses the qualified form for every resource whose name is shared.
     */
    String placeholder(String urn, String type, String name, String output) {
        claims.computeIfAbsent(name, k -> ConcurrentHashMap.newKeySet()).add(urn);
        String owner = firstClaim.putIfAbsent(name, urn);
        String token = owner == null || owner.equals(urn) ? plainToken(name, output) : qualifiedToken(type, name, output);
        references.putIfAbsent(token, new Plan.Reference(stack, urn, type, name, output));
        return token;
    }

    /** Records a reference that comes from an earlier plan (through a StackReference). */
    void foreignReference(String token, Plan.Reference reference) {
        references.putIfAbsent(token, reference);
    }

    private static String plainToken(String name, String output) {
        return "${" + name + "." + output + "}";
    }

    private static String qualifiedToken(String type, String name, String output) {
        return "${" + name + "[" + shortType(type) + "]." + output + "}";
    }

    /** {@code aws:iam/role:Role} → {@code Role}. */
    static String shortType(String type) {
        int colon = type.lastIndexOf(':');
        return colon < 0 ? type : type.substring(colon + 1);
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

    /** How each placeholder handed out during the run is shown in the plan (qualified where names are shared). */
    private Map<String, String> display() {
        Map<String, String> rename = new LinkedHashMap<>();
        references.forEach((token, ref) -> {
            if (ref.urn() == null || !stack.equals(ref.stack())) {
                return;
            }
            Set<String> owners = claims.getOrDefault(ref.name(), Set.of());
            String shown = owners.size() > 1 ? qualifiedToken(ref.type(), ref.name(), ref.output())
                    : plainToken(ref.name(), ref.output());
            if (!shown.equals(token)) {
                rename.put(token, shown);
            }
        });
        return rename;
    }

    /** A value with every placeholder in its displayed form. */
    @SuppressWarnings("unchecked")
    private static Object rewrite(Object value, Map<String, String> rename) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            String s = text.replace(ACCOUNT_ID, ACCOUNT);
            if (rename.isEmpty() || !s.contains("${")) {
                return s;
            }
            Matcher m = REFERENCE.matcher(s);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(rename.getOrDefault(m.group(), m.group())));
            }
            m.appendTail(out);
            return out.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), rewrite(v, rename)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(rewrite(v, rename)));
            return out;
        }
        return value;
    }

    /** The references a value embeds (known placeholders only), sorted. */
    static Set<String> referencesIn(Object value, Map<String, Plan.Reference> known) {
        Set<String> found = new TreeSet<>();
        collect(value, known, found);
        return found;
    }

    private static void collect(Object value, Map<String, Plan.Reference> known, Set<String> into) {
        if (value instanceof String s) {
            if (s.contains("${")) {
                Matcher m = REFERENCE.matcher(s);
                while (m.find()) {
                    if (known.containsKey(m.group())) {
                        into.add(m.group());
                    }
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, known, into));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, known, into));
        }
    }

    /** What the run recorded, with placeholders in their displayed form. */
    record Result(List<Registration> registrations, Map<String, Object> outputs, Map<String, Plan.Reference> references) {
    }

    @SuppressWarnings("unchecked")
    Result result() {
        Map<String, String> rename = display();
        List<Registration> shown = new ArrayList<>();
        for (Registration r : registrations()) {
            shown.add(new Registration(r.urn(), r.type(), r.name(), r.parent(), r.custom(), r.read(), r.providerRef(),
                    (Map<String, Object>) rewrite(r.inputs(), rename), r.dependsOn(), r.options()));
        }
        Map<String, Plan.Reference> table = new TreeMap<>();
        references.forEach((token, ref) -> table.put(rename.getOrDefault(token, token), ref));
        Map<String, Object> outputs = (Map<String, Object>) rewrite(stackOutputs(), rename);
        // Keep only what the plan's values use.
        Set<String> used = new TreeSet<>(referencesIn(outputs, table));
        shown.forEach(r -> used.addAll(referencesIn(r.inputs(), table)));
        table.keySet().retainAll(used);
        return new Result(shown, outputs, table);
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
