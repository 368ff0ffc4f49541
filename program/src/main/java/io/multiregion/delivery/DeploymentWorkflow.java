package io.multiregion.delivery;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.multiregion.config.TriggerMode;
import io.multiregion.regions.AwsRegion;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pipeline-free delivery, as pure functions of the names involved (tested without the engine): what the trigger's
 * EventBridge target passes to the state machine, taken from the event itself, and the state machine that deploys
 * exactly that object version with CodeDeploy.
 *
 * <p>The state machine (Amazon States Language, JSONPath):
 * <ol>
 *   <li>{@code ReadCurrentVersion}: HeadObject on the release key. A version that is no longer the newest ends the
 *       execution ({@code Superseded}): a newer release arrived, and its own event deploys it, so releases are never
 *       deployed out of order.</li>
 *   <li>{@code CreateDeployment}: CodeDeploy's CreateDeployment for B's deployment group with the S3 revision
 *       {bucket, key, version, bundle type zip, and the ETag where the event carries it}. CodeDeploy runs one deployment
 *       per group at a time and refuses another with {@code DeploymentLimitExceededException} (CodeDeploy API
 *       Reference, CreateDeployment errors); the execution then waits a minute and starts over at step 1, so releases
 *       queue as a QUEUED pipeline's executions do.</li>
 *   <li>{@code ReadDeployment} every 30 seconds until CodeDeploy reports {@code Succeeded}, or {@code Failed} or
 *       {@code Stopped}, which fail the execution ({@code DeploymentFailed}): a failed release is a failed execution,
 *       visible in the console, in {@code ListExecutions} and in the {@code ExecutionsFailed} metric.</li>
 * </ol>
 * Errors of an AWS SDK integration are named {@code <Service>.<ErrorName>} with the {@code Exception} suffix (Step
 * Functions Developer Guide, "AWS SDK service integrations").
 */
public final class DeploymentWorkflow {
    private DeploymentWorkflow() {
    }

    /** How long one execution may take, waiting for running deployments included: six hours. */
    public static final int TIMEOUT_SECONDS = 6 * 60 * 60;
    /** Wait between two attempts while another deployment runs in the group. */
    public static final int BUSY_WAIT_SECONDS = 60;
    /** Wait between two reads of the deployment's status. */
    public static final int POLL_SECONDS = 30;
    /** The error a busy deployment group answers CreateDeployment with, as Step Functions names it. */
    public static final String GROUP_BUSY = "CodeDeploy.DeploymentLimitExceededException";
    /** The field of the execution input that holds the release object. */
    public static final String INPUT = "release";

    /**
     * The EventBridge input paths that pick the release object out of the trigger's event (dot notation, as
     * EventBridge requires: EventBridge API Reference, InputTransformer): bucket, key and version id, and the ETag
     * where the event has one.
     * <ul>
     *   <li>{@code cloudtrail}: the API call's {@code requestParameters} and the version id S3 answered
     *       ({@code responseElements.x-amz-version-id}); CloudTrail records no ETag for PutObject.</li>
     *   <li>{@code eventbridge}: S3's Object Created {@code detail.bucket} and {@code detail.object} (S3 User Guide,
     *       "EventBridge event message structure").</li>
     * </ul>
     */
    public static Map<String, String> inputPaths(TriggerMode mode) {
        Map<String, String> paths = new LinkedHashMap<>();
        if (mode == TriggerMode.CLOUDTRAIL) {
            paths.put("bucket", "$.detail.requestParameters.bucketName");
            paths.put("key", "$.detail.requestParameters.key");
            paths.put("versionId", "$.detail.responseElements.x-amz-version-id");
        } else {
            paths.put("bucket", "$.detail.bucket.name");
            paths.put("key", "$.detail.object.key");
            paths.put("versionId", "$.detail.object.version-id");
            paths.put("etag", "$.detail.object.etag");
        }
        return paths;
    }

    /**
     * The execution input EventBridge builds from those paths: {@code {"release": {"bucket": "<bucket>", ...}}}, each
     * placeholder inside quotes, so that EventBridge inserts the value as a JSON string.
     */
    public static String inputTemplate(TriggerMode mode) {
        JsonObject release = new JsonObject();
        inputPaths(mode).keySet().forEach(field -> release.addProperty(field, "<" + field + ">"));
        JsonObject input = new JsonObject();
        input.add(INPUT, release);
        return input.toString();
    }

