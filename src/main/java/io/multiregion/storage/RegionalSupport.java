package io.multiregion.storage;

import com.pulumi.resources.ComponentResourceOptions;
import io.multiregion.config.StackSettings;
import io.multiregion.iam.Statement;
import io.multiregion.regions.AwsRegion;
import io.multiregion.regions.ProviderRegistry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-region support, created the first time something in a region needs it and reused after (as CDK
 * does for cross-region pipeline support): one KMS key and one server-access-log bucket per region.
 */
public final class RegionalSupport {
    private final StackSettings settings;
    private final ProviderRegistry providers;
    private final Map<AwsRegion, RegionalKey> keys = new LinkedHashMap<>();
    private final Map<AwsRegion, SecureBucket> accessLogs = new LinkedHashMap<>();

    public RegionalSupport(StackSettings settings, ProviderRegistry providers) {
        this.settings = settings;
        this.providers = providers;
    }

    public ProviderRegistry providers() {
        return providers;
    }

    public StackSettings settings() {
        return settings;
    }

    /** This stack's KMS key in a region. */
    public RegionalKey key(AwsRegion region) {
        return keys.computeIfAbsent(region, r -> new RegionalKey(settings.project() + "-key-" + r.code(),
                new RegionalKey.Args(r, providers.forRegion(r),
                        "alias/" + settings.project() + "-" + settings.stack() + "-" + r.code(),
                        settings.project() + " (" + settings.stack() + " stack): artifacts, releases and logs in " + r.code(),
                        settings.storage().kmsDeletionWindowDays(), settings.storage().protectData()),
                ComponentResourceOptions.builder().build()));
    }

    /** This stack's server-access-log bucket in a region (SSE-S3, see {@link SecureBucket}). */
    public SecureBucket accessLogs(AwsRegion region) {
        return accessLogs.computeIfAbsent(region, r -> {
            key(r); // its account id scopes the log-delivery statement (see seal)
            return new SecureBucket(settings.project() + "-access-logs-" + r.code(),
                    SecureBucket.accessLogBucket(r, providers.forRegion(r), settings.storage().noncurrentVersionDays(),
                            settings.storage().protectData()),
                    ComponentResourceOptions.builder().build());
        });
    }

    /**
     * Called once the stack has created every bucket: each access-log bucket gets its policy, admitting log
     * delivery from exactly the buckets that log to it, and those buckets start logging.
     */
    public void seal() {
        accessLogs.forEach((region, logs) -> logs.admitAccessLogs(key(region).accountId));
    }

    /** A KMS-encrypted, access-logged bucket in a region. */
    public SecureBucket bucket(String name, AwsRegion region, ComponentResourceOptions options,
                               java.util.function.Function<SecureBucket.BucketRef, List<Statement>> extraPolicy) {
        return new SecureBucket(name, new SecureBucket.Args(region, providers.forRegion(region), Optional.of(key(region)),
                Optional.of(accessLogs(region)), settings.storage().noncurrentVersionDays(), settings.storage().protectData(), extraPolicy),
                options);
    }
}
