package io.multiregion.delivery;

import com.google.gson.JsonParser;
import io.multiregion.testing.ProgramRun;
import io.multiregion.stacks.StackContract;
import io.multiregion.testing.Samples;
import io.multiregion.testing.Registered;
import io.multiregion.testing.StackFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.event.ruler.Machine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trigger patterns, matched with AWS's own EventBridge matcher (event-ruler) against realistic events
 * (full EventBridge envelopes in {@code src/test/resources/events/}): the pure {@link EventPatterns} and the
 * patterns the secondary stack actually registers, in both trigger modes.
 */
/* The SDK's mock deployment is a process-wide static: never run alongside other tests. */
@Isolated
class EventPatternMatchingTest {

    private static final String REGION = "eu-central-1";
    private static final String BUCKET = "multiregion-release-replica-a1b2c3d";
    private static final String KEY = "releases/app.zip";
    /** The source bucket in A: same key, other bucket. */
    private static final String OTHER_BUCKET = "multiregion-release-a1b2c3d";

    /** Where a pattern comes from. */
    enum PatternSource {
        CLOUDTRAIL_FUNCTION("EventPatterns.cloudTrailWrite", "cloudtrail"),
        CLOUDTRAIL_PROGRAM("rule registered by the secondary stack, trigger cloudtrail", "cloudtrail"),
        EVENTBRIDGE_FUNCTION("EventPatterns.objectCreated", "eventbridge"),
        EVENTBRIDGE_PROGRAM("rule registered by the secondary stack, trigger eventbridge", "eventbridge");

        final String description;
        final String mode;

