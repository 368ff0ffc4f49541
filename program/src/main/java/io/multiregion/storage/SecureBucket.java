package io.multiregion.storage;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketLoggingV2;
import com.pulumi.aws.s3.BucketLoggingV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.iam.Actions;
import io.multiregion.iam.PolicyDocument;
import io.multiregion.iam.Statement;
import io.multiregion.naming.Names;
import io.multiregion.regions.AwsRegion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An S3 bucket that meets the FSBP S3 controls from its inputs: versioning (S3.14), default encryption
 * with a customer managed KMS key and S3 Bucket Keys (S3.17), all public access blocked (S3.1/S3.8),
 * ACLs disabled (S3.12), TLS-only bucket policy (S3.5), server access logging (S3.9), a lifecycle that
 * expires old versions (S3.13) and never force-destroyed.
 *
 * <p>The one exception is an access-log bucket ({@code key} empty): S3 server access logs can only be
 * delivered to a bucket encrypted with SSE-S3 (S3 User Guide, "Enabling Amazon S3 server access
 * logging"), so such a bucket uses SSE-S3 and is itself not logged.
 */
public final class SecureBucket extends ComponentResource {

    /**
     * The bucket is created in {@code region} through the provider its options carry (or its parent's).
     *
     * @param region        the bucket's region
     * @param key           KMS key for default encryption; empty only for an access-log bucket (SSE-S3)
     * @param accessLogs    bucket receiving this bucket's server access logs; empty for an access-log bucket
     * @param noncurrentDays days a noncurrent version is kept
     * @param protect       refuse deletion and replacement from Pulumi
     * @param extraPolicy   further bucket-policy statements, given the bucket's ARN and name
     */
    public record Args(AwsRegion region, Optional<RegionalKey> key, Optional<SecureBucket> accessLogs,
                       int noncurrentDays, boolean protect,
                       Function<BucketRef, List<Statement>> extraPolicy) {
    }

    /**
     * An access-log bucket: SSE-S3, not itself logged, and its policy written later by {@link #admitAccessLogs},
     * once every bucket that logs to it is known, so that the log-delivery statement names each of them in
     * {@code aws:SourceArn}.
     */
    public static Args accessLogBucket(AwsRegion region, int noncurrentDays, boolean protect) {
        return new Args(region, Optional.empty(), Optional.empty(), noncurrentDays, protect, null);
    }

    /**
     * The bucket's ARN, name and object ARN pattern, for statements that mention the bucket itself.
     *
     * @param arn     the bucket's ARN
     * @param name    the bucket's name
     * @param objects the ARN of every object in the bucket ({@code <arn>/*})
     */
    public record BucketRef(Output<String> arn, Output<String> name, Output<String> objects) {
    }

    /** Bucket name (auto-named from the logical name plus a random suffix). */
    @Export(name = "bucketName", refs = {String.class}, tree = "[0]")
    public final Output<String> bucketName;
    /** Bucket ARN. */
    @Export(name = "arn", refs = {String.class}, tree = "[0]")
    public final Output<String> arn;
    /** ARN of every object in the bucket ({@code <arn>/*}), computed once for every grant. */
    public final Output<String> objectsArn;
    /** The bucket resource itself, for dependencies. */
    public final BucketV2 bucket;
    /** Versioning, which replication and S3 pipeline sources need first. */
    public final BucketVersioningV2 versioning;
    /** The bucket policy, which CloudTrail and log delivery need before they write. */
    public BucketPolicy policy;
    /** The key encrypting the bucket, if it is KMS-encrypted. */
    public final Optional<RegionalKey> key;
    public final AwsRegion region;
    private final String name;
    private final BucketPublicAccessBlock publicAccess;
    private final BucketRef ref;
    /** For an access-log bucket: the buckets that log to it, in the order they were created. */
    private final List<SecureBucket> loggedBuckets = new ArrayList<>();

    public SecureBucket(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:storage:SecureBucket", name, options);
        this.region = args.region();
        this.key = args.key();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();

        this.bucket = new BucketV2(Names.bucket(name), BucketV2Args.builder()
                .forceDestroy(false) // never delete objects with the bucket: artifacts and logs are kept
                .build(),
                CustomResourceOptions.builder().parent(this).protect(args.protect()).build());
        // A bucket's id is its name. Every reference to the bucket (sub-resources, trail, pipelines,
        // exports) uses the id, which every engine reports, so all of them name the same bucket.
        this.bucketName = bucket.id();
        this.arn = bucket.arn();
        this.objectsArn = arn.applyValue(a -> a + "/*");
        BucketRef ref = new BucketRef(arn, bucketName, objectsArn);

        this.versioning = new BucketVersioningV2(name + "-versioning", BucketVersioningV2Args.builder()
                .bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                .build(), child);

        var byDefault = BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder();
        args.key().ifPresentOrElse(
                k -> byDefault.sseAlgorithm("aws:kms").kmsMasterKeyId(k.arn),
                () -> byDefault.sseAlgorithm("AES256"));
        new BucketServerSideEncryptionConfigurationV2(name + "-encryption", BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(byDefault.build())
                        .bucketKeyEnabled(args.key().isPresent())
                        .build())
                .build(), child);

        BucketPublicAccessBlock publicAccess = new BucketPublicAccessBlock(name + "-public-access", BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(), child);

        new BucketOwnershipControls(name + "-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), child);

        this.name = name;
        this.publicAccess = publicAccess;
        this.ref = ref;
        if (args.extraPolicy() != null) {
            this.policy = writePolicy(args.extraPolicy().apply(ref));
        }

        args.accessLogs().ifPresent(logs -> logs.loggedBuckets.add(this));

        new BucketLifecycleConfigurationV2(name + "-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-noncurrent-versions")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                                .noncurrentDays(args.noncurrentDays()).build())
                        .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                .daysAfterInitiation(7).build())
                        .build())
                .build(),
                CustomResourceOptions.builder().parent(this)
                        // lifecycle rules on noncurrent versions need versioning configured first.
                        .dependsOn(List.<Resource>of(versioning)).build());

        registerOutputs(Map.of("bucketName", bucketName, "arn", arn));
    }

    /** The TLS-only statement and the given ones, as this bucket's policy. */
    private BucketPolicy writePolicy(List<Statement> extra) {
        List<Statement> statements = new ArrayList<>();
        statements.add(Statement.deny("DenyInsecureTransport").actions(Actions.S3_ALL)
                .resource(arn).resource(objectsArn).awsPrincipal("*")
                .condition("Bool", "aws:SecureTransport", "false").build());
        statements.addAll(extra);
        return new BucketPolicy(name + "-policy", BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(PolicyDocument.of(statements))
                .build(),
                CustomResourceOptions.builder().parent(this)
                        // S3 rejects a policy change while the public access block is being changed.
                        .dependsOn(List.<Resource>of(publicAccess)).build());
    }

    /**
     * For an access-log bucket, once every bucket that logs to it exists: its policy admits the S3 logging
     * service for exactly those buckets ({@code aws:SourceArn}) of this account ({@code aws:SourceAccount}), as the
     * S3 User Guide recommends ("Permissions for log delivery"), and each of them then starts logging here.
     *
     * @param account this account's id, for {@code aws:SourceAccount}
     */
    public void admitAccessLogs(Output<String> account) {
        if (policy != null) {
            throw new IllegalStateException(name + " already has its policy");
        }
        List<Output<String>> sources = loggedBuckets.stream().map(b -> b.arn).toList();
        Statement.Builder delivery = Statement.allow("S3ServerAccessLogDelivery").actions(Actions.S3_WRITE_OBJECT)
                .resource(objectsArn).service("logging.s3.amazonaws.com")
                .condition("StringEquals", "aws:SourceAccount", account);
        if (!sources.isEmpty()) {
            delivery.conditionAnyOf("ArnLike", "aws:SourceArn", sources);
        }
        this.policy = writePolicy(sources.isEmpty() ? List.of() : List.of(delivery.build()));
        for (SecureBucket logged : loggedBuckets) {
            new BucketLoggingV2(logged.name + "-logging", BucketLoggingV2Args.builder()
                    .bucket(logged.bucket.id())
                    .targetBucket(bucketName)
                    .targetPrefix(logged.name + "/")
                    .build(),
                    CustomResourceOptions.builder().parent(logged)
                            // logs are delivered only once the target's policy admits them.
                            .dependsOn(List.<Resource>of(policy)).build());
        }
    }

    /** Read and write access to every object, plus the key to encrypt and decrypt them. */
    public List<Statement> grantReadWrite(String sid) {
        List<Statement> out = new ArrayList<>();
        out.add(Statement.allow(sid + "Objects").actions(Actions.S3_READ_WRITE_OBJECT)
                .resource(objectsArn).build());
        out.add(Statement.allow(sid + "Bucket").actions(Actions.S3_ARTIFACT_BUCKET).resource(arn).build());
        key.ifPresent(k -> out.add(k.grantEncryptDecrypt(sid + "Key")));
        return out;
    }

    /** Write access to exactly one object key, plus the key to encrypt it. */
    public List<Statement> grantPutObject(String sid, String objectKey) {
        List<Statement> out = new ArrayList<>();
        out.add(Statement.allow(sid + "Object").actions(Actions.S3_WRITE_OBJECT)
                .resource(arn.applyValue(a -> a + "/" + objectKey)).build());
        key.ifPresent(k -> out.add(k.grantEncryptDecrypt(sid + "Key")));
        return out;
    }
}