    /**
     * The state machine's definition.
     *
     * @param region           the state machine's region (the partition of the integrations' ARNs)
     * @param application      B's CodeDeploy application
     * @param deploymentGroup  B's deployment group
     * @param deploymentConfig the deployment configuration
     * @param mode             the trigger mode (whether the input carries an ETag)
     */
    public static String definition(AwsRegion region, String application, String deploymentGroup,
                                    String deploymentConfig, TriggerMode mode) {
        String sdk = "arn:" + region.partition() + ":states:::aws-sdk:";
        String in = "$." + INPUT + ".";
        JsonObject states = new JsonObject();

        JsonObject head = task(sdk + "s3:headObject", "StillCurrent");
        JsonObject headParameters = new JsonObject();
        headParameters.addProperty("Bucket.$", in + "bucket");
        headParameters.addProperty("Key.$", in + "key");
        head.add("Parameters", headParameters);
        head.add("ResultSelector", selector("versionId.$", "$.VersionId"));
        head.addProperty("ResultPath", "$.current");
        states.add("ReadCurrentVersion", head);

        JsonObject current = new JsonObject();
        current.addProperty("Type", "Choice");
        JsonObject same = new JsonObject();
        same.addProperty("Variable", "$.current.versionId");
        same.addProperty("StringEqualsPath", in + "versionId");
        same.addProperty("Next", "CreateDeployment");
        current.add("Choices", array(same));
        current.addProperty("Default", "Superseded");
        states.add("StillCurrent", current);

        JsonObject superseded = new JsonObject();
        superseded.addProperty("Type", "Succeed");
        superseded.addProperty("Comment", "A newer release arrived in the meantime; its own execution deploys it.");
        states.add("Superseded", superseded);

        JsonObject location = new JsonObject();
        location.addProperty("Bucket.$", in + "bucket");
        location.addProperty("Key.$", in + "key");
        location.addProperty("Version.$", in + "versionId");
        location.addProperty("BundleType", "zip");
        if (inputPaths(mode).containsKey("etag")) {
            location.addProperty("ETag.$", in + "etag");
        }
        JsonObject revision = new JsonObject();
        revision.addProperty("RevisionType", "S3");
        revision.add("S3Location", location);
        JsonObject createParameters = new JsonObject();
        createParameters.addProperty("ApplicationName", application);
        createParameters.addProperty("DeploymentGroupName", deploymentGroup);
        createParameters.addProperty("DeploymentConfigName", deploymentConfig);
        createParameters.add("Revision", revision);
        JsonObject create = task(sdk + "codedeploy:createDeployment", "WaitForDeployment");
        create.add("Parameters", createParameters);
        create.add("ResultSelector", selector("deploymentId.$", "$.DeploymentId"));
        create.addProperty("ResultPath", "$.deployment");
        JsonObject busy = new JsonObject();
        busy.add("ErrorEquals", array(GROUP_BUSY));
        busy.addProperty("ResultPath", "$.busy");
        busy.addProperty("Next", "WaitForRunningDeployment");
        create.add("Catch", array(busy));
        states.add("CreateDeployment", create);

        states.add("WaitForRunningDeployment", waitFor(BUSY_WAIT_SECONDS, "ReadCurrentVersion"));
        states.add("WaitForDeployment", waitFor(POLL_SECONDS, "ReadDeployment"));

        JsonObject read = task(sdk + "codedeploy:getDeployment", "Finished");
        JsonObject readParameters = new JsonObject();
        readParameters.addProperty("DeploymentId.$", "$.deployment.deploymentId");
        read.add("Parameters", readParameters);
        read.add("ResultSelector", selector("status.$", "$.DeploymentInfo.Status"));
        read.addProperty("ResultPath", "$.status");
        states.add("ReadDeployment", read);

        JsonObject finished = new JsonObject();
        finished.addProperty("Type", "Choice");
        JsonArray choices = new JsonArray();
        choices.add(statusIs("Succeeded", "Deployed"));
        choices.add(statusIs("Failed", "DeploymentFailed"));
        choices.add(statusIs("Stopped", "DeploymentFailed"));
        finished.add("Choices", choices);
        finished.addProperty("Default", "WaitForDeployment");
        states.add("Finished", finished);

        JsonObject deployed = new JsonObject();
        deployed.addProperty("Type", "Succeed");
        states.add("Deployed", deployed);
        JsonObject failed = new JsonObject();
        failed.addProperty("Type", "Fail");
        failed.addProperty("Error", "DeploymentFailed");
        failed.addProperty("Cause", "CodeDeploy reported the deployment Failed or Stopped; the deployment group rolls "
                + "back to the last good release");
        states.add("DeploymentFailed", failed);

        JsonObject machine = new JsonObject();
        machine.addProperty("Comment", "Deploys the release version that arrived in the replica bucket with CodeDeploy, "
                + "one deployment at a time");
        machine.addProperty("StartAt", "ReadCurrentVersion");
        machine.addProperty("TimeoutSeconds", TIMEOUT_SECONDS);
        machine.add("States", states);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(machine);
    }

    private static JsonObject task(String resource, String next) {
        JsonObject task = new JsonObject();
        task.addProperty("Type", "Task");
        task.addProperty("Resource", resource);
        task.addProperty("Next", next);
        return task;
    }

    private static JsonObject selector(String field, String path) {
        JsonObject selector = new JsonObject();
        selector.addProperty(field, path);
        return selector;
    }

    private static JsonObject waitFor(int seconds, String next) {
        JsonObject wait = new JsonObject();
        wait.addProperty("Type", "Wait");
        wait.addProperty("Seconds", seconds);
        wait.addProperty("Next", next);
        return wait;
    }

    private static JsonObject statusIs(String status, String next) {
        JsonObject choice = new JsonObject();
        choice.addProperty("Variable", "$.status.status");
        choice.addProperty("StringEquals", status);
        choice.addProperty("Next", next);
        return choice;
    }

    private static JsonArray array(Object... items) {
        JsonArray array = new JsonArray();
        for (Object item : items) {
            if (item instanceof JsonObject o) {
                array.add(o);
            } else {
                array.add(String.valueOf(item));
            }
        }
        return array;
    }
}
