package io.multiregion.storage;

import io.multiregion.regions.AwsRegion;
import io.multiregion.regions.ProviderRegistry;
import io.multiregion.regions.ProviderSettings;
import io.multiregion.testing.PolicyView;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-region support alone: one key and one access-log bucket per region, each bucket logging there once created. */
class RegionalSupportTest {
    private static final AwsRegion A = new AwsRegion("eu-west-1");
    private static final AwsRegion B = new AwsRegion("eu-central-1");
    private static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    private static final String LOGGING = "aws:s3/bucketLoggingV2:BucketLoggingV2";
    private static final String POLICY = "aws:s3/bucketPolicy:BucketPolicy";

    private static RegionalSupport support(Set<AwsRegion> regions) {
        return new RegionalSupport(new RegionalSupport.Args("multiregion", "test", 30, 90, true),
                new ProviderRegistry(new ProviderRegistry.Args("multiregion", "test", "primary", regions,
                        ProviderSettings.none())));
    }

    private static Registered only(ProgramRun run, Predicate<Registered> which) {
        List<Registered> found = run.where(which);
        assertEquals(1, found.size(), "matches: " + found);
        return found.get(0);
    }

    @Test
    @DisplayName("buckets of one region share one key and one access-log bucket, and each logs there")
    void oneKeyAndLogBucketPerRegion() {
        ProgramRun run = ProgramRun.program("test", Map.of(), ctx -> {
            RegionalSupport support = support(Set.of(A));
            support.bucket("multiregion-one", A, null, ref -> List.of());
            support.bucket("multiregion-two", A, null, ref -> List.of());
        });
        assertFalse(run.failed(), run::errors);
        assertEquals(1, run.ofType("aws:kms/key:Key").size());
        assertEquals(3, run.ofType(BUCKET).size());
        List<Registered> logging = run.ofType(LOGGING);
        assertEquals(2, logging.size());
        assertTrue(logging.stream().allMatch(l -> l.text("targetBucket").startsWith("multiregion-access-logs-eu-west-1")));
    }

    @Test
    @DisplayName("a bucket created last, after other regions' buckets and the log bucket's policy, logs once admitted")
    void aBucketCreatedLastStillLogs() {
        ProgramRun run = ProgramRun.program("test", Map.of(), ctx -> {
            RegionalSupport support = support(Set.of(A, B));
            support.bucket("multiregion-first", A, null, ref -> List.of());
            support.bucket("multiregion-other-region", B, null, ref -> List.of());
            // nothing marks the end of the buckets: this one comes after everything, as a later part would
            support.bucket("multiregion-last", A, null, ref -> List.of());
        });
        assertFalse(run.failed(), run::errors);
        for (String logged : List.of("multiregion-first", "multiregion-other-region", "multiregion-last")) {
            Registered logging = only(run, r -> r.type().equals(LOGGING) && r.name().equals(logged + "-logging"));
            assertEquals(logged + "-a1b2c3d", logging.text("bucket"));
            String target = logging.text("targetBucket");
            assertEquals(logging.providerRegion(), only(run, r -> r.type().equals(BUCKET)
                    && (r.name() + "-a1b2c3d").equals(target)).providerRegion(), "logs go to a bucket of the same region");
            Registered policy = only(run, r -> r.type().equals(POLICY) && target.equals(r.text("bucket")));
            assertTrue(logging.dependsOn(policy), logged + " logs before " + target + " admits it");
            PolicyView.StatementView delivery = PolicyView.parse(policy.text("policy")).sid("S3ServerAccessLogDelivery");
            assertTrue(delivery.like("ArnLike", "aws:SourceArn", "arn:aws:s3:::" + logging.text("bucket")),
                    target + " does not admit " + logged);
            assertEquals(List.of("123456789012"), delivery.condition("StringEquals", "aws:SourceAccount"));
            assertTrue(PolicyView.matchesLike(delivery.resources().get(0),
                    "arn:aws:s3:::" + target + "/" + logging.text("targetPrefix") + "2025-01-01-00-00-00-0123456789ABCDEF"));
        }
    }

    @Test
    @DisplayName("a bucket whose name the access-log bucket does not admit is refused, not left unlogged")
    void aBucketOutsideTheAdmittedNamesIsRefused() {
        ProgramRun run = ProgramRun.program("test", Map.of(), ctx -> {
            RegionalSupport support = support(Set.of(A));
            support.bucket("other-archive", A, null, ref -> List.of());
        });
        assertTrue(run.failed());
        assertTrue(run.errors().contains("bucket other-archive logs to multiregion-access-logs-eu-west-1, which admits "
                + "server access logs only from buckets named multiregion-*"), run.errors());
        assertTrue(run.where(r -> r.name().startsWith("other-archive")).isEmpty(), "registered: " + run.ofType(BUCKET));
    }
}
