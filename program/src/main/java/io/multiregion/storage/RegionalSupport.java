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

    /**
     * This stack's server-access-log bucket in a region (SSE-S3, see {@link SecureBucket}). Its policy is written with
     * it and admits this account's buckets named {@code <project>-*} ({@link SecureBucket#logDelivery}), which every
     * bucket of {@link #bucket} is, so each of them logs here from the moment it is created, whenever that is.
     */
    public SecureBucket accessLogs(AwsRegion region) {
        return accessLogs.computeIfAbsent(region, r -> new SecureBucket(args.project() + "-access-logs-" + r.code(),
                // the regional key's account id scopes the log-delivery statement (aws:SourceAccount)
                SecureBucket.accessLogBucket(r, new SecureBucket.LogSources(key(r).accountId, logSourcePrefix()),
                        args.noncurrentVersionDays(), args.protectData()), in(r, null)));
    }

    /** The start of every logged bucket's name: the project, as every bucket this program logs is named. */
    private String logSourcePrefix() {
        return args.project() + "-";
    }

    /**
     * A KMS-encrypted, access-logged bucket in a region, under a parent; its name starts with {@code <project>-}, the
     * names its region's access-log bucket admits (the bucket refuses another name).
     */
    public SecureBucket bucket(String name, AwsRegion region, com.pulumi.resources.Resource parent,
                               Function<SecureBucket.BucketRef, List<Statement>> extraPolicy) {
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
        return new SecureBucket(name, new SecureBucket.Args(key.region, Optional.of(key),
                Optional.of(accessLogs(key.region)), args.noncurrentVersionDays(), args.protectData(), extraPolicy),
                in(key.region, parent));
    }
}
