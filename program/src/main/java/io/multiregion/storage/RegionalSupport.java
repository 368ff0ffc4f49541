package io.multiregion.storage;

import com.pulumi.resources.ComponentResourceOptions;
import io.multiregion.iam.Statement;
import io.multiregion.regions.AwsRegion;
import io.multiregion.regions.ProviderRegistry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Per-region support, created the first time something in a region needs it and reused after (as CDK does for
 * cross-region pipeline support): one KMS key and one server-access-log bucket per region. Each is placed in its
 * region by passing that region's provider in its options, the one way providers travel in this program.
 */
public final class RegionalSupport {

    /**
     * @param project               the project, in names
     * @param stack                 the stack, in names (two stacks never share a key alias)
     * @param kmsDeletionWindowDays KMS deletion window of every key (default 30)
     * @param noncurrentVersionDays days noncurrent object versions are kept (default 90)
     * @param protectData           protect keys and buckets from deletion and replacement (default true)
     */
    public record Args(String project, String stack, int kmsDeletionWindowDays, int noncurrentVersionDays,
                       boolean protectData) {
    }

    private final Args args;
    private final ProviderRegistry providers;
    private final Map<AwsRegion, RegionalKey> keys = new LinkedHashMap<>();
    private final Map<AwsRegion, SecureBucket> accessLogs = new LinkedHashMap<>();
    private boolean sealed;

    public RegionalSupport(Args args, ProviderRegistry providers) {
        this.args = args;
        this.providers = providers;
    }

    public ProviderRegistry providers() {
        return providers;
    }

    /** Options placing a component in a region, under a parent (or at the top when the parent is null). */
    public ComponentResourceOptions in(AwsRegion region, com.pulumi.resources.Resource parent) {
        ComponentResourceOptions.Builder options = ComponentResourceOptions.builder().providers(providers.forRegion(region));
        return (parent == null ? options : options.parent(parent)).build();
    }

    /** This stack's KMS key in a region. */
    public RegionalKey key(AwsRegion region) {
        return keys.computeIfAbsent(region, r -> new RegionalKey(args.project() + "-key-" + r.code(),
                new RegionalKey.Args(r, "alias/" + args.project() + "-" + args.stack() + "-" + r.code(),
                        args.project() + " (" + args.stack() + " stack): artifacts, releases and logs in " + r.code(),
                        args.kmsDeletionWindowDays(), args.protectData()),
                in(r, null)));
    }

    /** This stack's server-access-log bucket in a region (SSE-S3, see {@link SecureBucket}). */
    public SecureBucket accessLogs(AwsRegion region) {
        return accessLogs.computeIfAbsent(region, r -> {
            key(r); // its account id scopes the log-delivery statement (see seal)
            return new SecureBucket(args.project() + "-access-logs-" + r.code(),
                    SecureBucket.accessLogBucket(r, args.noncurrentVersionDays(), args.protectData()), in(r, null));
        });
    }

    /**
     * Called once the stack has created every bucket: each access-log bucket gets its policy, admitting log
     * delivery from exactly the buckets that log to it, and those buckets start logging.
     */
    public void seal() {
        sealed = true;
        accessLogs.forEach((region, logs) -> logs.admitAccessLogs(key(region).accountId));
    }

    /** A KMS-encrypted, access-logged bucket in a region, under a parent. */
    public SecureBucket bucket(String name, AwsRegion region, com.pulumi.resources.Resource parent,
                               Function<SecureBucket.BucketRef, List<Statement>> extraPolicy) {
        if (sealed) {
            // its access logs would never be delivered: the log bucket's policy names its sources once
            throw new IllegalStateException("bucket " + name + " is created after seal(); create every bucket first");
        }
        return new SecureBucket(name, new SecureBucket.Args(region, Optional.of(key(region)),
                Optional.of(accessLogs(region)), args.noncurrentVersionDays(), args.protectData(), extraPolicy),
                in(region, parent));
    }

    /**
     * A key of its own for one purpose in a region (for example the audit logs), with the stack's deletion window and
     * protection, alias {@code alias/<project>-<stack>-<purpose>-<region>}, under a parent.
     *
     * @param services the key policy's statements for the services that use it, besides CloudWatch Logs and CloudTrail
     */
    public RegionalKey dedicatedKey(String name, AwsRegion region, com.pulumi.resources.Resource parent, String purpose,
                                   String description, RegionalKey.ServiceStatements services) {
        return new RegionalKey(name, new RegionalKey.Args(region,
                "alias/" + args.project() + "-" + args.stack() + "-" + purpose + "-" + region.code(), description,
                args.kmsDeletionWindowDays(), args.protectData()), services, in(region, parent));
    }

    /** A bucket like {@link #bucket}, encrypted with the given key of its region instead of the stack's regional key. */
    public SecureBucket bucket(String name, RegionalKey key, com.pulumi.resources.Resource parent,
                               Function<SecureBucket.BucketRef, List<Statement>> extraPolicy) {
        if (sealed) {
            throw new IllegalStateException("bucket " + name + " is created after seal(); create every bucket first");
        }
        return new SecureBucket(name, new SecureBucket.Args(key.region, Optional.of(key),
                Optional.of(accessLogs(key.region)), args.noncurrentVersionDays(), args.protectData(), extraPolicy),
                in(key.region, parent));
    }
}
