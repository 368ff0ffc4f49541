package io.multiregion.compute;

import com.pulumi.aws.autoscaling.Group;
import com.pulumi.aws.autoscaling.GroupArgs;
import com.pulumi.aws.autoscaling.Policy;
import com.pulumi.aws.autoscaling.PolicyArgs;
import com.pulumi.aws.autoscaling.inputs.GroupInstanceRefreshArgs;
import com.pulumi.aws.autoscaling.inputs.GroupInstanceRefreshPreferencesArgs;
import com.pulumi.aws.autoscaling.inputs.GroupLaunchTemplateArgs;
import com.pulumi.aws.autoscaling.inputs.GroupTagArgs;
import com.pulumi.aws.autoscaling.inputs.PolicyTargetTrackingConfigurationArgs;
import com.pulumi.aws.autoscaling.inputs.PolicyTargetTrackingConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.aws.ec2.LaunchTemplate;
import com.pulumi.aws.ec2.LaunchTemplateArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingEbsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateIamInstanceProfileArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateMetadataOptionsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateMonitoringArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateNetworkInterfaceArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateTagSpecificationArgs;
import com.pulumi.aws.iam.InstanceProfile;
import com.pulumi.aws.iam.InstanceProfileArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.values.Outputs;
import io.multiregion.config.Sizing;
import io.multiregion.iam.Actions;
import io.multiregion.iam.ServiceRole;
import io.multiregion.iam.Statement;
import io.multiregion.naming.Names;
import io.multiregion.network.Connectable;
import io.multiregion.regions.Arns;
import io.multiregion.regions.AwsRegion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A region's application tier: a launch template and an Auto Scaling group in the private subnets behind the web
 * tier's target group, a target-tracking scaling policy, the instances' role, and its security group, which admits
 * the application port from the load balancer only and sends HTTPS out. The flows that join it to its neighbours are
 * theirs: the load balancer opens its way to the application port ({@link Frontend#allowTo}, asked here, since the
 * group waits for it), the data tier admits the application ({@code RegionalCluster#allowFrom}).
 *
 * <p>FSBP controls met from the inputs: AutoScaling.1 (ELB health checks), AutoScaling.2 (the private subnets of
 * several zones), AutoScaling.3 and EC2.8 (IMDSv2 required, hop limit 1), AutoScaling.5 and EC2.9 (no public IP),
 * AutoScaling.9 (launch template), EC2.18/EC2.19 (nothing admitted from the internet). <b>Exception to
 * AutoScaling.6</b> (several instance types): the group runs the one type of {@code multiregion:sizing}, so both
 * regions run a release on the same hardware and the standby's capacity check compares like with like.
 *
 * <p>The component is placed in a region by the provider in its options; every child takes it from this parent.
 */
public final class AppTier extends ComponentResource implements Connectable {

    /** The application port when the caller does not choose one; the sample release listens on it. */
    public static final int DEFAULT_APP_PORT = 8080;
    /** Requests per target and minute the scaling policy keeps the group at, by default. */
    public static final double DEFAULT_REQUESTS_PER_TARGET = 500;
    /**
     * Seconds after an instance is in service before ELB health counts. A first boot answers {@code /health} with 200
     * only once the CodeDeploy agent runs ({@link UserData}): boot, then {@code dnf install ruby}, then the agent's
     * installer, each retried up to {@value UserData#ATTEMPTS} times with 10 to 40 s between attempts (100 s of waiting
     * at most). 600 s covers that with room for a slow mirror; an instance whose agent is still not running then fails
     * its checks and is replaced. The EC2 Auto Scaling console's default is 300 s (EC2 Auto Scaling User Guide, "Set the
     * health check grace period for an Auto Scaling group"), too short once the retries count.
     */
    public static final int HEALTH_CHECK_GRACE_SECONDS = 600;
    /** Seconds a new instance's metrics are left out of scaling decisions (same guide, "default instance warmup"). */
    public static final int INSTANCE_WARMUP_SECONDS = 180;
    /** The public SSM parameter of the current Amazon Linux 2023 AMI, per architecture (Amazon Linux 2023 User Guide, "Get the latest AMI ID"). */
    public static final String AMI_PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-";
    /** The service the instance role trusts, and the one it is passed to ({@code iam:PassedToService}). */
    public static final String INSTANCE_SERVICE = "ec2.amazonaws.com";
    /**
     * Instance refresh keeps every instance in service: it launches a replacement before it terminates the instance it
     * replaces (minimum healthy 100%, with a maximum above 100%: the "launch before terminating" behaviour of the EC2
     * Auto Scaling User Guide, "Instance maintenance policies"). With the defaults (minimum 90%, maximum 100%) there is
     * no room above the desired capacity, so each replacement terminates first, at least one instance at a time: a
     * group of 2 or 3 serves with a half or a third of its capacity missing while each new instance boots.
     */
    public static final int REFRESH_MIN_HEALTHY_PERCENT = 100;
    /**
     * How far above the desired capacity a refresh may launch (100 to 200, and at most 100 above the minimum: EC2 Auto
     * Scaling API Reference, RefreshPreferences and InstanceMaintenancePolicy, MaxHealthyPercentage). 200 lets it
     * launch a replacement for every instance at once, so even a group of one always has room for one more instance,
     * whatever the rounding of a smaller percentage.
     */
    public static final int REFRESH_MAX_HEALTHY_PERCENT = 200;
    /** HTTPS out: SSM, the CodeDeploy agent, S3 and package mirrors, through the NAT gateways or endpoints. */
    public static final int HTTPS = 443;
    public static final String ANYWHERE = "0.0.0.0/0";
    public static final int ROOT_VOLUME_GIB = 20;

    /**
     * What the application tier sits behind: the web tier's load balancer ({@code LoadBalancer}). The tier admits its
     * port from the load balancer's group, registers its instances in the target group and scales on its request count;
     * the load balancer owns its own way out to the tier's port ({@link #allowTo}), as AWS CDK's
     * {@code lb.connections.allowTo(asg, port)} does.
     */
    public interface Frontend {
        /** The load balancer's security group, the only source the tier admits. */
        Output<String> securityGroupId();

        /** The target group the tier's instances are registered in. */
        Output<String> targetGroupArn();

        /**
         * The target group's {@code ALBRequestCountPerTarget} resource label, known once a listener forwards to it (the
         * scaling policy waits for that).
         */
        Output<String> requestCountLabel();

        /**
         * Opens the load balancer's way out to {@code port} of the tier's group: an egress rule of the load balancer's
         * group, registered with {@code options}.
         *
         * @return the rule, which the group waits for (the load balancer's health checks reach the instances through it)
         */
        Resource allowTo(Connectable app, int port, CustomResourceOptions options);
    }

    /**
     * Built with {@link #builder()}.
     *
     * @param region              the region the component is placed in
     * @param instanceType        EC2 instance type (from {@code multiregion:sizing})
     * @param minSize             group minimum
     * @param desiredCapacity     group desired capacity at creation; later the scaling policy owns it
     * @param maxSize             group maximum
     * @param vpcId               the region's VPC
     * @param privateSubnetIds    the private (application) subnets, one per zone
     * @param appPort             the application's port (default {@value #DEFAULT_APP_PORT}, 1024 or above)
     * @param frontend            the load balancer the tier sits behind
     * @param requestsPerTarget   requests per target and minute to track (default {@value #DEFAULT_REQUESTS_PER_TARGET})
     * @param ebsKeyArn           the region's KMS key for EBS; its policy must include {@link #autoScalingKeyStatements}
     * @param ebsKeyPolicy        the resource that sets that key policy, when it is separate from the key; the group waits
     *                            for it (default none)
     * @param release             where the CodeDeploy agent reads release revisions from; empty when the pipeline that
     *                            owns the revisions grants that itself ({@link #instanceRoleName}) (default empty)
     * @param secret              the application's secret, once the data tier exists (default none)
     * @param firstBoot           what the instances need on their first boot, which the group waits for: the private
     *                            subnets' routes to NAT and their associations, the S3 endpoint
     *                            ({@code Network#privateEgress}) (default none)
     * @param recoveryScalesGroup whether the recovery runbook raises the group's minimum after a failover (region B), so
     *                            that a later {@code pulumi up} must not lower it (default false)
     */
    public record Args(AwsRegion region, String instanceType, int minSize, int desiredCapacity, int maxSize,
                       Output<String> vpcId, Output<List<String>> privateSubnetIds, int appPort, Frontend frontend,
                       double requestsPerTarget, Output<String> ebsKeyArn, Optional<Resource> ebsKeyPolicy,
                       Optional<ReleaseSource> release, Optional<SecretAccess> secret, List<Resource> firstBoot,
                       boolean recoveryScalesGroup) {
        public Args {
            Objects.requireNonNull(ebsKeyPolicy, "ebsKeyPolicy");
            firstBoot = List.copyOf(firstBoot);
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(instanceType, "instanceType");
            Objects.requireNonNull(frontend, "frontend");
            Objects.requireNonNull(release, "release");
            Objects.requireNonNull(secret, "secret");
            if (minSize < 0 || minSize > desiredCapacity || desiredCapacity > maxSize) {
                throw new IllegalArgumentException("need 0 <= minSize <= desiredCapacity <= maxSize: "
                        + minSize + "/" + desiredCapacity + "/" + maxSize);
            }
            if (requestsPerTarget <= 0) {
                throw new IllegalArgumentException("requestsPerTarget must be positive: " + requestsPerTarget);
            }
        }

        /** Named construction: every field without a default must be set. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Args}; each setter says the field's default, if it has one. */
        public static final class Builder {
            private AwsRegion region;
            private String instanceType;
            private Integer minSize;
            private Integer desiredCapacity;
            private Integer maxSize;
            private Output<String> vpcId;
            private Output<List<String>> privateSubnetIds;
            private int appPort = DEFAULT_APP_PORT;
            private Frontend frontend;
            private double requestsPerTarget = DEFAULT_REQUESTS_PER_TARGET;
            private Output<String> ebsKeyArn;
            private Optional<Resource> ebsKeyPolicy = Optional.empty();
            private Optional<ReleaseSource> release = Optional.empty();
            private Optional<SecretAccess> secret = Optional.empty();
            private List<Resource> firstBoot = List.of();
            private boolean recoveryScalesGroup;

            private Builder() {
            }

            /** The region the component is placed in. */
            public Builder region(AwsRegion region) {
                this.region = region;
                return this;
            }

            /**
             * A stack's sizing: the instance type and the group's minimum, desired capacity and maximum (its NAT and
             * database figures belong to the network and the data tier).
             */
            public Builder sizing(Sizing sizing) {
                return instanceType(sizing.instanceType())
                        .groupSize(sizing.minSize(), sizing.desiredCapacity(), sizing.maxSize());
            }

            /** EC2 instance type. */
            public Builder instanceType(String instanceType) {
                this.instanceType = instanceType;
                return this;
            }

            /** The group's minimum, desired capacity at creation (later the scaling policy's) and maximum. */
            public Builder groupSize(int minSize, int desiredCapacity, int maxSize) {
                this.minSize = minSize;
                this.desiredCapacity = desiredCapacity;
                this.maxSize = maxSize;
                return this;
            }

            /** The region's VPC and its private (application) subnets, one per zone. */
            public Builder subnets(Output<String> vpcId, Output<List<String>> privateSubnetIds) {
                this.vpcId = vpcId;
                this.privateSubnetIds = privateSubnetIds;
                return this;
            }

            /** The application's port (default {@value #DEFAULT_APP_PORT}, 1024 or above). */
            public Builder appPort(int appPort) {
                this.appPort = appPort;
                return this;
            }

            /** The load balancer the tier sits behind. */
            public Builder behind(Frontend frontend) {
                this.frontend = frontend;
                return this;
            }

            /** Requests per target and minute to track (default {@value #DEFAULT_REQUESTS_PER_TARGET}). */
            public Builder requestsPerTarget(double requestsPerTarget) {
                this.requestsPerTarget = requestsPerTarget;
                return this;
            }

            /** The region's KMS key for EBS, whose policy includes {@link #autoScalingKeyStatements}. */
            public Builder ebsKey(Output<String> ebsKeyArn) {
                this.ebsKeyArn = ebsKeyArn;
                return this;
            }

            /**
             * The region's KMS key for EBS and the resource that sets its policy, separate from the key: the group waits
             * for the policy.
             */
            public Builder ebsKey(Output<String> ebsKeyArn, Resource ebsKeyPolicy) {
                this.ebsKeyArn = ebsKeyArn;
                this.ebsKeyPolicy = Optional.of(ebsKeyPolicy);
                return this;
            }

            /**
             * Where the CodeDeploy agent reads release revisions from (default none: the pipeline that owns the revisions
             * grants that itself, on {@link #instanceRoleName}).
             */
            public Builder release(ReleaseSource release) {
                this.release = Optional.of(release);
                return this;
            }

            /** The application's read access to its secret, as the secret's owner grants it (default none). */
            public Builder secret(SecretAccess secret) {
                this.secret = Optional.of(secret);
                return this;
            }

            /**
             * What the instances need on their first boot, which the group waits for: the private subnets' routes to NAT
             * and their associations, the S3 endpoint ({@code Network#privateEgress}) (default none).
             */
            public Builder firstBoot(List<Resource> firstBoot) {
                this.firstBoot = firstBoot;
                return this;
            }

            /**
             * Whether the recovery runbook raises the group's minimum after a failover (region B), so that a later
             * {@code pulumi up} must not lower it (default false).
             */
            public Builder recoveryScalesGroup(boolean recoveryScalesGroup) {
                this.recoveryScalesGroup = recoveryScalesGroup;
                return this;
            }

            /** The args; fails naming the first required field left unset. */
            public Args build() {
                return new Args(Objects.requireNonNull(region, "region is required"),
                        Objects.requireNonNull(instanceType, "instanceType is required"),
                        Objects.requireNonNull(minSize, "groupSize is required"), desiredCapacity, maxSize,
                        Objects.requireNonNull(vpcId, "subnets are required"), privateSubnetIds, appPort,
                        Objects.requireNonNull(frontend, "behind (the load balancer) is required"), requestsPerTarget,
                        Objects.requireNonNull(ebsKeyArn, "ebsKey is required"), ebsKeyPolicy, release, secret,
                        firstBoot, recoveryScalesGroup);
            }
        }
    }

    /**
     * Where release revisions come from: the bucket CodeDeploy tells the agent to download from (the pipeline's
     * artifact store) and the KMS key its objects are encrypted with.
     */
    public record ReleaseSource(Output<String> bucketArn, Output<String> keyArn) {
    }

    /**
     * The application's read access to its secret, as the secret's owner grants it ({@code DatabaseCredentials.grantRead}
     * or {@code readStatements}): the copy of the secret in this region and the key that encrypts that copy, which may be
     * another stack's key (B's replica is encrypted with the key the primary named for it, not the secondary's own).
     *
     * @param statements the statements, added to the instance role's policy as they are
     */
    public record SecretAccess(List<Statement> statements) {
        public SecretAccess {
            statements = List.copyOf(statements);
        }
    }

    /** The application tier's security group; the data tier admits its database port from it. */
    @Export(name = "securityGroupId", refs = {String.class}, tree = "[0]")
    public final Output<String> securityGroupId;
    /** The Auto Scaling group's name (CodeDeploy deployment group, dashboards). */
    @Export(name = "autoScalingGroupName", refs = {String.class}, tree = "[0]")
    public final Output<String> autoScalingGroupName;
    /** The instances' role ARN. */
    public final Output<String> instanceRoleArn;
    /** The instance role's name, for the owner of the release revisions to grant it read access. */
    public final Output<String> instanceRoleName;
    /** The group itself, for dependencies. */
    public final Group group;
    /** The launch template. */
    public final LaunchTemplate launchTemplate;
    /** The launch template's id (CodeDeploy's service role may launch from it). */
    public final Output<String> launchTemplateId;

    private final String name;

    public AppTier(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:compute:AppTier", name, options);
        this.name = name;
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        AwsRegion region = args.region();

        SecurityGroup sg = new SecurityGroup(Names.autoNamed(name + "-app", Names.SECURITY_GROUP), SecurityGroupArgs.builder()
                .description("Application instances: the app port from the load balancer only, HTTPS out")
                .vpcId(args.vpcId())
                // no inline rules: the provider removes a new group's default allow-all egress (aws.ec2.SecurityGroup docs)
                .build(), child);
        this.securityGroupId = sg.id();
        SecurityGroupIngressRule fromAlb = new SecurityGroupIngressRule(name + "-app-from-alb", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(sg.id())
                .description("Application port from the load balancer")
                .ipProtocol("tcp").fromPort(args.appPort()).toPort(args.appPort())
                .referencedSecurityGroupId(args.frontend().securityGroupId())
                .build(), child);
        // The load balancer's one way out, to this group's port: the load balancer's rule, registered here, where it has
        // always been (under another parent its URN would change).
        Resource albToApp = args.frontend().allowTo(this, args.appPort(), child);
        // HTTPS out for SSM, the CodeDeploy agent, S3 and the OS package mirrors. The database port towards the data
        // tier's security group is the data tier's to open (RegionalCluster#allowFrom) once it exists; nothing uses it
        // before the first release, so the group does not wait for it.
        SecurityGroupEgressRule httpsOut = new SecurityGroupEgressRule(name + "-app-https-out", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(sg.id())
                .description("HTTPS to AWS APIs and package mirrors")
                .ipProtocol("tcp").fromPort(HTTPS).toPort(HTTPS).cidrIpv4(ANYWHERE)
                .build(), child);

        ServiceRole role = ServiceRole.create(name + "-instance", INSTANCE_SERVICE, List.of(),
                "Application instances: Session Manager, CodeDeploy releases, the application's secret",
                instanceStatements(region, args.ebsKeyArn().applyValue(Arns::accountOf), args.release(), args.secret()),
                child);
        this.instanceRoleArn = role.arn();
        this.instanceRoleName = role.role().name();
        InstanceProfile profile = new InstanceProfile(Names.autoNamed(name + "-instance", Names.INSTANCE_PROFILE),
                InstanceProfileArgs.builder().role(role.role().name()).build(), child);

        Map<String, String> tags = Map.of("Name", name, "multiregion:tier", "app");
        this.launchTemplate = new LaunchTemplate(Names.autoNamed(name, Names.LAUNCH_TEMPLATE), LaunchTemplateArgs.builder()
                .description("Application instances (Amazon Linux 2023)")
                // resolved by EC2 at each launch, so a refresh picks up the current AMI (EC2 User Guide, "Use a
                // Systems Manager parameter instead of an AMI ID")
                .imageId("resolve:ssm:" + AMI_PARAMETER + Sizing.architectureOf(args.instanceType()))
                .instanceType(args.instanceType())
                .iamInstanceProfile(LaunchTemplateIamInstanceProfileArgs.builder().arn(profile.arn()).build())
                .metadataOptions(LaunchTemplateMetadataOptionsArgs.builder()  // FSBP EC2.8, AutoScaling.3
                        .httpEndpoint("enabled").httpTokens("required").httpPutResponseHopLimit(1).build())
                .networkInterfaces(LaunchTemplateNetworkInterfaceArgs.builder()  // FSBP EC2.9, AutoScaling.5
                        .deviceIndex(0)
                        .associatePublicIpAddress("false")
                        .deleteOnTermination("true")
                        .securityGroups(Outputs.listOf(sg.id()))
                        .build())
                .blockDeviceMappings(LaunchTemplateBlockDeviceMappingArgs.builder()
                        .deviceName("/dev/xvda")  // the root device of Amazon Linux 2023 AMIs
                        .ebs(LaunchTemplateBlockDeviceMappingEbsArgs.builder()
                                .volumeType("gp3").volumeSize(ROOT_VOLUME_GIB)
                                .encrypted("true").kmsKeyId(args.ebsKeyArn())
                                .deleteOnTermination("true")
                                .build())
                        .build())
                .monitoring(LaunchTemplateMonitoringArgs.builder().enabled(true).build())
                .tagSpecifications(
                        LaunchTemplateTagSpecificationArgs.builder().resourceType("instance").tags(tags).build(),
                        LaunchTemplateTagSpecificationArgs.builder().resourceType("volume").tags(tags).build())
                .userData(UserData.base64(region, args.appPort()))
                .updateDefaultVersion(true)
                .build(), child);
        this.launchTemplateId = launchTemplate.id();

        // What the group waits for. It launches instances as soon as it exists, and each first boot installs the
        // CodeDeploy agent through the network and answers the load balancer's health check: the key policy that lets
        // Auto Scaling use the EBS key (a separate key policy starts as the default one, and EC2 refuses the volumes:
        // EC2 Auto Scaling User Guide, "Required AWS KMS key policy for use with encrypted volumes"), the network's
        // routes, NAT gateways and S3 endpoint (a boot before them cannot install the agent), and this tier's own
        // security-group rules (HTTPS out for the agent and the package mirrors; the load balancer's health checks in).
        List<Resource> beforeGroup = new ArrayList<>();
        args.ebsKeyPolicy().ifPresent(beforeGroup::add);
        beforeGroup.addAll(args.firstBoot());
        beforeGroup.addAll(List.of(httpsOut, fromAlb, albToApp));

        this.group = new Group(Names.autoNamed(name, Names.AUTO_SCALING_GROUP), GroupArgs.builder()
                .vpcZoneIdentifiers(args.privateSubnetIds())       // FSBP AutoScaling.2: one subnet per zone
                .minSize(args.minSize())
                .desiredCapacity(args.desiredCapacity())
                .maxSize(args.maxSize())
                .launchTemplate(GroupLaunchTemplateArgs.builder()  // FSBP AutoScaling.9
                        .id(launchTemplate.id())
                        .version(launchTemplate.latestVersion().applyValue(String::valueOf))
                        .build())
                .targetGroupArns(Outputs.listOf(args.frontend().targetGroupArn()))
                .healthCheckType("ELB")                            // FSBP AutoScaling.1
                .healthCheckGracePeriod(HEALTH_CHECK_GRACE_SECONDS)
                .defaultInstanceWarmup(INSTANCE_WARMUP_SECONDS)
                // a new template version replaces the instances (the provider starts a refresh when launch_template
                // changes: aws.autoscaling.Group docs), launching before terminating so that no capacity is lost, also
                // in groups of 2 or 3 (see REFRESH_MIN_HEALTHY_PERCENT)
                .instanceRefresh(GroupInstanceRefreshArgs.builder()
                        .strategy("Rolling")
                        .preferences(GroupInstanceRefreshPreferencesArgs.builder()
                                .minHealthyPercentage(REFRESH_MIN_HEALTHY_PERCENT)
                                .maxHealthyPercentage(REFRESH_MAX_HEALTHY_PERCENT)
                                .build())
                        .build())
                .enabledMetrics("GroupMinSize", "GroupMaxSize", "GroupDesiredCapacity", "GroupInServiceInstances",
                        "GroupTotalInstances")
                .tags(tags.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(t -> GroupTagArgs.builder()
                        .key(t.getKey()).value(t.getValue()).propagateAtLaunch(true).build()).toList())
                .build(),
                CustomResourceOptions.builder().parent(this)
                        // the scaling policy moves the desired capacity; a later `pulumi up` must not undo a scale-out
                        // (to resize on purpose, change minSize and maxSize). In B the recovery runbook also raises
                        // the minimum to the primary's capacity: the next `pulumi up` must not shrink the group that
                        // now carries every user (docs/disaster-recovery.md).
                        .ignoreChanges(args.recoveryScalesGroup() ? List.of("desiredCapacity", "minSize")
                                : List.of("desiredCapacity"))
                        // everything a first boot needs (above)
                        .dependsOn(beforeGroup)
                        .build());
        // an Auto Scaling group's id is its name (aws.autoscaling.Group docs), and every engine reports ids
        this.autoScalingGroupName = group.id();

        // Requests per target follow the traffic a failover sends to this region directly, whatever the instance
        // type; CPU would lag behind and depend on the application (EC2 Auto Scaling User Guide, "Target tracking
        // scaling policies", predefined metric ALBRequestCountPerTarget).
        new Policy(name + "-requests-per-target", PolicyArgs.builder()
                .autoscalingGroupName(autoScalingGroupName)
                .policyType("TargetTrackingScaling")
                .estimatedInstanceWarmup(INSTANCE_WARMUP_SECONDS)
                .targetTrackingConfiguration(PolicyTargetTrackingConfigurationArgs.builder()
                        .predefinedMetricSpecification(PolicyTargetTrackingConfigurationPredefinedMetricSpecificationArgs.builder()
                                .predefinedMetricType("ALBRequestCountPerTarget")
                                .resourceLabel(args.frontend().requestCountLabel())
                                .build())
                        .targetValue(args.requestsPerTarget())
                        .build())
                .build(), child);

        registerOutputs(Map.of("securityGroupId", securityGroupId, "autoScalingGroupName", autoScalingGroupName));
    }

    @Override
    public String connectionName() {
        return name;
    }

    @Override
    public Output<String> securityGroup() {
        return securityGroupId;
    }

    /**
     * The instance role's statements: Session Manager (the agent's registration on the account's instances in the
     * region, the message channels on {@code *}, which is all they accept); the CodeDeploy agent reading revisions
     * (CodeDeploy User Guide, "Step 4: Create an IAM instance profile for your Amazon EC2 instances": the revision
     * bucket and the region's {@code aws-codedeploy-<region>} resource kit bucket) and decrypting them; and, when
     * given, the application's secret as its owner grants it.
     *
     * @param account the account the instances run in
     */
    public static List<Statement> instanceStatements(AwsRegion region, Output<String> account,
                                                     Optional<ReleaseSource> release, Optional<SecretAccess> secret) {
        List<Statement> out = new ArrayList<>();
        out.add(Statement.allow("SessionManagerInstance").actions(Actions.SSM_INSTANCE_INFORMATION)
                .resource(account.applyValue(a -> instancesOf(region, a))).build());
        out.add(Statement.allow("SessionManagerChannels").actions(Actions.SSM_MESSAGES)
                .resource("*").build()); // the ssmmessages actions accept no resource type
        release.ifPresent(r -> out.addAll(releaseStatements(region, r)));
        out.add(Statement.allow("ReadCodeDeployAgent").actions(Actions.S3_READ_OBJECT)
                .resource(Arns.bucket(region, "aws-codedeploy-" + region.code()) + "/*").build());
        secret.ifPresent(s -> out.addAll(s.statements()));
        return out;
    }

    /** {@code arn:<partition>:ec2:<region>:<account>:instance/*}: every EC2 instance of the account in the region. */
    public static String instancesOf(AwsRegion region, String account) {
        return "arn:" + region.partition() + ":ec2:" + region.code() + ":" + account + ":instance/*";
    }

    /** Reading release revisions from their bucket, and decrypting them through S3 only. */
    public static List<Statement> releaseStatements(AwsRegion region, ReleaseSource release) {
        return List.of(
                Statement.allow("ReadReleaseRevisions").actions(Actions.S3_READ_OBJECT)
                        .resource(release.bucketArn().applyValue(a -> a + "/*")).build(),
                Statement.allow("DecryptReleaseRevisions").actions(Actions.KMS_DECRYPT).resource(release.keyArn())
                        .condition("StringEquals", "kms:ViaService", region.serviceHost("s3")).build());
    }

    /**
     * The key-policy statements that let EC2 Auto Scaling launch instances whose EBS volumes this region's customer
     * managed key encrypts (EC2 Auto Scaling User Guide, "Required AWS KMS key policy for use with encrypted
     * volumes", example 1): its service-linked role {@code AWSServiceRoleForAutoScaling} may use the key, and may
     * create grants for AWS resources only. In a key policy, the resource is the key itself.
     *
     * <p>KMS refuses a key policy whose principal does not exist (MalformedPolicyDocumentException), and the
     * service-linked role only exists once the account has used Auto Scaling. So the principal is any principal,
     * narrowed by {@code aws:PrincipalArn} to exactly that role's ARN: the same grant, valid before the role exists
     * (IAM User Guide, "AWS global condition context keys", aws:PrincipalArn).
     *
     * @param region  the key's region (partition of the role ARN)
     * @param keyArn  the key's ARN
     * @param account the account that owns the key and the groups
     */
    public static List<Statement> autoScalingKeyStatements(AwsRegion region, Output<String> keyArn, Output<String> account) {
        Output<String> role = account.applyValue(a -> autoScalingServiceLinkedRole(region, a));
        return List.of(
                Statement.allow("AutoScalingUsesKeyForEbs").actions(Actions.KMS_FOR_AUTOSCALING_EBS).resource(keyArn)
                        .awsPrincipal("*").condition("ArnEquals", "aws:PrincipalArn", role).build(),
                Statement.allow("AutoScalingGrantsForAwsResources").actions(Actions.KMS_CREATE_GRANT).resource(keyArn)
                        .awsPrincipal("*").condition("ArnEquals", "aws:PrincipalArn", role)
                        .condition("Bool", "kms:GrantIsForAWSResource", "true").build());
    }

    /** The ARN of the account's EC2 Auto Scaling service-linked role (EC2 Auto Scaling User Guide, "Service-linked roles"). */
    public static String autoScalingServiceLinkedRole(AwsRegion region, String account) {
        return "arn:" + region.partition() + ":iam::" + account
                + ":role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling";
    }
}
