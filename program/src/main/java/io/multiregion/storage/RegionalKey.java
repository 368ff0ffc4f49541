package io.multiregion.storage;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.kms.KeyPolicy;
import com.pulumi.aws.kms.KeyPolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.compute.AppTier;
import io.multiregion.iam.Actions;
import io.multiregion.iam.PolicyDocument;
import io.multiregion.iam.Statement;
import io.multiregion.regions.Arns;
import io.multiregion.regions.AwsRegion;

import java.util.List;
import java.util.Map;

/**
 * A customer managed, symmetric KMS key for one region, with yearly rotation, an alias, a deletion
 * window and a key policy naming every action and the key itself as resource. The account keeps
 * control through IAM; CloudWatch Logs and CloudTrail may use the key only for this account's log
 * groups and trails in this region.
 */
public final class RegionalKey extends ComponentResource {

    /**
     * The key is created in {@code region} through the provider its options carry (or its parent's).
     *
     * @param region              the key's region
     * @param alias               alias name, starting with {@code alias/}
     * @param description         what the key protects
     * @param deletionWindowDays  days between a scheduled deletion and the deletion (7 to 30; default 30)
     * @param protect             refuse deletion and replacement from Pulumi (default true)
     */
    public record Args(AwsRegion region, String alias, String description, int deletionWindowDays, boolean protect) {
    }

    /** The key's ARN. */
    @Export(name = "arn", refs = {String.class}, tree = "[0]")
    public final Output<String> arn;
    /** The key's id. */
    @Export(name = "keyId", refs = {String.class}, tree = "[0]")
    public final Output<String> keyId;
    /** The account that owns the key, read off its ARN. */
    public final Output<String> accountId;
    /** The key's region. */
    public final AwsRegion region;
    /**
     * The key's policy. A key whose policy is a separate resource starts with the default policy, so every
     * service that AWS checks against this policy when a resource is created (CloudWatch Logs for a log group,
     * CloudTrail for a trail) must wait for it (terraform-provider-aws#8042): see {@link #usableBy}.
     */
    public final KeyPolicy policy;

    public RegionalKey(String name, Args args, ComponentResourceOptions options) {
        this(name, args, (keyArn, account) -> AppTier.autoScalingKeyStatements(args.region(), keyArn, account), options);
    }

    /**
     * Statements of further services in a key policy, given the key's ARN and the account's id.
     */
    @FunctionalInterface
    public interface ServiceStatements {
        List<Statement> of(Output<String> keyArn, Output<String> account);
    }

    /**
     * A key whose policy admits the given services besides the account, CloudWatch Logs and CloudTrail, instead of
     * EC2 Auto Scaling (which only the application's key needs, for its instances' volumes).
     *
     * @param services the further statements of the key policy
     */
    public RegionalKey(String name, Args args, ServiceStatements services, ComponentResourceOptions options) {
        super("multiregion:storage:RegionalKey", name, options);
        this.region = args.region();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();

        Key key = new Key(name, KeyArgs.builder()
                .description(args.description())
                .enableKeyRotation(true) // yearly, the KMS default period
                .deletionWindowInDays(args.deletionWindowDays())
                .build(),
                CustomResourceOptions.builder().parent(this).protect(args.protect()).build());
        this.arn = key.arn();
        this.keyId = key.id(); // a key's id is its key id, and every engine reports ids
        this.accountId = key.arn().applyValue(Arns::accountOf);

        new Alias(name + "-alias", AliasArgs.builder()
                .name(args.alias())
                .targetKeyId(keyId)
                .build(), child);

        this.policy = new KeyPolicy(name + "-policy", KeyPolicyArgs.builder()
                .keyId(keyId)
                .policy(PolicyDocument.of(policy(args.region(), key.arn(), accountId, services)))
                .build(), child);

        registerOutputs(Map.of("arn", arn, "keyId", keyId));
    }

