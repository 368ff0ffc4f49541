package io.multiregion.operations;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.multiregion.regions.AwsRegion;

import java.util.List;
import java.util.Optional;

/**
 * The EventBridge patterns of the operational events: a failed pipeline run or deployment, the events one region
 * forwards to the other, and the other region's events a region notifies about. Pure functions of names, so they can
 * be matched against sample events without the engine (event names and fields: EventBridge User Guide, "Amazon
 * EventBridge events reference" for CloudWatch, CodePipeline, CodeDeploy and AWS Health).
 *
 * <p>Every pattern a region forwards names its own region in the {@code region} field: an event sent to another
 * region's bus keeps the region it happened in, so the receiving region's forwarding rule never matches it and no
 * event travels back and forth.
 */
public final class OperationsPatterns {
    private OperationsPatterns() {
    }

    public static final String ALARM_STATE_CHANGE = "CloudWatch Alarm State Change";
    public static final String PIPELINE_EXECUTION = "CodePipeline Pipeline Execution State Change";
    public static final String DEPLOYMENT = "CodeDeploy Deployment State-change Notification";
    /** A pipeline execution that failed, as CodePipeline names the state. */
    public static final String PIPELINE_FAILED = "FAILED";
    /** A deployment that failed, as CodeDeploy names the state. */
    public static final String DEPLOYMENT_FAILED = "FAILURE";

    /** What a region watches of its own delivery: its pipeline (where it has one) and its CodeDeploy application. */
    public record Delivery(Optional<String> pipeline, String application) {
    }

    /**
     * A failed run of the region's pipeline or a failed deployment of its application: the "failed pipeline or
     * deployment" notification, in every delivery mode (a region without a pipeline has its deployments).
     */
    public static String deliveryFailed(AwsRegion region, Delivery delivery) {
        return delivery(region, delivery, true).toString();
    }

    /** Every state change of the region's pipeline runs and deployments: forwarded, and counted on the dashboard. */
    public static String deliveryRuns(AwsRegion region, Delivery delivery) {
        return delivery(region, delivery, false).toString();
    }

    /**
     * State changes of this stack's alarms (their names start with {@code alarmPrefix}) and AWS Health events, both in
     * {@code region}: what a region forwards to the other.
     */
    public static String operations(AwsRegion region, String alarmPrefix) {
        JsonObject alarms = new JsonObject();
        alarms.add("source", array("aws.cloudwatch"));
        alarms.add("detail-type", array(ALARM_STATE_CHANGE));
        JsonObject prefix = new JsonObject();
        prefix.addProperty("prefix", alarmPrefix);
        JsonArray names = new JsonArray();
        names.add(prefix);
        JsonObject detail = new JsonObject();
        detail.add("alarmName", names);
        alarms.add("detail", detail);
        JsonObject health = new JsonObject();
        health.add("source", array("aws.health"));
        JsonArray any = new JsonArray();
        any.add(alarms);
        any.add(health);
        JsonObject pattern = new JsonObject();
        pattern.add("region", array(region.code()));
        pattern.add("$or", any);
        return pattern.toString();
    }

    /**
     * What a region tells its own people about the other region: events that arrived from {@code other}'s
     * forwarding rules and need attention there: an alarm going into ALARM, a failed run or deployment, an AWS
     * Health event.
     */
    public static String fromOtherRegion(AwsRegion other) {
        JsonObject alarm = new JsonObject();
        alarm.add("source", array("aws.cloudwatch"));
        alarm.add("detail-type", array(ALARM_STATE_CHANGE));
        JsonObject state = new JsonObject();
        state.add("value", array("ALARM"));
        JsonObject alarmDetail = new JsonObject();
        alarmDetail.add("state", state);
        alarm.add("detail", alarmDetail);
        JsonObject pipeline = new JsonObject();
        pipeline.add("source", array("aws.codepipeline"));
        pipeline.add("detail-type", array(PIPELINE_EXECUTION));
        JsonObject pipelineDetail = new JsonObject();
        pipelineDetail.add("state", array(PIPELINE_FAILED));
        pipeline.add("detail", pipelineDetail);
        JsonObject deployment = new JsonObject();
        deployment.add("source", array("aws.codedeploy"));
        deployment.add("detail-type", array(DEPLOYMENT));
        JsonObject deploymentDetail = new JsonObject();
        deploymentDetail.add("state", array(DEPLOYMENT_FAILED));
        deployment.add("detail", deploymentDetail);
        JsonObject health = new JsonObject();
        health.add("source", array("aws.health"));
        JsonArray any = new JsonArray();
        List.of(alarm, pipeline, deployment, health).forEach(any::add);
        JsonObject pattern = new JsonObject();
        pattern.add("region", array(other.code()));
        pattern.add("$or", any);
        return pattern.toString();
    }

    private static JsonObject delivery(AwsRegion region, Delivery delivery, boolean failedOnly) {
        JsonObject deployment = new JsonObject();
        deployment.add("source", array("aws.codedeploy"));
        deployment.add("detail-type", array(DEPLOYMENT));
        JsonObject deploymentDetail = new JsonObject();
        deploymentDetail.add("application", array(delivery.application()));
        if (failedOnly) {
            deploymentDetail.add("state", array(DEPLOYMENT_FAILED));
        }
        deployment.add("detail", deploymentDetail);
        JsonObject pattern = new JsonObject();
        pattern.add("region", array(region.code()));
        if (delivery.pipeline().isEmpty()) {
            deployment.entrySet().forEach(e -> pattern.add(e.getKey(), e.getValue()));
            return pattern;
        }
        JsonObject pipeline = new JsonObject();
        pipeline.add("source", array("aws.codepipeline"));
        pipeline.add("detail-type", array(PIPELINE_EXECUTION));
        JsonObject pipelineDetail = new JsonObject();
        pipelineDetail.add("pipeline", array(delivery.pipeline().orElseThrow()));
        if (failedOnly) {
            pipelineDetail.add("state", array(PIPELINE_FAILED));
        }
        pipeline.add("detail", pipelineDetail);
        JsonArray any = new JsonArray();
        any.add(pipeline);
        any.add(deployment);
        pattern.add("$or", any);
        return pattern;
    }

    private static JsonArray array(String... values) {
        JsonArray a = new JsonArray();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }
}
