package io.multiregion.operations;

import io.multiregion.regions.AwsRegion;
import io.multiregion.testing.Events;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The operational event patterns, matched with AWS's own EventBridge matcher (event-ruler) against realistic events
 * (EventBridge envelopes in {@code src/test/resources/events/}).
 */
class OperationsPatternsTest {

    private static final AwsRegion A = new AwsRegion("eu-west-1");
    private static final AwsRegion B = new AwsRegion("eu-central-1");
    private static final String APP = "multiregion-primary";
    private static final String PIPELINE = "multiregion-source-pipeline";
    private static final String PREFIX = "multiregion-primary-";
    private static final OperationsPatterns.Delivery WITH_PIPELINE =
            new OperationsPatterns.Delivery(Optional.of(PIPELINE), APP);
    private static final OperationsPatterns.Delivery DEPLOYMENTS_ONLY =
            new OperationsPatterns.Delivery(Optional.empty(), APP);

    static String event(String file, Map<String, String> values) {
        try (InputStream in = OperationsPatternsTest.class.getResourceAsStream("/events/" + file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> e : values.entrySet()) {
                text = text.replace("${" + e.getKey() + "}", e.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String alarm(AwsRegion region, String name, String state) {
        return event("cloudwatch-alarm-state-change.json", Map.of("region", region.code(), "alarm", name, "state", state));
    }

    static String deployment(AwsRegion region, String application, String state) {
        return event("codedeploy-deployment-state-change.json", Map.of("region", region.code(), "application",
                application, "state", state));
    }

    static String pipeline(AwsRegion region, String name, String state) {
        return event("codepipeline-execution-state-change.json", Map.of("region", region.code(), "pipeline", name,
                "state", state));
    }

    static String health(AwsRegion region) {
        return event("health-event.json", Map.of("region", region.code()));
    }

    static boolean matches(String pattern, String event) {
        return Events.matches(pattern, event);
    }

    static List<Arguments> deliveryFailed() {
        String withPipeline = OperationsPatterns.deliveryFailed(A, WITH_PIPELINE);
        String deploymentsOnly = OperationsPatterns.deliveryFailed(A, DEPLOYMENTS_ONLY);
        return List.of(
                Arguments.of("failed deployment", withPipeline, deployment(A, APP, "FAILURE"), true),
                Arguments.of("failed pipeline run", withPipeline, pipeline(A, PIPELINE, "FAILED"), true),
                Arguments.of("successful deployment", withPipeline, deployment(A, APP, "SUCCESS"), false),
                Arguments.of("successful run", withPipeline, pipeline(A, PIPELINE, "SUCCEEDED"), false),
                Arguments.of("another application's failure", withPipeline, deployment(A, "other-app", "FAILURE"), false),
                Arguments.of("another pipeline's failure", withPipeline, pipeline(A, "other", "FAILED"), false),
                Arguments.of("a failure in the other region", withPipeline, deployment(B, APP, "FAILURE"), false),
                Arguments.of("no pipeline: failed deployment", deploymentsOnly, deployment(A, APP, "FAILURE"), true),
                Arguments.of("no pipeline: a pipeline event", deploymentsOnly, pipeline(A, PIPELINE, "FAILED"), false));
    }

    @ParameterizedTest(name = "delivery failed: {0} -> {3}")
    @MethodSource("deliveryFailed")
    void deliveryFailedMatches(String description, String pattern, String event, boolean expected) {
        assertEquals(expected, matches(pattern, event));
    }

    static List<Arguments> forwarded() {
        String operations = OperationsPatterns.operations(A, PREFIX);
        String runs = OperationsPatterns.deliveryRuns(A, WITH_PIPELINE);
        return List.of(
                Arguments.of("this stack's alarm in A", operations, alarm(A, PREFIX + "eu-west-1-lb-5xx", "ALARM"), true),
                Arguments.of("its return to OK", operations, alarm(A, PREFIX + "eu-west-1-lb-5xx", "OK"), true),
                Arguments.of("another stack's alarm", operations, alarm(A, "someone-else-cpu", "ALARM"), false),
                Arguments.of("an AWS Health event in A", operations, health(A), true),
                // the event B forwarded to A keeps region B: A never sends it back (no loop)
                Arguments.of("B's alarm, forwarded to A", operations, alarm(B, PREFIX + "eu-central-1-lb-5xx", "ALARM"),
                        false),
                Arguments.of("B's Health event, forwarded to A", operations, health(B), false),
                Arguments.of("a pipeline run starting", runs, pipeline(A, PIPELINE, "STARTED"), true),
                Arguments.of("a deployment succeeding", runs, deployment(A, APP, "SUCCESS"), true),
                Arguments.of("B's deployment, forwarded to A", runs, deployment(B, APP, "SUCCESS"), false));
    }

    @ParameterizedTest(name = "forwarded from A: {0} -> {3}")
    @MethodSource("forwarded")
    void forwardingMatches(String description, String pattern, String event, boolean expected) {
        assertEquals(expected, matches(pattern, event));
    }

    static List<Arguments> received() {
        String fromA = OperationsPatterns.fromOtherRegion(A);
        return List.of(
                Arguments.of("A's alarm going into ALARM", fromA, alarm(A, PREFIX + "eu-west-1-failing", "ALARM"), true),
                Arguments.of("A's alarm back to OK", fromA, alarm(A, PREFIX + "eu-west-1-failing", "OK"), false),
                Arguments.of("A's failed deployment", fromA, deployment(A, APP, "FAILURE"), true),
                Arguments.of("A's failed pipeline run", fromA, pipeline(A, PIPELINE, "FAILED"), true),
                Arguments.of("A's successful run", fromA, pipeline(A, PIPELINE, "SUCCEEDED"), false),
                Arguments.of("A's Health event", fromA, health(A), true),
                Arguments.of("B's own alarm (B notifies it directly)", fromA, alarm(B, PREFIX + "x", "ALARM"), false));
    }

    @ParameterizedTest(name = "told in B about A: {0} -> {3}")
    @MethodSource("received")
    void receivingMatches(String description, String pattern, String event, boolean expected) {
        assertEquals(expected, matches(pattern, event));
    }
}
