package io.multiregion.stacks;

import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import io.multiregion.App;
import io.multiregion.testing.StackFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The program must not depend on a particular mock engine: with the plainest mocks (every resource's state is
 * its inputs, no ARN, no generated name; a stack reference with an empty outputs map), both stacks still run to
 * the end and register their resources, in update and in preview mode. (A stack reference with no outputs map
 * at all fails inside the SDK's own StackReference, whatever the program does; the engine always sends one.)
 */
class MinimalMocksTest {

    /** State = inputs; nothing computed. */
    private static final class EchoMocks implements Mocks {
        final List<String> types = Collections.synchronizedList(new ArrayList<>());
        final Map<String, Map<String, Object>> inputsByName = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            types.add(args.type);
            inputsByName.put(args.type + " " + args.name, args.inputs);
            if (args.type.equals("pulumi:pulumi:StackReference")) {
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name),
                        Map.of("name", args.name, "outputs", Map.of())));
            }
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "_id"), args.inputs));
        }

        @Override
        public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
            return CompletableFuture.completedFuture(Map.copyOf(args.args));
        }
    }

    /**
     * Plain mocks answer no data source, so the zones come from config: the documented way to run where the zone
     * lookup is not available (an empty answer is an error, never zero subnets).
     */
    private static Map<String, String> withZones(Map<String, String> config) {
        Map<String, String> out = new java.util.HashMap<>(config);
        out.put("multiregion:network", "{\"primary\":{\"cidr\":\"10.10.0.0/16\",\"availabilityZones\":"
                + "[\"eu-west-1a\",\"eu-west-1b\",\"eu-west-1c\"]},\"secondary\":{\"cidr\":\"10.20.0.0/16\","
                + "\"availabilityZones\":[\"eu-central-1a\",\"eu-central-1b\"]}}");
        return out;
    }

    @ParameterizedTest(name = "{0}, preview={1}")
    @CsvSource({"primary,false", "primary,true", "secondary,false", "secondary,true"})
    void runsOnEchoMocks(String stack, boolean preview) {
        EchoMocks mocks = new EchoMocks();
        TestResult result;
        try {
            result = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName("multiregion").stackName(stack).preview(preview).build())
                    .config(withZones(StackFiles.config(stack)))
                    .mocks(mocks)
                    .build()
                    .runTest(App::stack);
        } finally {
            PulumiTest.cleanup();
        }
        assertEquals(List.of(), result.exceptions(), () -> "exceptions: " + result.exceptions());
        assertEquals(List.of(), result.errors());
        assertTrue(mocks.types.stream().anyMatch(t -> t.equals("aws:codepipeline/pipeline:Pipeline")), mocks.types::toString);
        assertTrue(mocks.types.stream().filter(t -> t.startsWith("aws:")).count() > 30, mocks.types::toString);
        if (stack.equals("secondary") && !preview) {
            // even when the engine reports nothing but ids, the trail and its bucket policy name the same bucket
            Object trailBucket = mocks.inputsByName.get("aws:cloudtrail/trail:Trail multiregion-trigger-trail").get("s3BucketName");
            Object policyBucket = mocks.inputsByName.get("aws:s3/bucketPolicy:BucketPolicy multiregion-trigger-trail-logs-policy")
                    .get("bucket");
            assertEquals("multiregion-trigger-trail-logs_id", trailBucket);
            assertEquals(trailBucket, policyBucket);
        }
    }
}