    /**
     * Options for a resource that names this key and that AWS checks against the key policy at creation: it
     * waits for the policy as well as for anything else it already depends on.
     */
    public CustomResourceOptions.Builder usableBy(CustomResourceOptions.Builder options, Resource... otherDependencies) {
        List<Resource> dependencies = new java.util.ArrayList<>(List.of(otherDependencies));
        dependencies.add(policy);
        return options.dependsOn(dependencies);
    }

    /**
     * The key policy: the account through IAM, the two log services scoped to this account and region, and the given
     * services (for the application's key: EC2 Auto Scaling's service-linked role for the EBS volumes of the region's
     * instances).
     * Each statement's condition keys apply to each of its actions: {@code kms:EncryptionContext:*} exists only
     * on the cryptographic operations, so {@code kms:DescribeKey} has a statement of its own (AWS KMS Developer
     * Guide, "kms:EncryptionContext context keys"; Service Authorization Reference, AWS KMS).
     */
    static List<Statement> policy(AwsRegion region, Output<String> keyArn, Output<String> account,
                                  ServiceStatements services) {
        Output<String> root = account.applyValue(a -> Arns.accountRoot(region, a));
        Output<String> logGroups = account.applyValue(a -> Arns.logGroupsOfAccount(region, a));
        Output<String> trails = account.applyValue(a -> Arns.trailsOfAccount(region, a));
        List<Statement> statements = new java.util.ArrayList<>(List.of(
                Statement.allow("AccountAdministersThroughIam").actions(Actions.KMS_ACCOUNT_ADMIN).resource(keyArn)
                        .awsPrincipal(root).build(),
                // CloudWatch Logs User Guide, "Encrypt log data in CloudWatch Logs using AWS KMS".
                Statement.allow("CloudWatchLogsEncryptsThisAccountsLogGroups").actions(Actions.KMS_FOR_LOGS).resource(keyArn)
                        .service(region.serviceHost("logs"))
                        .condition("ArnLike", "kms:EncryptionContext:aws:logs:arn", logGroups)
                        .build(),
                Statement.allow("CloudWatchLogsDescribesKey").actions(Actions.KMS_DESCRIBE).resource(keyArn)
                        .service(region.serviceHost("logs"))
                        .build(),
                // CloudTrail User Guide, "Configure AWS KMS key policies for CloudTrail": GenerateDataKey* for log
                // and digest files, scoped by aws:SourceArn to this account's trails in this region.
                Statement.allow("CloudTrailEncryptsThisAccountsTrails").actions(Actions.KMS_FOR_CLOUDTRAIL).resource(keyArn)
                        .service("cloudtrail.amazonaws.com")
                        .condition("StringLike", "kms:EncryptionContext:aws:cloudtrail:arn", trails)
                        .condition("StringLike", "aws:SourceArn", trails)
                        .build(),
                // Same page: kms:Decrypt is required to create or update a trail whose bucket uses S3 Bucket Keys,
                // as every KMS-encrypted bucket here does. The data key's context is then the bucket, not the
                // trail, so only aws:SourceArn scopes it.
                Statement.allow("CloudTrailDecryptsForBucketKeys").actions(Actions.KMS_DECRYPT_ONLY).resource(keyArn)
                        .service("cloudtrail.amazonaws.com")
                        .condition("StringLike", "aws:SourceArn", trails)
                        .build(),
                Statement.allow("CloudTrailDescribesKey").actions(Actions.KMS_DESCRIBE).resource(keyArn)
                        .service("cloudtrail.amazonaws.com")
                        .condition("StringLike", "aws:SourceArn", trails)
                        .build()));
        statements.addAll(services.of(keyArn, account));
        return statements;
    }

    /** Statements letting a principal read and write data under this key. */
    public Statement grantEncryptDecrypt(String sid) {
        return Statement.allow(sid).actions(Actions.KMS_ENCRYPT_DECRYPT).resource(arn).build();
    }
}