        PatternSource(String description, String mode) {
            this.description = description;
            this.mode = mode;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** A sample event: a template file with bucket, key and region filled in, plus literal replacements. */
    record Sample(String description, String file, String bucket, String key, Map<String, String> replacements) {

        static Sample of(String description, String file, String bucket, String key) {
            return new Sample(description, file, bucket, key, Map.of());
        }

        String json() {
            String text = resource("/events/" + file)
                    .replace("${bucket}", bucket)
                    .replace("${key}", key)
                    .replace("${region}", REGION);
            for (Map.Entry<String, String> replacement : replacements.entrySet()) {
                assertTrue(text.contains(replacement.getKey()), () -> file + " has no " + replacement.getKey());
                text = text.replace(replacement.getKey(), replacement.getValue());
            }
            return text;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private static final Map<PatternSource, String> PATTERNS = new EnumMap<>(PatternSource.class);

    @BeforeAll
    static void patterns() {
        PATTERNS.put(PatternSource.CLOUDTRAIL_FUNCTION, EventPatterns.cloudTrailWrite(BUCKET, KEY));
        PATTERNS.put(PatternSource.EVENTBRIDGE_FUNCTION, EventPatterns.objectCreated(BUCKET, KEY));
        PATTERNS.put(PatternSource.CLOUDTRAIL_PROGRAM, registeredPattern("cloudtrail"));
        PATTERNS.put(PatternSource.EVENTBRIDGE_PROGRAM, registeredPattern("eventbridge"));
    }

    private static String registeredPattern(String trigger) {
        Map<String, String> config = new HashMap<>(StackFiles.config("secondary"));
        config.put("multiregion:trigger", trigger);
        ProgramRun run = ProgramRun.with("secondary", config, primaryOutputs());
        assertFalse(run.failed(), run::errors);
        Registered rule = triggerRule(run);
        assertEquals(REGION, rule.providerRegion(), "the rule lives in B");
        String pattern = rule.text("eventPattern");
        assertNotNull(pattern, "the rule has an event pattern");
        return pattern;
    }

    private static Map<String, Object> primaryOutputs() {
        Map<String, Object> outputs = new java.util.HashMap<>(Samples.primaryOutputs());
        outputs.put(StackContract.Value.REPLICA_BUCKET.key(), BUCKET);
        outputs.put(StackContract.Value.REPLICA_BUCKET_ARN.key(), "arn:aws:s3:::" + BUCKET);
        outputs.put(StackContract.Value.ARTIFACT_KEY.key(), KEY);
        return outputs;
    }


    private static String resource(String path) {
        try (InputStream in = EventPatternMatchingTest.class.getResourceAsStream(path)) {
            assertNotNull(in, "missing test resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean matches(String pattern, String event) {
        Machine machine = Machine.builder().build();
        try {
            machine.addRule("start-release-pipeline", pattern);
        } catch (IOException e) {
            throw new AssertionError("event-ruler rejects the pattern " + pattern, e);
        }
        try {
            return machine.rulesForJSONEvent(event).contains("start-release-pipeline");
        } catch (Exception e) {
            throw new AssertionError("event-ruler cannot read the sample event " + event, e);
        }
    }

    static List<Arguments> cloudTrailSamples() {
        return List.of(
                Arguments.of(Sample.of("PutObject of the release", "cloudtrail-put-object.json", BUCKET, KEY), true),
                Arguments.of(Sample.of("CopyObject onto the release", "cloudtrail-copy-object.json", BUCKET, KEY), true),
                Arguments.of(Sample.of("CompleteMultipartUpload of the release",
                        "cloudtrail-complete-multipart-upload.json", BUCKET, KEY), true),
                Arguments.of(Sample.of("PutObject of another key", "cloudtrail-put-object.json", BUCKET,
                        "releases/app-previous.zip"), false),
                Arguments.of(Sample.of("PutObject of a key extending the release key", "cloudtrail-put-object.json", BUCKET,
                        KEY + ".sha256"), false),
                Arguments.of(Sample.of("PutObject of the key in upper case", "cloudtrail-put-object.json", BUCKET,
                        "releases/APP.zip"), false),
                Arguments.of(Sample.of("CopyObject of another key", "cloudtrail-copy-object.json", BUCKET,
                        "staging/app.zip"), false),
                Arguments.of(Sample.of("PutObject into another bucket", "cloudtrail-put-object.json", OTHER_BUCKET, KEY), false),
                Arguments.of(Sample.of("CompleteMultipartUpload into another bucket",
                        "cloudtrail-complete-multipart-upload.json", OTHER_BUCKET, KEY), false),
                Arguments.of(Sample.of("GetObject of the release (read)", "cloudtrail-get-object.json", BUCKET, KEY), false),
                Arguments.of(Sample.of("denied PutObject of the release (errorCode AccessDenied)",
                        "cloudtrail-put-object-denied.json", BUCKET, KEY), false),
                Arguments.of(new Sample("failed CompleteMultipartUpload of the release (errorCode NoSuchUpload)",
                        "cloudtrail-complete-multipart-upload.json", BUCKET, KEY,
                        Map.of("\"eventName\": \"CompleteMultipartUpload\",",
                                "\"eventName\": \"CompleteMultipartUpload\", \"errorCode\": \"NoSuchUpload\",")), false),
                Arguments.of(Sample.of("DeleteObject of the release", "cloudtrail-delete-object.json", BUCKET, KEY), false),
                Arguments.of(Sample.of("same PutObject detail from a custom source",
                        "custom-source-put-object.json", BUCKET, KEY), false),
                Arguments.of(new Sample("PutObject recorded by another service", "cloudtrail-put-object.json", BUCKET, KEY,
                        Map.of("\"eventSource\": \"s3.amazonaws.com\"", "\"eventSource\": \"s3-outposts.amazonaws.com\"")),
                        false),
                Arguments.of(Sample.of("S3 Object Created of the release (other mode)", "s3-object-created.json", BUCKET, KEY),
                        false));
    }

    static List<Arguments> objectCreatedSamples() {
        return List.of(
                Arguments.of(Sample.of("Object Created by PutObject of the release", "s3-object-created.json", BUCKET, KEY),
                        true),
                Arguments.of(new Sample("Object Created by CompleteMultipartUpload of the release", "s3-object-created.json",
                        BUCKET, KEY, Map.of("\"reason\": \"PutObject\"", "\"reason\": \"CompleteMultipartUpload\"")), true),
                Arguments.of(new Sample("Object Created by CopyObject of the release", "s3-object-created.json",
                        BUCKET, KEY, Map.of("\"reason\": \"PutObject\"", "\"reason\": \"CopyObject\"")), true),
                Arguments.of(Sample.of("Object Created of another key", "s3-object-created.json", BUCKET,
                        "releases/app-previous.zip"), false),
                Arguments.of(Sample.of("Object Created of a key extending the release key", "s3-object-created.json", BUCKET,
                        KEY + ".sha256"), false),
                Arguments.of(Sample.of("Object Created in another bucket", "s3-object-created.json", OTHER_BUCKET, KEY),
                        false),
                Arguments.of(Sample.of("Object Deleted of the release", "s3-object-deleted.json", BUCKET, KEY), false),
                Arguments.of(new Sample("Object Created from a custom source", "s3-object-created.json", BUCKET, KEY,
                        Map.of("\"source\": \"aws.s3\"", "\"source\": \"com.acme.release\"")), false),
                Arguments.of(Sample.of("CloudTrail PutObject of the release (other mode)", "cloudtrail-put-object.json",
                        BUCKET, KEY), false));
    }

    static Stream<Arguments> cloudTrailCases() {
        return Stream.of(PatternSource.CLOUDTRAIL_FUNCTION, PatternSource.CLOUDTRAIL_PROGRAM)
                .flatMap(source -> cloudTrailSamples().stream()
                        .map(sample -> Arguments.of(source, sample.get()[0], sample.get()[1])));
    }

    static Stream<Arguments> objectCreatedCases() {
        return Stream.of(PatternSource.EVENTBRIDGE_FUNCTION, PatternSource.EVENTBRIDGE_PROGRAM)
                .flatMap(source -> objectCreatedSamples().stream()
                        .map(sample -> Arguments.of(source, sample.get()[0], sample.get()[1])));
    }

    @ParameterizedTest(name = "{0}: {1} -> match {2}")
    @MethodSource("cloudTrailCases")
    @DisplayName("cloudtrail mode: only writes of the replica key in the replica bucket start the pipeline")
    void cloudTrailMode(PatternSource source, Sample sample, boolean expected) {
        String pattern = PATTERNS.get(source);
        assertEquals(expected, matches(pattern, sample.json()),
                () -> (expected ? "must match: " : "must not match: ") + sample + "\npattern: " + pattern);
    }

    @ParameterizedTest(name = "{0}: {1} -> match {2}")
    @MethodSource("objectCreatedCases")
    @DisplayName("eventbridge mode: only Object Created of the replica key in the replica bucket starts the pipeline")
    void eventBridgeMode(PatternSource source, Sample sample, boolean expected) {
        String pattern = PATTERNS.get(source);
        assertEquals(expected, matches(pattern, sample.json()),
                () -> (expected ? "must match: " : "must not match: ") + sample + "\npattern: " + pattern);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = PatternSource.class, names = {"CLOUDTRAIL_PROGRAM", "EVENTBRIDGE_PROGRAM"})
    @DisplayName("the registered pattern is exactly the documented one for the primary's replica bucket and key")
    void registeredEqualsFunction(PatternSource source) {
        String expected = source.mode.equals("cloudtrail")
                ? EventPatterns.cloudTrailWrite(BUCKET, KEY) : EventPatterns.objectCreated(BUCKET, KEY);
        assertEquals(JsonParser.parseString(expected), JsonParser.parseString(PATTERNS.get(source)));
    }

    @Test
    @DisplayName("the CloudTrail pattern lists exactly the three object-creating API calls")
    void writeEvents() {
        assertEquals(List.of("PutObject", "CopyObject", "CompleteMultipartUpload"), EventPatterns.WRITE_EVENTS);
        var detail = JsonParser.parseString(EventPatterns.cloudTrailWrite(BUCKET, KEY)).getAsJsonObject()
                .getAsJsonObject("detail");
        assertEquals(3, detail.getAsJsonArray("eventName").size());
        assertEquals("s3.amazonaws.com", detail.getAsJsonArray("eventSource").get(0).getAsString());
    }

    @Test
    @DisplayName("bucket and key are escaped as JSON values, never spliced into the pattern text")
    void keysAreJsonValues() {
        String key = "releases/\"quoted\"\\app.zip";
        String pattern = EventPatterns.cloudTrailWrite(BUCKET, key);
        assertEquals(key, JsonParser.parseString(pattern).getAsJsonObject().getAsJsonObject("detail")
                .getAsJsonObject("requestParameters").getAsJsonArray("key").get(0).getAsString());
    }

    /** The trigger's rule: the one rule of the trigger component (the stack's operations have rules of their own). */
    private static Registered triggerRule(ProgramRun run) {
        List<Registered> rules = run.where(r -> r.type().equals("aws:cloudwatch/eventRule:EventRule")
                && r.name().startsWith("multiregion-trigger"));
        assertEquals(1, rules.size(), "the trigger's rules: " + rules);
        return rules.get(0);
    }
}
