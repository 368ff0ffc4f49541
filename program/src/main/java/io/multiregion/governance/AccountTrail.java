package io.multiregion.governance;

import com.pulumi.aws.cloudtrail.Trail;
import com.pulumi.aws.cloudtrail.TrailArgs;
import com.pulumi.aws.cloudtrail.inputs.TrailEventSelectorArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.multiregion.delivery.ReplicaTrigger;
import io.multiregion.iam.Actions;
import io.multiregion.iam.ServiceRole;
import io.multiregion.iam.Statement;
import io.multiregion.naming.Names;
import io.multiregion.regions.Arns;
import io.multiregion.regions.AwsRegion;
import io.multiregion.storage.RegionalKey;
import io.multiregion.storage.RegionalSupport;
import io.multiregion.storage.SecureBucket;

import java.util.List;
import java.util.Map;

/**
 * The account trail: one multi-region trail of the account's management events (read and write), delivered to a
 * bucket of its own (versioned, TLS-only, KMS-encrypted, access-logged: {@link SecureBucket}) and to a KMS-encrypted
 * CloudWatch Logs group, with log-file validation. It meets FSBP CloudTrail.1 (multi-region, read and write management
 * events), CloudTrail.2 (KMS), CloudTrail.4 (validation), CloudTrail.5 (CloudWatch Logs), CloudTrail.6 and
 * CloudTrail.7 (its bucket is private and access-logged).
 *
 * <p>It records global-service events (IAM, STS, CloudFront...), and it is the only trail of the program that does:
 * the delivery trigger's trail logs data events of one object in B, without management or global events, so the
 * account pays for one copy of management events only (the first copy is free: AWS CloudTrail pricing). No data
 * events: they are billed per event.
 *
 * <p>What CloudTrail checks when the trail is created, so the trail waits for each: the bucket policy
 * ({@code InsufficientS3BucketPolicyException}), the key policy ({@code InsufficientEncryptionPolicyException}:
 * terraform-provider-aws#8042) and the CloudWatch Logs role's policy ({@code InvalidCloudWatchLogsRoleArnException}
 * when the role cannot yet write: terraform-provider-aws#693).
 */
public final class AccountTrail extends ComponentResource {

    /** The trail's name. */
    @Export(name = "trailName", refs = {String.class}, tree = "[0]")
    public final Output<String> trailName;
    /** The trail's ARN. */
    @Export(name = "trailArn", refs = {String.class}, tree = "[0]")
    public final Output<String> trailArn;
    /** The trail's name, known before deployment. */
    public final String name;

    /**
     * The trail is created in {@code key}'s region (its home region, A) through the provider its options carry.
     *
     * @param trailName        the trail's name, {@code <project>-<stack>-account} (at most 128 characters)
     * @param key              the key that encrypts the log files, the log group and the bucket (its policy admits
     *                         CloudTrail and CloudWatch Logs of this account and region)
     * @param logRetentionDays retention of the trail's log group (default 365)
     */
    public record Args(String trailName, RegionalKey key, int logRetentionDays) {
    }

    public AccountTrail(String name, Args args, RegionalSupport support, ComponentResourceOptions options) {
        super("multiregion:governance:AccountTrail", name, options);
        RegionalKey key = args.key();
        AwsRegion region = key.region;
        this.name = Names.fit(args.trailName(), Names.TRAIL);
        String trail = this.name;
        Output<String> arn = key.accountId.applyValue(account -> Arns.trail(region, account, trail));

        // The documented delivery statements, scoped to this trail by aws:SourceArn (CloudTrail User Guide, "Amazon
        // S3 bucket policy for CloudTrail"); a multi-region trail writes every region's files under its home ARN.
        SecureBucket bucket = support.bucket(name + "-logs", key, this,
                ref -> ReplicaTrigger.cloudTrailDeliveryStatements(ref, key.accountId, arn));

        LogGroup logGroup = new LogGroup(name, LogGroupArgs.builder()
                .name("/aws/cloudtrail/" + trail)
                .retentionInDays(args.logRetentionDays())
                .kmsKeyId(key.arn)
                .build(),
                // CloudWatch Logs checks the key policy when the log group is created.
                key.usableBy(CustomResourceOptions.builder().parent(this)).build());
        // The documented trust for this role has no source condition (CloudTrail User Guide, "Sending events to
        // CloudWatch Logs"); its permissions reach only this log group's streams (one per region of the trail).
        ServiceRole logsRole = ServiceRole.create(name + "-logs", "cloudtrail.amazonaws.com", List.of(),
                "CloudTrail: delivers the account trail " + trail + " to CloudWatch Logs",
                List.of(Statement.allow("DeliverTrailToLogs").actions(Actions.LOGS_WRITE)
                        .resource(logGroup.arn().applyValue(Arns::logStreamsOf)).build()),
                CustomResourceOptions.builder().parent(this).build());

        Trail resource = new Trail(name, TrailArgs.builder()
                .name(trail)
                .s3BucketName(bucket.bucketName)
                .kmsKeyId(key.arn)
                .enableLogFileValidation(true)
                .enableLogging(true)
                .isMultiRegionTrail(true)
                // recorded once: this is the only trail of the program with global-service events
                .includeGlobalServiceEvents(true)
                .cloudWatchLogsGroupArn(logGroup.arn().applyValue(a -> a == null || a.endsWith(":*") ? a : a + ":*"))
                .cloudWatchLogsRoleArn(logsRole.arn())
                // management events, read and write (FSBP CloudTrail.1); no data resources, so no data events
                .eventSelectors(TrailEventSelectorArgs.builder()
                        .readWriteType("All")
                        .includeManagementEvents(true)
                        .build())
                .build(),
                // CloudTrail checks the bucket policy, the logs role and the key policy when the trail is created.
                key.usableBy(CustomResourceOptions.builder().parent(this), bucket.policy, logsRole.policy()).build());
        this.trailName = Output.of(trail);
        this.trailArn = resource.arn();

        registerOutputs(Map.of("trailName", trailName, "trailArn", trailArn));
    }
}
