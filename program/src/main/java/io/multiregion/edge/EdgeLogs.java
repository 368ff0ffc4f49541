package io.multiregion.edge;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.cloudwatch.LogResourcePolicy;
import com.pulumi.aws.cloudwatch.LogResourcePolicyArgs;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.kms.KeyPolicy;
import com.pulumi.aws.kms.KeyPolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.multiregion.iam.Actions;
import io.multiregion.iam.PolicyDocument;
import io.multiregion.iam.Statement;
import io.multiregion.naming.Names;
import io.multiregion.regions.Arns;
import io.multiregion.regions.AwsRegion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the front door's logs go, in the global region (us-east-1), the only place they can go: a web ACL of
 * CLOUDFRONT scope logs to a destination in its own region (WAF Developer Guide, "Sending web ACL traffic logs to an
 * Amazon CloudWatch Logs log group": "Configure the log group ... in the same Region as the web ACL"), and CloudFront
 * delivers its standard logs (v2) from us-east-1 (CloudFront Developer Guide, "Configure standard logging (v2)").
 *
 * <p>Two CloudWatch Logs log groups, encrypted with a customer managed key of their own in that region (rotation on,
 * a deletion window, a policy that lets CloudWatch Logs use it for this account's log groups there and nothing else:
 * the regions' keys also admit CloudTrail and EC2 Auto Scaling, which nothing here needs), and one resource policy
 * that lets the log-delivery service write to exactly these two groups. The WAF group's name starts with
 * {@value #WAF_PREFIX}, which WAF requires of every logging destination (same WAF page, "Log group naming").
 *
 * <p>The resource policy is the program's own rather than the one WAF and the delivery service would otherwise
 * create or extend in the account (one policy, {@code AWSWAF-LOGS}, grown by every web ACL until it exceeds the
 * 5,120 characters a resource policy may hold, after which logging fails: terraform-provider-aws#25296; the Pulumi
 * docs of {@code aws.wafv2.WebAclLoggingConfiguration} recommend managing it). It uses one of the ten resource
 * policies an account may have per region (CloudWatch Logs API Reference, PutResourcePolicy).
 */
public final class EdgeLogs extends ComponentResource {

    /** WAF's required prefix of a logging destination's name (WAF Developer Guide, "Log group naming"). */
    public static final String WAF_PREFIX = "aws-waf-logs-";
    /** The principal that delivers vended logs (CloudWatch Logs User Guide, "Logs sent to CloudWatch Logs"). */
    public static final String DELIVERY_SERVICE = "delivery.logs.amazonaws.com";
    /** Log group names: at most 512 characters (CloudWatch Logs API Reference, CreateLogGroup). */
    public static final int LOG_GROUP_NAME = 512;

    /**
     * Built with {@link #builder()}.
     *
     * @param region                 where the logs are: the global region
     * @param project                the project, in names
     * @param stack                  the stack, in names (two stacks in one account never share a log group)
     * @param firewall               a log group for the web ACL (when WAF is on; default false)
     * @param access                 a log group for the distribution's standard logs (when access logs are on; default
     *                               false)
     * @param retentionDays          retention of both groups
     * @param kmsDeletionWindowDays  the key's deletion window, 7 to 30
     * @param protect                protect the key from deletion and replacement
     */
    public record Args(AwsRegion region, String project, String stack, boolean firewall, boolean access,
                       int retentionDays, int kmsDeletionWindowDays, boolean protect) {

        /** Named construction: every field without a default must be set. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Args}; each setter says the field's default, if it has one. */
        public static final class Builder {
            private AwsRegion region;
            private String project;
            private String stack;
            private boolean firewall;
            private boolean access;
            private FrontDoor.Keeping keeping;

            private Builder() {
            }

            /** Where the logs are: the global region. */
            public Builder region(AwsRegion region) {
                this.region = region;
                return this;
            }

            /** The project and the stack, in names (two stacks in one account never share a log group). */
            public Builder names(String project, String stack) {
                this.project = project;
                this.stack = stack;
                return this;
            }

            /** A log group for the web ACL, when WAF is on (default false). */
            public Builder firewall(boolean firewall) {
                this.firewall = firewall;
                return this;
            }

            /** A log group for the distribution's standard logs, when access logs are on (default false). */
            public Builder access(boolean access) {
                this.access = access;
                return this;
            }

            /** The groups' retention, and the key's deletion window and protection. */
            public Builder keeping(FrontDoor.Keeping keeping) {
                this.keeping = keeping;
                return this;
            }

            /** The args; fails naming the first required field left unset. */
            public Args build() {
                Objects.requireNonNull(keeping, "keeping is required");
                return new Args(Objects.requireNonNull(region, "region is required"),
                        Objects.requireNonNull(project, "names are required"), stack, firewall, access,
                        keeping.retentionDays(), keeping.kmsDeletionWindowDays(), keeping.protect());
            }
        }
    }

    /** The web ACL's log group, named {@value #WAF_PREFIX}{@code <project>-<stack>}. */
    public final Optional<LogGroup> firewall;
    /** The distribution's standard-log group. */
    public final Optional<LogGroup> access;
    /** The resource policy letting the delivery service write to both groups: deliveries wait for it. */
    public final LogResourcePolicy deliveryPolicy;
    /** The key's ARN. */
    public final Output<String> keyArn;

    public EdgeLogs(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:edge:EdgeLogs", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        AwsRegion region = args.region();
        String base = Names.fit(args.project() + "-" + args.stack(), LOG_GROUP_NAME - 64);

        Key key = new Key(name + "-key", KeyArgs.builder()
                .description(args.project() + " (" + args.stack() + " stack): the front door's logs in " + region)
                .enableKeyRotation(true)
                .deletionWindowInDays(args.kmsDeletionWindowDays())
                .build(), CustomResourceOptions.builder().parent(this).protect(args.protect()).build());
        this.keyArn = key.arn();
        Output<String> account = key.arn().applyValue(Arns::accountOf);
        new Alias(name + "-key-alias", AliasArgs.builder()
                .name("alias/" + Names.fit(args.project() + "-" + args.stack() + "-edge-logs", 250))
                .targetKeyId(key.id())
                .build(), child);
        KeyPolicy keyPolicy = new KeyPolicy(name + "-key-policy", KeyPolicyArgs.builder()
                .keyId(key.id())
                .policy(PolicyDocument.of(keyPolicy(region, key.arn(), account)))
                .build(), child);
        // CloudWatch Logs checks that it may use the key when a log group is created; a key whose policy is a separate
        // resource has the default policy until then (terraform-provider-aws#8042).
        CustomResourceOptions usesKey = CustomResourceOptions.builder().parent(this).dependsOn(keyPolicy).build();

        this.firewall = args.firewall() ? Optional.of(new LogGroup(name + "-waf", LogGroupArgs.builder()
                .name(WAF_PREFIX + base)
                .retentionInDays(args.retentionDays())
                .kmsKeyId(key.arn())
                .build(), usesKey)) : Optional.empty();
        this.access = args.access() ? Optional.of(new LogGroup(name + "-access", LogGroupArgs.builder()
                // the prefix AWS recommends for groups that receive vended logs (CloudWatch Logs User Guide,
                // "Enabling logging from AWS services")
                .name("/aws/vendedlogs/cloudfront/" + base)
                .retentionInDays(args.retentionDays())
                .kmsKeyId(key.arn())
                .build(), usesKey)) : Optional.empty();

        List<LogGroup> groups = new ArrayList<>();
        firewall.ifPresent(groups::add);
        access.ifPresent(groups::add);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("edge logs without a log group: ask for the firewall's or the access logs");
        }
        Statement.Builder delivery = Statement.allow("LogDeliveryWritesTheFrontDoorsLogs").actions(Actions.LOGS_WRITE)
                .service(DELIVERY_SERVICE)
                // CloudWatch Logs User Guide, "Logs sent to CloudWatch Logs": the policy AWS writes itself, scoped
                // to the account and its log sources in the region
                .condition("StringEquals", "aws:SourceAccount", account)
                .condition("ArnLike", "aws:SourceArn", account.applyValue(a -> "arn:" + region.partition() + ":logs:"
                        + region.code() + ":" + a + ":*"));
        groups.forEach(g -> delivery.resource(g.arn().applyValue(Arns::logStreamsOf)));
        this.deliveryPolicy = new LogResourcePolicy(name + "-delivery", LogResourcePolicyArgs.builder()
                .policyName(Names.fit(args.project() + "-" + args.stack() + "-edge-log-delivery", 255))
                .policyDocument(PolicyDocument.of(delivery.build()))
                .build(), child);

        registerOutputs(Map.of("keyArn", keyArn));
    }

    /**
     * The key's policy: the account administers it through IAM; CloudWatch Logs in this region may use it for this
     * account's log groups there (CloudWatch Logs User Guide, "Encrypt log data in CloudWatch Logs using AWS KMS"),
     * with {@code kms:DescribeKey} in a statement of its own since it carries no encryption context.
     */
    static List<Statement> keyPolicy(AwsRegion region, Output<String> keyArn, Output<String> account) {
        return List.of(
                Statement.allow("AccountAdministersThroughIam").actions(Actions.KMS_ACCOUNT_ADMIN).resource(keyArn)
                        .awsPrincipal(account.applyValue(a -> Arns.accountRoot(region, a))).build(),
                Statement.allow("CloudWatchLogsEncryptsThisAccountsLogGroups").actions(Actions.KMS_FOR_LOGS)
                        .resource(keyArn).service(region.serviceHost("logs"))
                        .condition("ArnLike", "kms:EncryptionContext:aws:logs:arn",
                                account.applyValue(a -> Arns.logGroupsOfAccount(region, a)))
                        .build(),
                Statement.allow("CloudWatchLogsDescribesKey").actions(Actions.KMS_DESCRIBE).resource(keyArn)
                        .service(region.serviceHost("logs")).build());
    }
}
