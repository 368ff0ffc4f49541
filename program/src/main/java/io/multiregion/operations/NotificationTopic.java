package io.multiregion.operations;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.kms.KeyPolicy;
import com.pulumi.aws.kms.KeyPolicyArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicPolicyArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.iam.Actions;
import io.multiregion.iam.PolicyDocument;
import io.multiregion.iam.Statement;
import io.multiregion.regions.Arns;
import io.multiregion.regions.AwsRegion;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A region's notification topic: an SNS topic encrypted with a customer managed KMS key of its own, which CloudWatch
 * alarms and EventBridge rules of this account and region may publish to, and an optional e-mail subscription.
 *
 * <p>The AWS managed key {@code alias/aws/sns} does not work here: its policy cannot be edited and does not let
 * CloudWatch call {@code kms:Decrypt} and {@code kms:GenerateDataKey}, so an alarm's action fails with "CloudWatch
 * Alarms does not have authorization to access the SNS topic encryption key" (AWS re:Post knowledge center, "How do I
 * configure a CloudWatch alarm with an encrypted SNS topic?"). The key is separate from the region's storage key, so
 * the services that may use it for notifications cannot use it for artifacts or logs.
 *
 * <p>The component is placed in a region by the provider in its options; every child takes it from this parent.
 */
public final class NotificationTopic extends ComponentResource {

    public static final String CLOUDWATCH = "cloudwatch.amazonaws.com";
    public static final String EVENTBRIDGE = "events.amazonaws.com";

    /**
     * @param region             the topic's region
     * @param topicName          the topic's physical name (carries the project and stack; at most 256 characters)
     * @param keyAlias           the key's alias, starting with {@code alias/}
     * @param email              an address to subscribe; empty: none (default)
     * @param deletionWindowDays the key's deletion window, 7 to 30 (default 30)
     * @param protect            protect the key from deletion and replacement (default true)
     */
    public record Args(AwsRegion region, String topicName, String keyAlias, Optional<String> email,
                       int deletionWindowDays, boolean protect) {
    }

    /** The topic's ARN, the action of every alarm of the region. */
    @Export(name = "topicArn", refs = {String.class}, tree = "[0]")
    public final Output<String> topicArn;
    /** The key's ARN; a publisher other than the two services needs kms:GenerateDataKey* and kms:Decrypt on it. */
    public final Output<String> keyArn;
    /** The key's policy: the topic is usable by the services only once it is in place. */
    public final KeyPolicy keyPolicy;
    /** The topic's policy. */
    public final TopicPolicy topicPolicy;

    public NotificationTopic(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:operations:NotificationTopic", name, options);
        AwsRegion region = args.region();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();

        Key key = new Key(name + "-key", KeyArgs.builder()
                .description("Notifications of " + args.topicName() + " in " + region.code())
                .enableKeyRotation(true) // yearly, the KMS default period
                .deletionWindowInDays(args.deletionWindowDays())
                .build(),
                CustomResourceOptions.builder().parent(this).protect(args.protect()).build());
        this.keyArn = key.arn();
        Output<String> account = key.arn().applyValue(Arns::accountOf);
        new Alias(name + "-key-alias", AliasArgs.builder().name(args.keyAlias()).targetKeyId(key.id()).build(), child);
        this.keyPolicy = new KeyPolicy(name + "-key-policy", KeyPolicyArgs.builder()
                .keyId(key.id())
                .policy(PolicyDocument.of(keyPolicy(region, key.arn(), account, args.topicName())))
                .build(), child);

        Topic topic = new Topic(name, TopicArgs.builder()
                .name(args.topicName())
                .displayName(args.topicName().length() <= 100 ? args.topicName() : args.topicName().substring(0, 100))
                .kmsMasterKeyId(key.arn())
                .build(),
                CustomResourceOptions.builder().parent(this)
                        // a publisher's first message is refused until the key policy admits it (a separate key
                        // policy starts as the default one: terraform-provider-aws#8042)
                        .dependsOn(List.<Resource>of(keyPolicy)).build());
        this.topicArn = topic.arn();

        this.topicPolicy = new TopicPolicy(name + "-policy", TopicPolicyArgs.builder()
                .arn(topic.arn())
                .policy(PolicyDocument.of(topicPolicy(region, topic.arn(), account)))
                .build(), child);

        args.email().ifPresent(address -> new TopicSubscription(name + "-email", TopicSubscriptionArgs.builder()
                .topic(topic.arn())
                .protocol("email")
                .endpoint(address)
                .build(), child));

        registerOutputs(Map.of("topicArn", topicArn));
    }

