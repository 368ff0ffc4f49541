package io.multiregion.regions;

/**
 * ARN arithmetic. Every ARN is built from a region's partition, never from a literal {@code arn:aws:}.
 * Account ids come from the ARN of a resource the program created (see {@link #accountOf}), so the
 * program needs no invoke and no account id in config.
 */
public final class Arns {
    private Arns() {
    }

    /** {@code arn:<partition>:s3:::<bucket>}. */
    public static String bucket(AwsRegion region, String bucketName) {
        return "arn:" + region.partition() + ":s3:::" + bucketName;
    }

    /**
     * {@code arn:<partition>:s3:::<prefix>*}: every bucket whose name starts with {@code prefix}, a pattern for
     * {@code ArnLike} (bucket names hold no {@code *} or {@code ?}, so the prefix matches only itself).
     */
    public static String bucketsNamedFrom(AwsRegion region, String prefix) {
        return bucket(region, prefix + "*");
    }

    /** {@code arn:<partition>:s3:::<bucket>/<key>}, the ARN CloudTrail data-event selectors and IAM use for one object. */
    public static String object(AwsRegion region, String bucketName, String key) {
        return bucket(region, bucketName) + "/" + key;
    }

    /** {@code arn:<partition>:cloudtrail:<region>:<account>:trail/<name>}. */
    public static String trail(AwsRegion region, String account, String trailName) {
        return "arn:" + region.partition() + ":cloudtrail:" + region.code() + ":" + account + ":trail/" + trailName;
    }

    /** {@code arn:<partition>:iam::<account>:root}: the account itself, for key-policy delegation to IAM. */
    public static String accountRoot(AwsRegion region, String account) {
        return "arn:" + region.partition() + ":iam::" + account + ":root";
    }

    /** {@code arn:<partition>:logs:<region>:<account>:log-group:*}: every log group of the account in the region. */
    public static String logGroupsOfAccount(AwsRegion region, String account) {
        return "arn:" + region.partition() + ":logs:" + region.code() + ":" + account + ":log-group:*";
    }

    /** {@code arn:<partition>:cloudtrail:<region>:<account>:trail/*}: every trail of the account in the region. */
    public static String trailsOfAccount(AwsRegion region, String account) {
        return "arn:" + region.partition() + ":cloudtrail:" + region.code() + ":" + account + ":trail/*";
    }

    /**
     * Every stream of one log group, from the group's ARN as CloudWatch Logs reports it (which may end in
     * {@code :*}): {@code ...:log-group:NAME:log-stream:*}, the resource type that CreateLogStream and
     * PutLogEvents take.
     */
    public static String logStreamsOf(String logGroupArn) {
        if (logGroupArn == null) {
            return null;
        }
        String group = logGroupArn.endsWith(":*") ? logGroupArn.substring(0, logGroupArn.length() - 2) : logGroupArn;
        return group + ":log-stream:*";
    }

    /**
     * A log group as IAM authorizes the log-group actions other than tagging ({@code DescribeLogStreams},
     * {@code FilterLogEvents}...): {@code ...:log-group:NAME:*}. The bare {@code ...:log-group:NAME} (the ARN the
     * provider reports) is the form for TagResource, UntagResource and ListTagsForResource only; a grant of any other
     * action on it never applies (CloudWatch Logs User Guide, "Overview of managing access permissions to your
     * CloudWatch Logs resources": "Use the second version, with the trailing :*, ... for all other API actions").
     */
    public static String logGroupForActions(String logGroupArn) {
        if (logGroupArn == null) {
            return null;
        }
        return logGroupArn.endsWith(":*") ? logGroupArn : logGroupArn + ":*";
    }

    /**
     * A connection's ARN under one of the two service names it may carry ({@code codeconnections} or
     * {@code codestar-connections}); the rest of the ARN is the same under both.
     */
    public static String connectionAs(String connectionArn, String service) {
        if (connectionArn == null) {
            return null;
        }
        String[] parts = connectionArn.split(":", 4);
        return parts.length < 4 ? connectionArn : parts[0] + ":" + parts[1] + ":" + service + ":" + parts[3];
    }

    /**
     * The account id field (the fifth) of an ARN, or an empty string when the ARN is not known
     * (only in engines that do not report ARNs).
     */
    public static String accountOf(String arn) {
        if (arn == null) {
            return "";
        }
        String[] parts = arn.split(":", 6);
        return parts.length >= 5 ? parts[4] : "";
    }

    /**
     * {@code arn:<partition>:iam::<account>:role/aws-service-role/<service>/<roleName>}: a service-linked role, which IAM
     * creates under the service's path (IAM User Guide, "Using service-linked roles").
     */
    public static String serviceLinkedRole(AwsRegion region, String account, String service, String roleName) {
        return "arn:" + region.partition() + ":iam::" + account + ":role/aws-service-role/" + service + "/" + roleName;
    }

    /**
     * {@code arn:<partition>:securityhub:<region>::standards/<standard>}: a Security Hub standard, which is regional
     * and has no account (Security Hub API Reference, DescribeStandards).
     */
    public static String securityHubStandard(AwsRegion region, String standard) {
        return "arn:" + region.partition() + ":securityhub:" + region.code() + "::standards/" + standard;
    }
}
