package io.multiregion.storage;

import io.multiregion.regions.AwsRegion;
import io.multiregion.regions.ProviderRegistry;
import io.multiregion.regions.ProviderSettings;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-region support alone: one key and one access-log bucket per region, logging wired once every bucket exists. */
class RegionalSupportTest {
    private static final AwsRegion A = new AwsRegion("eu-west-1");

    private static RegionalSupport support() {
        return new RegionalSupport(new RegionalSupport.Args("multiregion", "test", 30, 90, true),
                new ProviderRegistry(new ProviderRegistry.Args("multiregion", "test", "primary", Set.of(A),
                        ProviderSettings.none())));
    }

    @Test
    @DisplayName("buckets of one region share one key and one access-log bucket, and each logs there after seal()")
    void oneKeyAndLogBucketPerRegion() {
        ProgramRun run = ProgramRun.program("test", Map.of(), ctx -> {
            RegionalSupport support = support();
            support.bucket("one", A, null, ref -> List.of());
            support.bucket("two", A, null, ref -> List.of());
            support.seal();
        });
        assertFalse(run.failed(), run::errors);
        assertEquals(1, run.ofType("aws:kms/key:Key").size());
        assertEquals(3, run.ofType("aws:s3/bucketV2:BucketV2").size());
        List<Registered> logging = run.ofType("aws:s3/bucketLoggingV2:BucketLoggingV2");
        assertEquals(2, logging.size());
        assertTrue(logging.stream().allMatch(l -> l.text("targetBucket").startsWith("multiregion-access-logs-eu-west-1")));
    }

    @Test
    @DisplayName("a bucket created after seal() is refused: its access logs would never be admitted")
    void noBucketAfterSeal() {
        ProgramRun run = ProgramRun.program("test", Map.of(), ctx -> {
            RegionalSupport support = support();
            support.bucket("one", A, null, ref -> List.of());
            support.seal();
            support.bucket("late", A, null, ref -> List.of());
        });
        assertTrue(run.failed());
        assertTrue(run.errors().contains("bucket late is created after seal()"), run.errors());
    }
}