    /** The alarms of this account in this region, as CloudWatch names them in {@code aws:SourceArn}. */
    static String alarmsOf(AwsRegion region, String account) {
        return "arn:" + region.partition() + ":cloudwatch:" + region.code() + ":" + account + ":alarm:*";
    }

    /** The EventBridge rules of this account in this region. */
    static String rulesOf(AwsRegion region, String account) {
        return "arn:" + region.partition() + ":events:" + region.code() + ":" + account + ":rule/*";
    }

    /** The topic's ARN, known before the topic exists: its name is fixed. */
    static String topicArn(AwsRegion region, String account, String topicName) {
        return "arn:" + region.partition() + ":sns:" + region.code() + ":" + account + ":" + topicName;
    }

    /**
     * The key policy: the account through IAM, and the two publishing services, {@code kms:Decrypt} and
     * {@code kms:GenerateDataKey*} (SNS Developer Guide, "Enable compatibility between event sources from AWS services
     * and encrypted topics").
     *
     * <p>CloudWatch is scoped to this account's alarms in this region by {@code aws:SourceAccount} and
     * {@code aws:SourceArn}. EventBridge cannot be: the same guide says those keys (and {@code aws:SourceOrgID}) are
     * not supported in a KMS key policy for EventBridge delivering to an encrypted topic, and delivery fails with them.
     * It is scoped instead by the encryption context SNS sends with every request on the key,
     * {@code kms:EncryptionContext:aws:sns:topicArn}: this topic only. That key exists on the cryptographic operations
     * both actions are (Service Authorization Reference, AWS KMS).
     */
    static List<Statement> keyPolicy(AwsRegion region, Output<String> keyArn, Output<String> account, String topicName) {
        return List.of(
                Statement.allow("AccountAdministersThroughIam").actions(Actions.KMS_ACCOUNT_ADMIN).resource(keyArn)
                        .awsPrincipal(account.applyValue(a -> Arns.accountRoot(region, a))).build(),
                Statement.allow("CloudWatchAlarmsEncryptNotifications").actions(Actions.KMS_FOR_SNS_PUBLISHERS)
                        .resource(keyArn).service(CLOUDWATCH)
                        .condition("StringEquals", "aws:SourceAccount", account)
                        .condition("ArnLike", "aws:SourceArn", account.applyValue(a -> alarmsOf(region, a)))
                        .build(),
                Statement.allow("EventBridgeRulesEncryptNotifications").actions(Actions.KMS_FOR_SNS_PUBLISHERS)
                        .resource(keyArn).service(EVENTBRIDGE)
                        .condition("StringEquals", "kms:EncryptionContext:aws:sns:topicArn",
                                account.applyValue(a -> topicArn(region, a, topicName)))
                        .build());
    }

    /**
     * The topic policy: the same two services may publish, for this account's alarms and rules in this region
     * (AWS re:Post knowledge center, "Why didn't I receive an SNS notification for my CloudWatch alarm trigger?";
     * EventBridge User Guide, "Amazon SNS permissions"), and nobody publishes without TLS. The account's own
     * principals publish and subscribe through IAM, which suffices in the topic's account.
     */
    static List<Statement> topicPolicy(AwsRegion region, Output<String> topicArn, Output<String> account) {
        return List.of(
                Statement.allow("CloudWatchAlarmsPublish").actions(Actions.SNS_PUBLISH).resource(topicArn)
                        .service(CLOUDWATCH)
                        .condition("StringEquals", "aws:SourceAccount", account)
                        .condition("ArnLike", "aws:SourceArn", account.applyValue(a -> alarmsOf(region, a)))
                        .build(),
                Statement.allow("EventBridgeRulesPublish").actions(Actions.SNS_PUBLISH).resource(topicArn)
                        .service(EVENTBRIDGE)
                        .condition("StringEquals", "aws:SourceAccount", account)
                        .condition("ArnLike", "aws:SourceArn", account.applyValue(a -> rulesOf(region, a)))
                        .build(),
                Statement.deny("DenyPublishWithoutTls").actions(Actions.SNS_PUBLISH).resource(topicArn)
                        .awsPrincipal("*")
                        .condition("Bool", "aws:SecureTransport", "false")
                        .build());
    }
}
