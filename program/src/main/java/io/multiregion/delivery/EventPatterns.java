package io.multiregion.delivery;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.List;

/**
 * The EventBridge patterns that start B's pipeline when a new version of the replica object appears.
 * Pure functions of bucket and key, so they can be matched against sample events without the engine.
 */
public final class EventPatterns {
    private EventPatterns() {
    }

    /** API calls that create an object version, as CloudTrail names them. */
    public static final List<String> WRITE_EVENTS = List.of("PutObject", "CopyObject", "CompleteMultipartUpload");

    /**
     * {@code cloudtrail} mode: the successful S3 data event delivered through CloudTrail (EventBridge User Guide,
     * "AWS service events delivered via AWS CloudTrail"; "exists" matching in "Content filtering in Amazon
     * EventBridge event patterns").
     */
    public static String cloudTrailWrite(String bucket, String key) {
        JsonObject requestParameters = new JsonObject();
        requestParameters.add("bucketName", array(bucket));
        requestParameters.add("key", array(key));
        JsonObject detail = new JsonObject();
        detail.add("eventSource", array("s3.amazonaws.com"));
        detail.add("eventName", array(WRITE_EVENTS.toArray(new String[0])));
        detail.add("requestParameters", requestParameters);
        // Successful calls only: CloudTrail records a denied or failed call with an errorCode, and such a write
        // created no new version, so it must not start the pipeline on the old object
        // (aws-solutions/aws-control-tower-customizations#228 is the same bug).
        JsonObject absent = new JsonObject();
        absent.addProperty("exists", false);
        JsonArray noError = new JsonArray();
        noError.add(absent);
        detail.add("errorCode", noError);
        JsonObject pattern = new JsonObject();
        pattern.add("source", array("aws.s3"));
        pattern.add("detail-type", array("AWS API Call via CloudTrail"));
        pattern.add("detail", detail);
        return pattern.toString();
    }

    /**
     * {@code eventbridge} mode: S3's own Object Created event (S3 User Guide, "Using EventBridge";
     * EventBridge event reference for Amazon S3).
     */
    public static String objectCreated(String bucket, String key) {
        JsonObject bucketMatch = new JsonObject();
        bucketMatch.add("name", array(bucket));
        JsonObject objectMatch = new JsonObject();
        objectMatch.add("key", array(key));
        JsonObject detail = new JsonObject();
        detail.add("bucket", bucketMatch);
        detail.add("object", objectMatch);
        JsonObject pattern = new JsonObject();
        pattern.add("source", array("aws.s3"));
        pattern.add("detail-type", array("Object Created"));
        pattern.add("detail", detail);
        return pattern.toString();
    }

    private static JsonArray array(String... values) {
        JsonArray array = new JsonArray();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }
}
