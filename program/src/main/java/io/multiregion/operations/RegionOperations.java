package io.multiregion.operations;

import java.util.LinkedHashMap;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.multiregion.config.OperationsSettings;
import io.multiregion.regions.Arns;
import io.multiregion.regions.AwsRegion;
import io.multiregion.slice.RegionSlice;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one region is watched and maintained, built by that region's own stack beside its slice and through the
 * region's provider: its notification topic, its alarms, its share of the cross-region event routing and the
 * patching of its instances. Both stacks build this component for their home region.
 */
public final class RegionOperations extends ComponentResource {

    /**
     * Built with {@link #builder()}.
     *
     * @param where    this stack's region, the other region, and whether this is region B
     * @param owner    the project and stack, in names
     * @param settings thresholds, notification address and patch window ({@code multiregion:operations})
     * @param watched  the region's slice and what else its alarms watch
     * @param key      the notification key's deletion window and protection
     */
    public record Args(Where where, Owner owner, OperationsSettings settings, Watched watched, KeySettings key) {

        /** Named construction: every field without a default must be set. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Args}; each setter says the field's default, if it has one. */
        public static final class Builder {
            private Where where;
            private Owner owner;
            private OperationsSettings settings;
            private RegionSlice slice;
            private Integer minInService;
            private String engine;
            private Optional<Output<String>> pipeline = Optional.empty();
            private List<RegionAlarms.Replication> replication = List.of();
            private KeySettings key;

            private Builder() {
            }

            /** This stack's region, the other region (events are forwarded there), and whether this is region B. */
            public Builder where(AwsRegion region, AwsRegion other, boolean standby) {
                this.where = new Where(region, other, standby);
                return this;
            }

            /** The project and stack, in every physical name. */
            public Builder names(String project, String stack) {
                this.owner = new Owner(project, stack);
                return this;
            }

            /** Thresholds, notification address and patch window ({@code multiregion:operations}). */
            public Builder settings(OperationsSettings settings) {
                this.settings = settings;
                return this;
            }

            /**
             * The region's slice (its load balancer, group, cluster and CodeDeploy target), the group's minimum from the
             * stack's sizing, and the database engine ({@code aurora-postgresql} or {@code aurora-mysql}).
             */
            public Builder watched(RegionSlice slice, int minInService, String engine) {
                this.slice = slice;
                this.minInService = minInService;
                this.engine = engine;
                return this;
            }

            /** The region's pipeline, where it has one (default none). */
            public Builder pipeline(Optional<Output<String>> pipeline) {
                this.pipeline = pipeline;
                return this;
            }

            /** The release bucket's replication rules whose metric lives in this region (default none). */
            public Builder replication(List<RegionAlarms.Replication> replication) {
                this.replication = replication;
                return this;
            }

            /** The notification key's deletion window (7 to 30 days) and protection. */
            public Builder key(int deletionWindowDays, boolean protect) {
                this.key = new KeySettings(deletionWindowDays, protect);
                return this;
            }

            /** The args; fails naming the first required field left unset. */
            public Args build() {
                return new Args(Objects.requireNonNull(where, "where is required"),
                        Objects.requireNonNull(owner, "names are required"),
                        Objects.requireNonNull(settings, "settings are required"),
                        new Watched(Objects.requireNonNull(slice, "watched is required"), minInService, engine, pipeline,
                                replication),
                        Objects.requireNonNull(key, "key is required"));
            }
        }
    }

    /**
     * @param region  this stack's region
     * @param other   the other region (events are forwarded there)
     * @param standby whether this is region B, whose cluster is a secondary of the global database
     */
    public record Where(AwsRegion region, AwsRegion other, boolean standby) {
    }

    /** The project and stack, in every physical name. */
    public record Owner(String project, String stack) {
    }

    /**
     * @param slice        the region's slice: its load balancer, group, cluster and CodeDeploy target
     * @param minInService the group's minimum from the stack's sizing
     * @param engine       the database engine ({@code aurora-postgresql} or {@code aurora-mysql})
     * @param pipeline     the region's pipeline, where it has one
     * @param replication  the release bucket's replication rules whose metric lives in this region (default none)
     */
    public record Watched(RegionSlice slice, int minInService, String engine, Optional<Output<String>> pipeline,
                          List<RegionAlarms.Replication> replication) {
    }

    /** The notification key's deletion window (7 to 30 days) and protection. */
    public record KeySettings(int deletionWindowDays, boolean protect) {
    }

