package io.multiregion.governance;

import com.pulumi.aws.cfg.DeliveryChannel;
import com.pulumi.aws.cfg.DeliveryChannelArgs;
import com.pulumi.aws.cfg.Recorder;
import com.pulumi.aws.cfg.RecorderArgs;
import com.pulumi.aws.cfg.RecorderStatus;
import com.pulumi.aws.cfg.RecorderStatusArgs;
import com.pulumi.aws.cfg.Rule;
import com.pulumi.aws.cfg.RuleArgs;
import com.pulumi.aws.cfg.inputs.RecorderRecordingGroupArgs;
import com.pulumi.aws.cfg.inputs.RecorderRecordingModeArgs;
import com.pulumi.aws.cfg.inputs.RuleSourceArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.config.ManagedRules;
import io.multiregion.iam.Actions;
import io.multiregion.iam.Statement;
import io.multiregion.naming.Names;
import io.multiregion.regions.AwsRegion;
import io.multiregion.storage.RegionalKey;
import io.multiregion.storage.RegionalSupport;
import io.multiregion.storage.SecureBucket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * AWS Config in one region: the configuration recorder (every supported resource type; the global IAM types only in
 * region A, so that they are recorded once), the delivery channel to a bucket of its own (KMS-encrypted with the
 * region's audit key, TLS-only, versioned), the recorder's status (recording on), and the program's managed rules
 * ({@link ManagedRules}). The recorder uses the service-linked role {@code AWSServiceRoleForConfig}, as FSBP Config.1
 * asks.
 *
 * <p>AWS Config refuses them out of order, so each waits for the one before: a delivery channel without a recorder
 * ({@code NoAvailableConfigurationRecorderException}), a recorder started without a delivery channel
 * ({@code NoAvailableDeliveryChannelException}: aws-cdk#9001; terraform-provider-aws#21722) and a rule without a
 * recorder ({@code NoAvailableConfigurationRecorderException}: aws-samples/aws-devsecops-workshop#7). The channel also
 * waits for the bucket policy ({@code InsufficientDeliveryPolicyException}: AWS Config API Reference,
 * PutDeliveryChannel) and for the key policy.
 *
 * <p>With {@code recording} off (the account already records this region) only the rules are created, against the
 * account's own recorder.
 */
public final class ConfigRecording extends ComponentResource {

    /**
     * The delivery channel's key prefix. It must not contain {@code AWSLogs/}: AWS Config appends
     * {@code AWSLogs/<account>/Config/} itself and refuses such a prefix (AWS CloudFormation User Guide,
     * AWS::Config::DeliveryChannel S3KeyPrefix; awsdocs/aws-cloudformation-user-guide#1282).
     */
    public static final String PREFIX = "config";
    /** The service principal AWS Config delivers with when its recorder uses the service-linked role. */
    public static final String SERVICE = "config.amazonaws.com";

    /** The recorder's name when this component created it. */
    public final Optional<String> recorderName;
    /** The recorder's status when this component created it: what depends on recording waits for it. */
    public final Optional<RecorderStatus> recording;
    /** The rules created. */
    public final List<Rule> rules;

    /**
     * The recorder and rules are created in {@code region} through the provider their options carry. Built with
     * {@link #builder()}.
     *
     * @param namePrefix      {@code <project>-<stack>}, in the recorder's, channel's and rules' names
     * @param region          the region
     * @param homeRegion      region A: records the global IAM resource types and runs the account-wide rules
     *                        (default false)
     * @param recording       create the recorder, its channel, bucket and status (false: the account has a recorder;
     *                        default true)
     * @param roleArn         the recorder's role: {@code AWSServiceRoleForConfig}
     * @param frequency       {@code CONTINUOUS} or {@code DAILY}
     * @param rules           the managed rules to create (default none)
     */
    public record Args(String namePrefix, AwsRegion region, boolean homeRegion, boolean recording,
                       Output<String> roleArn, String frequency, List<ManagedRules.Rule> rules) {

        /** Named construction: every field without a default must be set. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Args}; each setter says the field's default, if it has one. */
        public static final class Builder {
            private String namePrefix;
            private AwsRegion region;
            private boolean homeRegion;
            private boolean recording = true;
            private Output<String> roleArn;
            private String frequency;
            private List<ManagedRules.Rule> rules = List.of();

            private Builder() {
            }

            /** {@code <project>-<stack>}, in the recorder's, channel's and rules' names. */
            public Builder namePrefix(String namePrefix) {
                this.namePrefix = namePrefix;
                return this;
            }

            /**
             * The region, and whether it is region A, which records the global IAM resource types and runs the
             * account-wide rules (default false).
             */
            public Builder region(AwsRegion region, boolean homeRegion) {
                this.region = region;
                this.homeRegion = homeRegion;
                return this;
            }

            /**
             * Create the recorder, its channel, bucket and status with this frequency ({@code CONTINUOUS} or
             * {@code DAILY}), or not when the account already has a recorder (default: create it).
             */
            public Builder recording(boolean recording, String frequency) {
                this.recording = recording;
                this.frequency = frequency;
                return this;
            }

            /** The recorder's role: {@code AWSServiceRoleForConfig}. */
            public Builder roleArn(Output<String> roleArn) {
                this.roleArn = roleArn;
                return this;
            }

            /** The managed rules to create (default none). */
            public Builder rules(List<ManagedRules.Rule> rules) {
                this.rules = rules;
                return this;
            }

            /** The args; fails naming the first required field left unset. */
            public Args build() {
                return new Args(Objects.requireNonNull(namePrefix, "namePrefix is required"),
                        Objects.requireNonNull(region, "region is required"), homeRegion, recording,
                        Objects.requireNonNull(roleArn, "roleArn is required"),
                        Objects.requireNonNull(frequency, "recording (its frequency) is required"), rules);
            }
        }
    }

    /**
     * @param auditKey the region's audit key, whose policy admits AWS Config ({@link #keyStatements}); needed when
     *                 recording
     * @param support the stack's per-region support (the bucket's access logs)
     */
    public ConfigRecording(String name, Args args, Optional<RegionalKey> auditKey, RegionalSupport support,
                           ComponentResourceOptions options) {
        super("multiregion:governance:ConfigRecording", name, options);
        List<Resource> beforeRules = new ArrayList<>();
        if (args.recording()) {
            RegionalKey key = auditKey.orElseThrow(() -> new IllegalArgumentException("recording needs the audit key"));
            String recorder = Names.fit(args.namePrefix() + "-recorder", Names.CONFIG_RECORDER);
            SecureBucket bucket = support.bucket(name + "-delivery", key, this,
                    ref -> bucketStatements(ref, key.accountId));
            Recorder recorderResource = new Recorder(name, RecorderArgs.builder()
                    .name(recorder)
                    .roleArn(args.roleArn())
                    .recordingGroup(RecorderRecordingGroupArgs.builder()
                            .allSupported(true)
                            // Global IAM types in one region only: a copy per region would record each change twice
                            // (AWS Config API Reference, RecordingGroup includeGlobalResourceTypes).
                            .includeGlobalResourceTypes(args.homeRegion())
                            .build())
                    .recordingMode(RecorderRecordingModeArgs.builder().recordingFrequency(args.frequency()).build())
                    .build(),
                    CustomResourceOptions.builder().parent(this).build());
            DeliveryChannel channel = new DeliveryChannel(name, DeliveryChannelArgs.builder()
                    .name(Names.fit(args.namePrefix() + "-delivery", Names.CONFIG_RECORDER))
                    .s3BucketName(bucket.bucketName)
                    .s3KeyPrefix(prefix())
                    .s3KmsKeyArn(key.arn)
                    .build(),
                    // a channel needs its recorder, and AWS Config checks the bucket policy when it is created.
                    key.usableBy(CustomResourceOptions.builder().parent(this), recorderResource, bucket.policy).build());
            RecorderStatus status = new RecorderStatus(name, RecorderStatusArgs.builder()
                    .name(recorderResource.name())
                    .isEnabled(true)
                    .build(),
                    // recording starts only with a delivery channel (NoAvailableDeliveryChannelException).
                    CustomResourceOptions.builder().parent(this).dependsOn(List.<Resource>of(channel)).build());
            beforeRules.add(status);
            this.recorderName = Optional.of(recorder);
            this.recording = Optional.of(status);
        } else {
            this.recorderName = Optional.empty();
            this.recording = Optional.empty();
        }

        List<Rule> created = new ArrayList<>();
        for (ManagedRules.Rule rule : args.rules()) {
            created.add(new Rule(name + "-" + rule.slug(), RuleArgs.builder()
                    .name(ruleName(args.namePrefix(), rule))
                    .description("Checks that " + rule.checks()
                            + (rule.control().isEmpty() ? "" : " (FSBP " + rule.control() + ")") + ".")
                    .source(RuleSourceArgs.builder().owner("AWS").sourceIdentifier(rule.identifier()).build())
                    .build(),
                    // a rule needs a recorder in its region, recording (NoAvailableConfigurationRecorderException).
                    CustomResourceOptions.builder().parent(this).dependsOn(beforeRules).build()));
        }
        this.rules = List.copyOf(created);

        registerOutputs(Map.of());
    }

    /** The delivery channel's key prefix, checked: AWS Config refuses one that contains {@code AWSLogs/}. */
    static String prefix() {
        if (PREFIX.contains("AWSLogs/") || PREFIX.startsWith("/") || PREFIX.endsWith("/")) {
            throw new IllegalStateException("the AWS Config prefix '" + PREFIX + "' must not contain AWSLogs/ or "
                    + "start or end with /");
        }
        return PREFIX;
    }

    /** {@code <prefix>-<slug>}, the prefix cut so that the whole stays within the 128 characters of a rule name. */
    static String ruleName(String namePrefix, ManagedRules.Rule rule) {
        String head = Names.fit(namePrefix, Names.CONFIG_RULE - rule.slug().length() - 1);
        return head + "-" + rule.slug();
    }

    /**
     * The delivery bucket's statements for AWS Config's service principal (AWS Config Developer Guide, "Permissions for
     * the Amazon S3 Bucket for the AWS Config delivery channel"): the ACL and existence checks on the bucket, and
     * writing under {@code <prefix>/AWSLogs/<account>/Config/} with the bucket owner in full control, each only on
     * behalf of this account ({@code aws:SourceAccount}).
     */
    static List<Statement> bucketStatements(SecureBucket.BucketRef bucket, Output<String> account) {
        return List.of(
                Statement.allow("AWSConfigBucketChecks").actions(Actions.S3_CONFIG_BUCKET_CHECK).resource(bucket.arn())
                        .service(SERVICE)
                        .condition("StringEquals", "aws:SourceAccount", account)
                        .build(),
                Statement.allow("AWSConfigBucketDelivery").actions(Actions.S3_WRITE_OBJECT)
                        .resource(Output.tuple(bucket.arn(), account)
                                .applyValue(t -> t.t1 + "/" + prefix() + "/AWSLogs/" + t.t2 + "/Config/*"))
                        .service(SERVICE)
                        .condition("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control")
                        .condition("StringEquals", "aws:SourceAccount", account)
                        .build());
    }

    /**
     * The audit key's statement for AWS Config: with the service-linked role, AWS Config encrypts what it delivers as
     * its service principal, for this account only (AWS Config Developer Guide, "Permissions for the KMS Key").
     */
    public static List<Statement> keyStatements(Output<String> keyArn, Output<String> account) {
        return List.of(Statement.allow("ConfigEncryptsDeliveredFiles").actions(Actions.KMS_FOR_CONFIG).resource(keyArn)
                .service(SERVICE)
                .condition("StringEquals", "aws:SourceAccount", account)
                .build());
    }
}
