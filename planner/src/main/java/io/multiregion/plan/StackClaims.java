package io.multiregion.plan;

import io.multiregion.offline.ConfigLoader;
import io.multiregion.offline.StackConfig;
import io.multiregion.offline.StackFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Two stack files of one project that claim the same role in the same region (a copy of {@code Pulumi.secondary.yaml}
 * under another name, say) build the same slice twice: whatever physical name does not carry the stack's own name
 * (B's CodeDeploy application in native delivery, which both derive from the primary's name) and every account
 * singleton of that region (one per account and region, such as the registry's replication configuration) would be
 * created twice, and the second {@code pulumi up} fails with AlreadyExists or silently replaces the first one's.
 */
final class StackClaims {
    /**
     * Types of which an account has one per region: a second stack declaring it overwrites the first one's
     * (ECR: one registry replication configuration and one registry policy per region; Security Hub: one
     * subscription and one finding aggregator; AWS Config: one configuration recorder and delivery channel).
     */
    static final Set<String> SINGLETONS = Set.of("aws:ecr/replicationConfiguration:ReplicationConfiguration",
            "aws:ecr/registryPolicy:RegistryPolicy", "aws:securityhub/account:Account",
            "aws:securityhub/findingAggregator:FindingAggregator", "aws:cfg/recorder:Recorder",
            "aws:cfg/deliveryChannel:DeliveryChannel", "aws:cfg/recorderStatus:RecorderStatus");
    /** Inputs that are the physical name of any resource that has them. */
    private static final Set<String> NAME_INPUTS = Set.of("name", "bucket", "identifier");

    /**
     * Whether an input is the resource's own physical name: {@code name}, {@code bucket}, {@code identifier}, or the
     * type's own name followed by {@code Name} or {@code Identifier} ({@code clusterIdentifier} of a Cluster,
     * {@code globalClusterIdentifier} of a GlobalCluster, {@code dashboardName} of a Dashboard), not an input that
     * names another resource ({@code globalClusterIdentifier} of a Cluster).
     */
    static boolean isOwnName(String type, String input) {
        String own = Recorder.shortType(type);
        own = own.isEmpty() ? own : Character.toLowerCase(own.charAt(0)) + own.substring(1);
        return NAME_INPUTS.contains(input) || input.equals(own + "Name") || input.equals(own + "Identifier")
                || own.endsWith("Alarm") && input.equals("alarmName");
    }

    private StackClaims() {
    }

    /** The role and the region whose slice a stack builds, from its configuration; empty when either is unset. */
    static Optional<String> claim(StackConfig config) {
        String role = config.value(config.project() + ":role");
        if (role == null) {
            return Optional.empty();
        }
        String home = config.value(config.project() + ":" + (role.trim().toLowerCase(Locale.ROOT)
                .equals("secondary") ? "secondaryRegion" : "primaryRegion"));
        if (home == null || home.isBlank() || StackConfig.SECRET_PLACEHOLDER.equals(home)) {
            return Optional.empty();
        }
        return Optional.of("role " + role.trim() + " in region " + home.trim());
    }

    /**
     * Warnings for the other stack files of the project that claim what this one claims, each naming both files and
     * what cannot be created twice: the names the two plans share when the other stack's plan is at hand, else the
     * names in this plan that do not carry the stack's name (a copy of the file would create the same ones).
     */
    static List<String> conflicts(Path dir, StackConfig config, Plan plan, Function<String, Optional<Plan>> plans) {
        Optional<String> mine = claim(config);
        if (mine.isEmpty()) {
            return List.of();
        }
        List<String> warnings = new ArrayList<>();
        for (String other : ConfigLoader.knownStacks(dir)) {
            if (other.equals(config.stack())) {
                continue;
            }
            StackConfig theirs;
            try {
                theirs = ConfigLoader.read(dir, other).config();
            } catch (StackFileException e) {
                continue; // its own plan reports what is wrong with it
            }
            if (!theirs.project().equals(config.project()) || !claim(theirs).equals(mine)) {
                continue;
            }
            Optional<Plan> otherPlan = plans.apply(other);
            Set<String> shared = new TreeSet<>(otherPlan.map(p -> fixedNames(p, null)).orElseGet(Set::of));
            shared.retainAll(fixedNames(plan, null));
            Set<String> collide = otherPlan.isPresent() ? shared : fixedNames(plan, config.stack());
            String why;
            if (!collide.isEmpty()) {
                why = "they cannot both be deployed in one account: both would create " + String.join("; ",
                        limit(collide)) + " (AlreadyExists, or the second replaces the first's)";
            } else if (otherPlan.isPresent()) {
                why = "they build the same slice twice (no physical name of the two plans collides, but each is a "
                        + mine.get().replaceFirst(" in region.*", "") + " of the same project in the same region)";
            } else {
                why = "they build the same slice twice; plan '" + other + "' into the same --out folder to compare"
                        + " their physical names";
            }
            warnings.add(Plan.WARNING + "stacks '" + config.stack() + "' and '" + other + "' both claim " + mine.get()
                    + " (" + dir.resolve(PlanSource.stackFile(config.stack())) + ", "
                    + dir.resolve(PlanSource.stackFile(other)) + "): " + why + ". Keep one of the two files, or give"
                    + " the other its own role or region.");
        }
        return warnings;
    }

    private static List<String> limit(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        return list.size() <= 6 ? list : new ArrayList<>(List.of(list.subList(0, 6).toString(), "and "
                + (list.size() - 6) + " more"));
    }

    /**
     * Physical names a plan gives (fixed values, no reference to a cloud-assigned output) and the account singletons
     * it declares, by type and region; with {@code withoutStack}, only names that do not contain that stack name.
     */
    static Set<String> fixedNames(Plan plan, String withoutStack) {
        Set<String> names = new LinkedHashSet<>();
        for (Plan.PlannedResource r : plan.resources()) {
            if (!r.custom() || r.read() || r.isProvider() || r.isStack()) {
                continue;
            }
            String where = Recorder.shortType(r.type()) + " in " + Objects.requireNonNullElse(r.region(), "-");
            if (SINGLETONS.contains(r.type())) {
                names.add("the account's one " + where);
                continue;
            }
            for (Map.Entry<String, Object> e : r.inputs().entrySet()) {
                if (isOwnName(r.type(), e.getKey()) && e.getValue() instanceof String name && !name.isBlank()
                        && !name.contains("${") && !Plan.UNKNOWN.equals(name)
                        && (withoutStack == null || !name.contains(withoutStack))) {
                    names.add(where + " '" + name + "'");
                }
            }
        }
        return names;
    }
}