    public final NotificationTopic topic;
    public final RegionAlarms alarms;
    public final Optional<EventRouting> routing;
    public final Patching patching;
    /** The account the region's resources belong to. */
    public final Output<String> account;
    /** The rule that counts this region's pipeline runs and deployments (forwarded to the other region). */
    public final Optional<Output<String>> deliveryRunsRule;

    /** The start of every alarm name of a stack: {@code <project>-<stack>-}. */
    public static String alarmPrefix(String project, String stack) {
        return project + "-" + stack + "-";
    }

    public RegionOperations(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:operations:RegionOperations", name, options);
        ComponentResourceOptions inside = ComponentResourceOptions.builder().parent(this).build();
        AwsRegion region = args.where().region();
        Watched watched = args.watched();
        String prefix = alarmPrefix(args.owner().project(), args.owner().stack());

        this.topic = new NotificationTopic(name + "-topic", new NotificationTopic.Args(region,
                prefix + "operations", "alias/" + prefix + "notifications-" + region.code(),
                args.settings().email(), args.key().deletionWindowDays(), args.key().protect()), inside);
        this.account = topic.keyArn.applyValue(Arns::accountOf);

        RegionSlice slice = watched.slice();
        Output<OperationsPatterns.Delivery> delivery = watched.pipeline()
                .map(p -> Output.tuple(p, slice.deploy.applicationName)
                        .applyValue(t -> new OperationsPatterns.Delivery(Optional.ofNullable(t.t1), t.t2)))
                .orElseGet(() -> slice.deploy.applicationName
                        .applyValue(app -> new OperationsPatterns.Delivery(Optional.empty(), app)));

        this.alarms = new RegionAlarms(name + "-alarms", new RegionAlarms.Args(region, prefix, topic.topicArn,
                args.settings(), RegionAlarms.Watched.builder()
                        .loadBalancer(slice.web.loadBalancerArn, slice.web.targetGroupArn)
                        .autoScalingGroup(slice.app.autoScalingGroupName, watched.minInService())
                        .database(new RegionAlarms.Database(slice.database.clusterIdentifier, args.where().standby(),
                                RegionAlarms.rpoLagOffered(watched.engine())))
                        .delivery(delivery)
                        .replication(watched.replication())
                        .build()), inside);

        if (EventRouting.supported(region, args.where().other())) {
            EventRouting events = new EventRouting(name + "-events", new EventRouting.Args(region, args.where().other(),
                    account, prefix, delivery, topic.topicArn), inside);
            this.routing = Optional.of(events);
            this.deliveryRunsRule = Optional.of(events.deliveryRunsRule);
        } else {
            this.routing = Optional.empty();
            this.deliveryRunsRule = Optional.empty();
        }

        this.patching = new Patching(name + "-patching", new Patching.Args(region, prefix + "patching",
                args.settings(), slice.app.autoScalingGroupName, slice.app.instanceRoleName, account), inside);

        this.slice = slice;
        this.region = region;
        registerOutputs(Map.of("topicArn", topic.topicArn));
    }

    private final RegionSlice slice;
    private final AwsRegion region;

    /**
     * What this region's metrics are published under, as the stacks export it ({@code monitoring}) for the
     * cross-region dashboard: see {@link CrossRegionDashboard#KEYS}.
     *
     * @param replication the release bucket's replication (source bucket, destination bucket, rule id), where this
     *                    stack owns it
     */
    public Output<Map<String, Object>> monitoring(Optional<Output<Map<String, Object>>> replication) {
        Output<String> runs = deliveryRunsRule.orElse(Output.of(""));
        Output<Map<String, Object>> pair = replication.orElse(Output.of(Map.of()));
        return Output.all(List.of(slice.web.loadBalancerArn, slice.web.targetGroupArn, slice.app.autoScalingGroupName,
                        slice.database.clusterIdentifier, alarms.deliveryFailedRule, runs, alarms.regionFailingAlarm))
                .apply(v -> pair.applyValue(p -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("region", region.code());
                    out.put("loadBalancer", RegionAlarms.loadBalancerDimension(v.get(0)));
                    out.put("targetGroup", RegionAlarms.targetGroupDimension(v.get(1)));
                    out.put("autoScalingGroup", v.get(2));
                    out.put("cluster", v.get(3));
                    out.put("deliveryFailedRule", v.get(4));
                    if (v.get(5) != null && !v.get(5).isEmpty()) {
                        out.put("deliveryRunsRule", v.get(5));
                    }
                    out.put("failingAlarm", v.get(6));
                    if (!p.isEmpty()) {
                        out.put("replication", p);
                    }
                    return out;
                }));
    }
}
