package io.multiregion.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.resources.StackReference;
import io.multiregion.config.ConfigException;
import io.multiregion.config.DatabaseSettings;
import io.multiregion.config.DeliveryMode;
import io.multiregion.config.InterRegionSettings;
import io.multiregion.config.NetworkSettings;
import io.multiregion.config.Problem;
import io.multiregion.config.RunKnowledge;
import io.multiregion.config.Sizing;
import io.multiregion.deploy.DeployTarget;
import io.multiregion.naming.Names;
import io.multiregion.regions.AwsRegion;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The contract between the two stacks, in one place: every stack output (its name, which stack exports it, what
 * it means and the shape of its value), what the secondary reads of the primary through its StackReference, and
 * the checks that the two stacks agree. Both stacks and the tests use it; no output name is written anywhere else.
 *
 * <p>What crosses between the stacks depends on the delivery mode ({@code multiregion:delivery}, set in both stack
 * files): bespoke and pipeline-free delivery hand the secondary the replica bucket, its key and the release key (its trigger and
 * pipeline in B read them); native delivery hands it B's artifact store and its key (B's instances read the release
 * revisions the primary's pipeline copies there), and the primary's pipeline names B's CodeDeploy target by
 * {@link #nativeTarget}, which both stacks derive from values they both know, so neither waits for the other.
 */
public final class StackContract {
    private StackContract() {
    }

    /** Which stack exports a value. */
    public enum Exporter { PRIMARY, SECONDARY, BOTH }

    private static final Predicate<Object> TEXT = v -> v instanceof String s && !s.isBlank();
    private static final Predicate<Object> REGION = v -> v instanceof String s && AwsRegion.parse(s).isPresent();
    private static final Pattern ARN = Pattern.compile("^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[0-9]{0,12}:.+$");
    private static final Predicate<Object> AN_ARN = v -> v instanceof String s && ARN.matcher(s).matches();
    private static final Predicate<Object> A_MODE = v -> v instanceof String s && DeliveryMode.parse(s).isPresent();
    private static final Set<DeliveryMode> ALL = EnumSet.allOf(DeliveryMode.class);
    private static final Set<DeliveryMode> BESPOKE = EnumSet.of(DeliveryMode.BESPOKE);
    /** The modes that replicate releases to B and trigger there: bespoke and pipeline-free. */
    private static final Set<DeliveryMode> REPLICATED = EnumSet.of(DeliveryMode.BESPOKE, DeliveryMode.PIPELINE_FREE);
    private static final Set<DeliveryMode> PIPELINE_FREE = EnumSet.of(DeliveryMode.PIPELINE_FREE);
    private static final Set<DeliveryMode> NATIVE = EnumSet.of(DeliveryMode.NATIVE);
    private static final Set<DeliveryMode> NONE = EnumSet.noneOf(DeliveryMode.class);

    /** Every stack output. */
    public enum Value {
        PRIMARY_REGION("primaryRegion", Exporter.BOTH, true, REGION,
                "region A's code; the secondary refuses a primary whose value differs from its own"),
        SECONDARY_REGION("secondaryRegion", Exporter.BOTH, true, REGION, "region B's code"),
        DELIVERY_MODE("deliveryMode", Exporter.BOTH, ALL, ALL, A_MODE,
                "bespoke, native or pipeline-free; the secondary refuses a primary deployed with another mode"),
        DELIVERY_PATH("deliveryPath", Exporter.BOTH, ALL, NONE, v -> v instanceof Map<?, ?> m && A_MODE.test(m.get("mode"))
                && TEXT.test(m.get("reason")), "the delivery mode, what chose it (auto or the value set), why, and (primary) "
                + "the source with its reason"),
        ARTIFACT_KEY("artifactKey", Exporter.PRIMARY, ALL, REPLICATED, TEXT,
                "object key of the release zip in the source and replica buckets"),
        SOURCE_BUCKET("sourceBucketName", Exporter.PRIMARY, false, TEXT, "the source (release) bucket in A"),
        REPLICA_BUCKET("replicaBucketName", Exporter.PRIMARY, REPLICATED, REPLICATED, TEXT,
                "the replica bucket in B (the disaster-recovery upload target)"),
        REPLICA_BUCKET_ARN("replicaBucketArn", Exporter.PRIMARY, REPLICATED, REPLICATED, AN_ARN, "the replica bucket's ARN"),
        REPLICA_KEY_ARN("replicaKeyArn", Exporter.PRIMARY, REPLICATED, REPLICATED, AN_ARN,
                "ARN of B's KMS key that encrypts the replicas"),
        NATIVE_STORE_BUCKET("secondaryArtifactStoreName", Exporter.PRIMARY, NATIVE, NONE, TEXT,
                "native delivery: the pipeline's artifact store in B (the disaster-recovery revision source)"),
        NATIVE_STORE_ARN("secondaryArtifactStoreArn", Exporter.PRIMARY, NATIVE, NATIVE, AN_ARN,
                "native delivery: the ARN of the pipeline's artifact store in B, which B's instances read"),
        NATIVE_STORE_KEY_ARN("secondaryArtifactKeyArn", Exporter.PRIMARY, NATIVE, NATIVE, AN_ARN,
                "native delivery: ARN of B's KMS key that encrypts the artifact store in B"),
        SOURCE_PIPELINE("sourcePipelineName", Exporter.PRIMARY, false, TEXT, "the source pipeline's name in A"),
        CONNECTION_ARN("connectionArn", Exporter.PRIMARY, false, AN_ARN, "connection source: the Git connection's ARN"),
        CONNECTION_NOTE("connectionHandshake", Exporter.PRIMARY, false, TEXT,
                "connection source: whether the connection still needs its one-time console handshake"),
        UPLOAD_COMMAND("releaseUpload", Exporter.PRIMARY, false, TEXT,
                "upload source: the command a CI runs to upload a release zip into the source bucket"),
        UPLOAD_POLICY_ARN("uploadPolicyArn", Exporter.PRIMARY, false, AN_ARN,
                "upload source: the managed policy to attach to the CI's role (exactly that upload)"),
        REPLICATION_ROLE_ARN("replicationRoleArn", Exporter.PRIMARY, REPLICATED, NONE, AN_ARN, "the S3 replication role's ARN"),
        REPLICA_PIPELINE("replicaPipelineName", Exporter.SECONDARY, BESPOKE, NONE, TEXT, "the pipeline's name in B"),
        RELEASE_DEPLOYER("releaseDeployerArn", Exporter.SECONDARY, PIPELINE_FREE, NONE, AN_ARN,
                "pipeline-free: the state machine that deploys each release in B (its failed executions are failed "
                        + "releases: alarm on its ExecutionsFailed metric)"),
        TRIGGER_MODE("triggerMode", Exporter.SECONDARY, REPLICATED, NONE, TEXT, "cloudtrail or eventbridge"),
        TRIGGER_RULE("triggerRuleName", Exporter.SECONDARY, REPLICATED, NONE, TEXT,
                "the EventBridge rule that starts B's pipeline or deployment"),
        TRIGGER_TRAIL("triggerTrailName", Exporter.SECONDARY, REPLICATED, NONE, TEXT,
                "cloudtrail mode: the data-event trail's name"),
        RELEASE_OBJECT("releaseObject", Exporter.SECONDARY, REPLICATED, NONE, TEXT,
                "s3://bucket/key of the release object that starts B's pipeline or deployment"),
        NETWORK("network", Exporter.BOTH, true, v -> v instanceof Map<?, ?> m && TEXT.test(m.get("primaryCidr"))
                && TEXT.test(m.get("secondaryCidr")), "both VPC blocks, as {primaryCidr, secondaryCidr}"),
        SIZING("sizing", Exporter.BOTH, true, v -> Sizing.fromExport(v).isPresent(),
                "the stack's sizing, as its multiregion:sizing fields"),
        DOMAIN("domainName", Exporter.BOTH, true, v -> v instanceof String, "the application's DNS name, or empty"),
        APPLICATION_NAME_RECORD("applicationValidationRecord", Exporter.PRIMARY, true, v -> v instanceof String,
                "the FQDN of the ACM validation record of the application's name, which the primary writes and the "
                        + "secondary's certificate validates against; empty without a domain"),
        GLOBAL_CLUSTER("globalClusterIdentifier", Exporter.PRIMARY, true, TEXT,
                "the Aurora global cluster's identifier, which B's cluster joins"),
        DATABASE("database", Exporter.BOTH, true, v -> v instanceof Map<?, ?> m && TEXT.test(m.get("engine"))
                && TEXT.test(m.get("engineVersion")) && m.get("port") instanceof Number,
                "the database engine, version and port, as {engine, engineVersion, port}"),
        DATABASE_SECRET_REPLICA_ARN("databaseSecretReplicaArn", Exporter.PRIMARY, true, AN_ARN,
                "the database secret's replica in B, which B's application reads"),
        DATABASE_SECRET_REPLICA_KEY_ARN("databaseSecretReplicaKeyArn", Exporter.PRIMARY, true, AN_ARN,
                "ARN of the KMS key in B that encrypts the database secret's replica, which B's application decrypts "
                        + "it with"),
        DATABASE_WRITER_ENDPOINT("databaseWriterEndpoint", Exporter.PRIMARY, false, TEXT,
                "the global writer endpoint, which follows the primary cluster after a switchover or failover"),
        IMAGE_REPOSITORY_REPLICA_ARN("imageRepositoryReplicaArn", Exporter.PRIMARY, true, AN_ARN,
                "the image repository in B, which B's instances pull from"),
        IMAGE_REPOSITORY_URL("imageRepositoryUrl", Exporter.PRIMARY, false, TEXT, "the image repository in A, pushed to"),
        APPLICATION_URL("applicationUrl", Exporter.BOTH, false, TEXT, "the URL of this region's load balancer"),
        DEPLOYMENT_GROUP("deploymentGroup", Exporter.BOTH, false, TEXT,
                "application/group of this region's CodeDeploy target"),
        MONITORING("monitoring", Exporter.BOTH, true, v -> v instanceof Map<?, ?> m && TEXT.test(m.get("region"))
                && TEXT.test(m.get("loadBalancer")) && TEXT.test(m.get("autoScalingGroup")) && TEXT.test(m.get("cluster")),
                "what this region's metrics are published under (load balancer, target group, group, cluster, rules, "
                        + "alarms, replication), which the secondary's cross-region dashboard reads"),
        ALARM_TOPIC("alarmTopicArn", Exporter.BOTH, false, AN_ARN,
                "this region's notification topic (KMS-encrypted), which its alarms and forwarded events notify"),
        DASHBOARD("dashboardName", Exporter.SECONDARY, false, TEXT,
                "the cross-region CloudWatch dashboard, in region B"),
        RECOVERY_RUNBOOK("recoveryRunbook", Exporter.SECONDARY, false, TEXT,
                "the Systems Manager Automation runbook in region B that moves the application to B"),
        FAILOVER_SWITCH_HEALTH_CHECK("failoverSwitchHealthCheckId", Exporter.SECONDARY, false, TEXT,
                "the Route 53 health check of the failover switch: healthy until the recovery runbook moves traffic to B"),
        INTER_REGION("interRegion", Exporter.BOTH, true, InterRegionSettings::fitsExport,
                "the inter-region network's settings, as {enabled, primaryAsn, secondaryAsn} and, when enabled, the subnets "
                        + "of the database flow {databaseSubnets, applicationSubnets}"),
        PRIMARY_TRANSIT_GATEWAY("primaryTransitGatewayId", Exporter.PRIMARY, false, TEXT,
                "inter-region network: A's transit gateway"),
        SECONDARY_TRANSIT_GATEWAY("secondaryTransitGatewayId", Exporter.PRIMARY, true, TEXT,
                "inter-region network: B's transit gateway, which B's VPC attaches to"),
        SECONDARY_TRANSIT_GATEWAY_ROUTE_TABLE("secondaryTransitGatewayRouteTableId", Exporter.PRIMARY, true, TEXT,
                "inter-region network: the route table of B's transit gateway, which B's attachment joins"),
        TRANSIT_GATEWAY_PEERING("transitGatewayPeeringAttachmentId", Exporter.PRIMARY, false, TEXT,
                "inter-region network: the peering attachment between the two transit gateways"),
        GOVERNANCE("governance", Exporter.BOTH, false, v -> v instanceof Map<?, ?>,
                "what governance the stack built in its region: {accountTrail, securityHub, findingAggregator, "
                        + "configRecorder, configRules}"),
        PRIMARY_LOAD_BALANCER_DNS("primaryLoadBalancerDnsName", Exporter.PRIMARY, true, TEXT,
                "the DNS name of A's load balancer: the front door's origin without a domain, the target of A's "
                        + "failover alias record"),
        PRIMARY_LOAD_BALANCER_ZONE("primaryLoadBalancerZoneId", Exporter.PRIMARY, true, TEXT,
                "the canonical hosted zone id of A's load balancer, for alias records"),
        PRIMARY_REGIONAL_NAME("primaryRegionalName", Exporter.PRIMARY, true, v -> v instanceof String,
                "A's own name <A>.<domain>, which A's certificate covers (the front door's origin and the target of "
                        + "A's health check), or empty without a domain"),
        ORIGIN_SECRET("originVerifySecret", Exporter.PRIMARY, true, TEXT,
                "the value of the X-Origin-Verify header that the front door adds and both load balancers require; "
                        + "a Pulumi secret"),
        ORIGIN_ACCESS("originAccess", Exporter.PRIMARY, true, v -> v instanceof Map<?, ?> m
                && m.get("cloudFront") instanceof Boolean && m.get("healthCheckers") instanceof Boolean,
                "what A's load balancer admits, as {cloudFront, healthCheckers}; the secondary refuses a "
                        + "multiregion:frontDoor that disagrees"),
        FRONT_DOOR("frontDoor", Exporter.SECONDARY, false, v -> v instanceof Map<?, ?>,
                "the front door: its mode, URL, active region, the distribution's id, ARN and domain name, the web "
                        + "ACL's ARN, the failover name and the health checks' ids"),
        RECOVERY("recovery", Exporter.SECONDARY, false, v -> v instanceof Map<?, ?> m
                && m.values().stream().allMatch(n -> n instanceof Number),
                "the failover figures in seconds, computed from the configuration: readFailoverThroughCloudFront, "
                        + "dnsFailover, databaseRpo, artifactRpo (each where it applies)");

        private final String key;
        private final Exporter exporter;
        private final Set<DeliveryMode> exportedIn;
        private final Set<DeliveryMode> readIn;
        private final Predicate<Object> shape;
        private final String meaning;

        /** A value exported in every delivery mode, read by the secondary in every mode or in none. */
        Value(String key, Exporter exporter, boolean readBySecondary, Predicate<Object> shape, String meaning) {
            this(key, exporter, ALL, readBySecondary ? ALL : NONE, shape, meaning);
        }

        /**
         * @param exportedIn the delivery modes in which the exporter exports it
         * @param readIn     the delivery modes in which the secondary reads it of the primary
         */
        Value(String key, Exporter exporter, Set<DeliveryMode> exportedIn, Set<DeliveryMode> readIn,
              Predicate<Object> shape, String meaning) {
            this.key = key;
            this.exporter = exporter;
            this.exportedIn = exportedIn;
            this.readIn = readIn;
            this.shape = shape;
            this.meaning = meaning;
        }

        /** The output's name. */
        public String key() {
            return key;
        }

        public Exporter exporter() {
            return exporter;
        }

        /** Whether the secondary reads this output of the primary, in some delivery mode. */
        public boolean readBySecondary() {
            return !readIn.isEmpty();
        }

        /** Whether the secondary reads this output of the primary when both stacks deliver in this mode. */
        public boolean readBySecondary(DeliveryMode mode) {
            return readIn.contains(mode);
        }

        /** Whether its exporter exports it in this delivery mode. */
        public boolean exportedIn(DeliveryMode mode) {
            return exportedIn.contains(mode);
        }

        public String meaning() {
            return meaning;
        }

        /**
         * Whether the output exists only while the inter-region network is on ({@code multiregion:interRegion}): the
         * primary exports it, and the secondary reads it, only then.
         */
        public boolean interRegionOnly() {
            return this == PRIMARY_TRANSIT_GATEWAY || this == SECONDARY_TRANSIT_GATEWAY
                    || this == SECONDARY_TRANSIT_GATEWAY_ROUTE_TABLE || this == TRANSIT_GATEWAY_PEERING;
        }

        /** Whether the output is a Pulumi secret (its value is shown nowhere, and read as a secret). */
        public boolean secret() {
            return this == ORIGIN_SECRET;
        }

        /** Whether a value read from a stack has this output's shape. */
        public boolean fits(Object value) {
            return shape.test(value);
        }
    }

    /**
     * Outputs exported in only one trigger mode or one source: the trail (cloudtrail trigger), the connection
     * (connection source), the upload command and policy (upload source).
     */
    private static boolean oneChoiceOnly(Value value) {
        return switch (value) {
            case TRIGGER_TRAIL, CONNECTION_ARN, CONNECTION_NOTE, UPLOAD_COMMAND, UPLOAD_POLICY_ARN -> true;
            default -> false;
        };
    }

    /** The primary's outputs that the secondary reads when both stacks deliver in this mode. */
    public static List<Value> readBySecondary(DeliveryMode mode) {
        return List.of(Value.values()).stream().filter(v -> v.readBySecondary(mode)).toList();
    }

    /**
     * The names of B's CodeDeploy target in native delivery, derived from what both stacks know before either is
     * deployed: the project, the primary stack's name (the primary's own name; the secondary's
     * {@code multiregion:primaryStack}, whose last segment it is) and region B. The primary's pipeline deploys to these
     * names; the secondary creates its target with them. A primary has one secondary, and CodeDeploy application
     * names are unique per account and region, so the names never collide.
     *
     * @param project      the Pulumi project
     * @param primaryStack the primary stack's name, short ({@code primary}) or fully qualified ({@code org/project/primary})
     * @param b            region B
     * @param component    the name of B's slice's CodeDeploy target component (its deployment group's name derives from it)
     */
    public static NativeTarget nativeTarget(String project, String primaryStack, AwsRegion b, String component) {
        String stack = primaryStack.substring(primaryStack.lastIndexOf('/') + 1);
        // fitted to CodeDeploy's limit the same way in both stacks, so a long stack name cannot break the agreement
        return new NativeTarget(Names.fit(project + "-" + stack + "-" + b.code(), Names.CODEDEPLOY),
                DeployTarget.groupName(component));
    }

    /** B's CodeDeploy application and deployment group names in native delivery. */
    public record NativeTarget(String applicationName, String deploymentGroupName) {
    }

    /**
     * Exports one stack's outputs for its delivery mode; every output that stack must export in that mode has to be
     * given, and no other (a programming error otherwise).
     */
    public static void export(Context ctx, Exporter stack, DeliveryMode mode, Map<Value, Output<?>> values) {
        for (Value v : Value.values()) {
            boolean required = (v.exporter == stack || v.exporter == Exporter.BOTH) && v.exportedIn(mode);
            if (required && !values.containsKey(v) && !oneChoiceOnly(v) && !v.interRegionOnly()) {
                throw new IllegalStateException("the " + stack + " stack must export " + v.key);
            }
            if (!required && values.containsKey(v)) {
                throw new IllegalStateException("the " + stack + " stack does not export " + v.key);
            }
        }
        Map<Value, Output<?>> ordered = new EnumMap<>(values);
        ordered.forEach((v, output) -> ctx.export(v.key, output));
    }

    /** What a load balancer admits, in words. */
    private static String describe(Map<?, ?> access) {
        if (!Boolean.TRUE.equals(access.get("cloudFront"))) {
            return "anyone (no CloudFront)";
        }
        return "CloudFront only" + (Boolean.TRUE.equals(access.get("healthCheckers"))
                ? " and Route 53's health checkers" : " (no Route 53 health checks)");
    }

    /**
     * The secondary's view of the primary stack, through a StackReference.
     */
    public static final class PrimaryReference {
        private final String name;
        private final RunKnowledge knowledge;
        private final StackReference reference;
        private final Output<Map<String, Object>> outputs;

        /**
         * Registers the StackReference to the primary stack named {@code name} ({@code org/project/stack}); the
         * values that {@code knowledge} says this run does not know are not checked.
         */
        public PrimaryReference(String name, RunKnowledge knowledge) {
            this.name = name;
            this.knowledge = knowledge;
            this.reference = new StackReference(name);
            this.outputs = reference.outputs();
        }

        /**
         * One structured output (a map), as an Output (unknown until the primary was deployed), read on its own as
         * {@link #text} is.
         */
        public Output<Map<String, Object>> map(Value value) {
            if (!value.readBySecondary()) {
                throw new IllegalArgumentException(value.key + " is not part of what the secondary reads");
            }
            return reference.output(value.key).applyValue(v -> {
                Map<String, Object> out = new LinkedHashMap<>();
                if (v instanceof Map<?, ?> read) {
                    read.forEach((k, x) -> out.put(String.valueOf(k), x));
                }
                return out;
            });
        }

        /**
         * One text output, as an Output (unknown until the primary was deployed). Read one by one: the map of all
         * outputs is a secret as a whole once one output is (the SDK's StackReference.output), and the values read
         * here would all become secrets with it.
         */
        public Output<String> text(Value value) {
            if (!value.readBySecondary()) {
                throw new IllegalArgumentException(value.key + " is not part of what the secondary reads");
            }
            Output<?> read = reference.output(value.key);
            return read.applyValue(v -> Objects.toString(v, null));
        }

        /** A secret output, kept a secret in everything built from it. */
        public Output<String> secret(Value value) {
            if (!value.secret()) {
                throw new IllegalArgumentException(value.key + " is not a secret output");
            }
            return text(value).asSecret();
        }

        /**
         * The one read this stack waits for before registering AWS resources: the primary's exports, checked
         * against the contract and against this stack's own settings. A primary that exports nothing yet (never
         * deployed) is a warning; a primary that exports only part of the contract, a value of the wrong shape,
         * or a value that disagrees with this stack's is a {@link ConfigException} naming the output and the fix,
         * and nothing else is registered.
         */
        public void check(Context ctx, String stack, Agreement agreement) {
            // getValueNullable() completes with null when the value is unknown (a preview of a primary never
            // deployed), so this never waits forever.
            Map<String, Object> read = Internal.of(outputs).getValueNullable().join();
            DeliveryMode mode = agreement.delivery();
            // what this run does not know is neither missing nor checked: it reads as absent below
            Map<Value, Object> values = new LinkedHashMap<>();
            Set<Value> unknown = EnumSet.noneOf(Value.class);
            for (Value v : readBySecondary(mode)) {
                if (!agreement.reads(v)) {
                    continue;
                }
                Object value = read == null ? null : read.get(v.key);
                if (value != null && knowledge.isUnknown(value)) {
                    unknown.add(v);
                    value = null;
                }
                values.put(v, value);
            }
            if (read != null && !read.isEmpty() && values.get(Value.DELIVERY_MODE) == null) {
                // a primary deployed before delivery modes existed delivers the only way there was then
                values.put(Value.DELIVERY_MODE, DeliveryMode.BESPOKE.value());
            }
            Object theirMode = values.get(Value.DELIVERY_MODE);
            boolean sameMode = theirMode == null || mode.value().equals(theirMode);
            List<Value> missing = values.entrySet().stream()
                    .filter(e -> e.getValue() == null && !unknown.contains(e.getKey()))
                    // the other mode's primary lacks this mode's values: the disagreement below says what to do
                    .filter(e -> sameMode || ALL.stream().allMatch(m -> e.getKey().exportedIn(m)))
                    .map(Map.Entry::getKey).toList();
            if (values.values().stream().allMatch(Objects::isNull) && unknown.isEmpty()) {
                ctx.log().warn("primary stack " + name + " exports nothing yet: deploy it first (pulumi up -s primary); "
                        + "what this stack reads of it (" + String.join(", ", values.keySet().stream().map(Value::key).toList())
                        + ") stays unknown until then");
                return;
            }
            List<Problem> problems = new ArrayList<>();
            if (!missing.isEmpty()) {
                problems.add(new Problem("multiregion:primaryStack", name, Problem.Kind.DISAGREES_WITH_PRIMARY,
                        "does not export " + String.join(", ", missing.stream().map(Value::key).toList()),
                        "point it at this project's primary stack and run pulumi up -s primary with this version first"));
            }
            values.forEach((v, value) -> {
                if (value != null && !v.fits(value)) {
                    problems.add(new Problem("multiregion:primaryStack", null, Problem.Kind.DISAGREES_WITH_PRIMARY, "output "
                            + v.key + " of '" + name + "' is '" + value + "', which is not " + v.meaning,
                            "point multiregion:primaryStack at this project's primary stack"));
                }
            });
            agreement.check(name, values, problems);
            if (!problems.isEmpty()) {
                throw new ConfigException(stack, problems);
            }
            agreement.warnings(name, values).forEach(w -> ctx.log().warn(w.toString()));
        }
    }

    /**
     * The values both stack files set and the two stacks must agree on, and the standby's sizing, which must stay
     * within what the primary's allows.
     *
     * @param primaryRegion   region A
     * @param secondaryRegion region B
     * @param network         both VPC blocks, set in both stack files
     * @param sizing          the standby's sizing
     * @param domain          the application's DNS name, or empty
     * @param interRegion     the inter-region network, set in both stack files
     * @param originAccess    what this stack's front door expects A's load balancer to admit ({cloudFront,
     *                        healthCheckers}); empty leaves it unchecked
     */
    public record Agreement(AwsRegion primaryRegion, AwsRegion secondaryRegion, NetworkSettings network, Sizing sizing,
                            String domain, DatabaseSettings database, DeliveryMode delivery,
                            InterRegionSettings interRegion, Map<String, Object> originAccess) {

        public Agreement {
            originAccess = Map.copyOf(originAccess);
        }

        /** The agreement of a stack that delivers in this mode with the default inter-region network. */
        public Agreement(AwsRegion primaryRegion, AwsRegion secondaryRegion, NetworkSettings network, Sizing sizing,
                         String domain, DatabaseSettings database, DeliveryMode delivery) {
            this(primaryRegion, secondaryRegion, network, sizing, domain, database, delivery, InterRegionSettings.DEFAULTS);
        }

        /** An agreement that leaves the primary's load balancer access unchecked. */
        public Agreement(AwsRegion primaryRegion, AwsRegion secondaryRegion, NetworkSettings network, Sizing sizing,
                         String domain, DatabaseSettings database, DeliveryMode delivery, InterRegionSettings interRegion) {
            this(primaryRegion, secondaryRegion, network, sizing, domain, database, delivery, interRegion, Map.of());
        }

        /** The agreement of a stack that delivers in the default (bespoke) mode. */
        public Agreement(AwsRegion primaryRegion, AwsRegion secondaryRegion, NetworkSettings network, Sizing sizing,
                         String domain, DatabaseSettings database) {
            this(primaryRegion, secondaryRegion, network, sizing, domain, database, DeliveryMode.BESPOKE);
        }

        /** Whether the secondary reads this output of the primary under this agreement. */
        boolean reads(Value value) {
            return interRegion.enabled() || !value.interRegionOnly();
        }

        /** What is valid but worth saying about the primary's values (a switch-off of the inter-region network). */
        List<Problem> warnings(String primaryStack, Map<Value, Object> read) {
            if (read.get(Value.INTER_REGION) instanceof Map<?, ?> theirs && Value.INTER_REGION.fits(theirs)) {
                return interRegion.warningsAgainstPrimary(theirs, primaryStack);
            }
            return List.of();
        }

        /** The database value the primary exports. */
        public static Map<String, Object> database(DatabaseSettings database) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("engine", database.engine().value());
            out.put("engineVersion", database.engineVersion());
            out.put("port", database.port());
            return out;
        }

        /** The network value a stack exports. */
        public static Map<String, Object> network(NetworkSettings network) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("primaryCidr", network.primary().cidr());
            out.put("secondaryCidr", network.secondary().cidr());
            return out;
        }

        void check(String primaryStack, Map<Value, Object> read, List<Problem> problems) {
            if (read.get(Value.NETWORK) instanceof Map<?, ?> cidrs && Value.NETWORK.fits(cidrs)) {
                problems.addAll(NetworkSettings.checkAgainstPrimary(network, cidrs.get("primaryCidr").toString(),
                        cidrs.get("secondaryCidr").toString()));
            }
            if (read.get(Value.INTER_REGION) instanceof Map<?, ?> theirs && Value.INTER_REGION.fits(theirs)) {
                problems.addAll(interRegion.checkAgainstPrimary(network, theirs, primaryStack));
            }
            Sizing.fromExport(read.get(Value.SIZING)).ifPresent(primary -> problems.addAll(sizing.checkStandby(primary)));
            if (read.get(Value.DATABASE) instanceof Map<?, ?> theirs && Value.DATABASE.fits(theirs)) {
                Map<String, Object> mine = database(database);
                boolean same = mine.get("engine").equals(theirs.get("engine"))
                        && mine.get("engineVersion").equals(theirs.get("engineVersion"))
                        && ((Number) theirs.get("port")).intValue() == database.port();
                if (!same) {
                    problems.add(new Problem("multiregion:database", null, Problem.Kind.DISAGREES_WITH_PRIMARY, "engine "
                            + mine.get("engine") + " " + mine.get("engineVersion") + " on port " + database.port()
                            + " disagrees with the primary stack " + primaryStack + ", which runs " + theirs.get("engine")
                            + " " + theirs.get("engineVersion") + " on port " + theirs.get("port"), "B's cluster joins A's "
                            + "global database: set the same multiregion:database value in both stack files"));
                }
            }
            if (read.get(Value.DOMAIN) instanceof String theirs && !theirs.equals(domain)) {
                problems.add(new Problem("multiregion:domain", domain, Problem.Kind.DISAGREES_WITH_PRIMARY, "disagrees with "
                        + "the primary stack " + primaryStack + ", which serves '" + theirs + "'", "set the same "
                        + "multiregion:domain value in both stack files"));
            } else if (!domain.isEmpty() && "".equals(read.get(Value.APPLICATION_NAME_RECORD))) {
                // the primary owns the validation record of the application's name; this stack's certificate needs it
                problems.add(new Problem("multiregion:domain", null, Problem.Kind.DISAGREES_WITH_PRIMARY, "the primary "
                        + "stack " + primaryStack + " serves '" + domain + "' but exports no validation record for it ("
                        + Value.APPLICATION_NAME_RECORD.key + ")", "run pulumi up -s primary with this version first, it "
                        + "writes that record"));
            }
            if (!originAccess.isEmpty() && read.get(Value.ORIGIN_ACCESS) instanceof Map<?, ?> admits
                    && Value.ORIGIN_ACCESS.fits(admits) && !(admits.get("cloudFront").equals(originAccess.get("cloudFront"))
                    && admits.get("healthCheckers").equals(originAccess.get("healthCheckers")))) {
                problems.add(new Problem("multiregion:frontDoor", null, Problem.Kind.DISAGREES_WITH_PRIMARY, "this stack's "
                        + "front door needs A's load balancer to admit " + describe(originAccess) + ", but the primary stack "
                        + primaryStack + " admits " + describe(admits), "set the same cloudFront and dnsFailover in "
                        + "multiregion:frontDoor (and the same multiregion:domain) in both stack files and run pulumi up -s "
                        + "primary first"));
            }
            Object theirs = read.get(Value.DELIVERY_MODE);
            if (theirs != null && !delivery.value().equals(theirs)) {
                problems.add(new Problem("multiregion:delivery", delivery.value(), Problem.Kind.DISAGREES_WITH_PRIMARY,
                        "disagrees with the primary stack " + primaryStack + ", which was deployed with '" + theirs + "'",
                        "set the same value in both stack files and run pulumi up -s primary first (docs/delivery.md, "
                        + "\"Switching modes on deployed stacks\")"));
            }
            Object a = read.get(Value.PRIMARY_REGION);
            Object b = read.get(Value.SECONDARY_REGION);
            if (a != null && !a.toString().equals(primaryRegion.code())) {
                problems.add(new Problem("multiregion:primaryRegion", primaryRegion.code(), Problem.Kind.DISAGREES_WITH_PRIMARY,
                        "disagrees with the primary stack " + primaryStack + ", which was deployed with '" + a + "'",
                        "set the same value in both stack files"));
            }
            if (b != null && !b.toString().equals(secondaryRegion.code())) {
                problems.add(new Problem("multiregion:secondaryRegion", secondaryRegion.code(),
                        Problem.Kind.DISAGREES_WITH_PRIMARY, "disagrees with the primary stack " + primaryStack
                        + ", which replicates to '" + b + "'", "set the same value in both stack files"));
            }
        }
    }
}
