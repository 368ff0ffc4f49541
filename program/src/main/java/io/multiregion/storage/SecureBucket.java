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
import io.multiregion.regions.Arns;
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
     * @param logSources    for an access-log bucket only: the buckets it admits server access logs from
     *                      (default: none, the bucket receives no server access logs)
     */
    public record Args(AwsRegion region, Optional<RegionalKey> key, Optional<SecureBucket> accessLogs,
                       int noncurrentDays, boolean protect,
                       Function<BucketRef, List<Statement>> extraPolicy, Optional<LogSources> logSources) {

        /** A bucket that receives no server access logs. */
        public Args(AwsRegion region, Optional<RegionalKey> key, Optional<SecureBucket> accessLogs,
                    int noncurrentDays, boolean protect, Function<BucketRef, List<Statement>> extraPolicy) {
            this(region, key, accessLogs, noncurrentDays, protect, extraPolicy, Optional.empty());
        }
    }

    /**
     * The buckets an access-log bucket admits server access logs from: this account's buckets whose name starts with
     * {@code namePrefix}. Every bucket that logs to it must be named so (the constructor refuses one that is not).
     *
     * @param account    this account's id, for {@code aws:SourceAccount}
     * @param namePrefix the start of every source bucket's name, for {@code aws:SourceArn} (for example
     *                   {@code <project>-}); each source writes under its own name, so also the start of every
     *                   log object's key
     */
    public record LogSources(Output<String> account, String namePrefix) {
    }

    /**
     * An access-log bucket: SSE-S3, not itself logged, and its policy written with it, admitting server access log
     * delivery from {@code sources} (see {@link #logDelivery}), so that a bucket created at any later point logs here.
     */
    public static Args accessLogBucket(AwsRegion region, LogSources sources, int noncurrentDays, boolean protect) {
        return new Args(region, Optional.empty(), Optional.empty(), noncurrentDays, protect, null, Optional.of(sources));
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
    /** The bucket policy, which CloudTrail and log delivery need before they write (null for a bucket without one). */
    public final BucketPolicy policy;
    /** The key encrypting the bucket, if it is KMS-encrypted. */
    public final Optional<RegionalKey> key;
    public final AwsRegion region;
    /** For an access-log bucket: the buckets it admits server access logs from. */
    private final Optional<LogSources> logSources;
    private final String name;
    private final BucketPublicAccessBlock publicAccess;

    public SecureBucket(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:storage:SecureBucket", checked(name, args), options);
        this.logSources = args.logSources();
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
        List<Statement> statements = new ArrayList<>();
        args.logSources().ifPresent(sources -> statements.add(logDelivery(region, ref, sources)));
        if (args.extraPolicy() != null) {
            statements.addAll(args.extraPolicy().apply(ref));
        }
        this.policy = args.extraPolicy() == null && args.logSources().isEmpty() ? null : writePolicy(statements);

        // Logging starts with the bucket: the target's policy already admits every bucket named as this one is
        // (checked above), so nothing created later has to complete it.
        args.accessLogs().ifPresent(logs -> new BucketLoggingV2(name + "-logging", BucketLoggingV2Args.builder()
                .bucket(bucket.id())
                .targetBucket(logs.bucketName)
                .targetPrefix(name + "/")
                .build(),
                CustomResourceOptions.builder().parent(this)
                        // logs are delivered only once the target's policy admits them (S3 User Guide,
                        // "Enabling Amazon S3 server access logging", "Permissions for log delivery").
                        .dependsOn(List.<Resource>of(logs.policy)).build()));

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
     * The name, once the arguments are known to be consistent: a bucket logs only to an access-log bucket that admits
     * its name, and an access-log bucket is SSE-S3 and not itself logged (S3 User Guide, "Enabling Amazon S3 server
     * access logging": the target must use SSE-S3 default encryption and should not have server access logging).
     */
    private static String checked(String name, Args args) {
        if (args.logSources().isPresent() && (args.key().isPresent() || args.accessLogs().isPresent())) {
            throw new IllegalArgumentException("access-log bucket " + name
                    + " must use SSE-S3 (no key) and must not itself be logged");
        }
        args.accessLogs().ifPresent(logs -> {
            LogSources sources = logs.logSources.orElseThrow(() -> new IllegalArgumentException("bucket " + name
                    + " logs to " + logs.name + ", which admits no server access logs: log to an access-log bucket"));
            if (!name.startsWith(sources.namePrefix())) {
                throw new IllegalArgumentException("bucket " + name + " logs to " + logs.name
                        + ", which admits server access logs only from buckets named " + sources.namePrefix()
                        + "*: start the bucket's name with " + sources.namePrefix());
            }
        });
        return name;
    }

    /**
     * The statement admitting S3 server access log delivery to an access-log bucket, as the S3 User Guide recommends
     * ("Enabling Amazon S3 server access logging", "Grant permissions to the logging service principal by using a
     * bucket policy"): {@code s3:PutObject} for {@code logging.s3.amazonaws.com} on the logging prefix, with
     * {@code aws:SourceAccount} and {@code ArnLike aws:SourceArn} on the source buckets.
     *
     * <p>The sources are a pattern, {@code arn:<partition>:s3:::<namePrefix>*}, rather than the list of the buckets
     * that log here: a list is known only once the last bucket exists, so the policy would have to wait for a call
     * made after it, and a bucket created after that call would never be admitted. The pattern admits no more than
     * this account's own buckets named for the project ({@code aws:SourceAccount} is fixed; another stack of the
     * project in the same account included, as bucket names do not carry the stack), each only once its owner turns
     * on logging to this bucket, and only under a key that starts with the prefix; every bucket that logs here is
     * checked to match it when it is created. The fixed service principal and account keep the policy non-public
     * despite the wildcard, so the public access block accepts it (S3 User Guide, "Blocking public access to your
     * Amazon S3 storage", "The meaning of public").
     */
    static Statement logDelivery(AwsRegion region, BucketRef target, LogSources sources) {
        return Statement.allow("S3ServerAccessLogDelivery").actions(Actions.S3_WRITE_OBJECT)
                .resource(target.arn().applyValue(a -> a + "/" + sources.namePrefix() + "*"))
                .service("logging.s3.amazonaws.com")
                .condition("StringEquals", "aws:SourceAccount", sources.account())
                .condition("ArnLike", "aws:SourceArn", Arns.bucketsNamedFrom(region, sources.namePrefix()))
                .build();
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
