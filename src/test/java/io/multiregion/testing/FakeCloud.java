package io.multiregion.testing;

import com.pulumi.test.Mocks;
import io.multiregion.plan.FakeInvokes;
import io.multiregion.regions.AwsRegion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mock engine backend that records every registration and answers like AWS would: auto-names with a
 * random-looking suffix and ARNs in the provider's region and partition.
 */
public final class FakeCloud implements Mocks {
    public static final String ACCOUNT = FakeInvokes.ACCOUNT;

    private final List<Registered> registered = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> providerRegions = new ConcurrentHashMap<>();
    private final Map<String, Object> primaryOutputs;

    /** @param primaryOutputs what a StackReference to the primary stack returns as its outputs */
    public FakeCloud(Map<String, Object> primaryOutputs) {
        this.primaryOutputs = primaryOutputs;
    }

    public List<Registered> registered() {
        synchronized (registered) {
            return List.copyOf(registered);
        }
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> inputs = args.inputs == null ? Map.of() : args.inputs;
        String id = args.name + "-id";
        if (args.type.equals("pulumi:providers:aws")) {
            providerRegions.put(id, String.valueOf(inputs.get("region")));
            registered.add(new Registered(args.type, args.name, inputs, null));
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), inputs));
        }
        if (args.type.equals("pulumi:pulumi:StackReference")) {
            registered.add(new Registered(args.type, args.name, inputs, null));
            Map<String, Object> state = new HashMap<>();
            state.put("name", args.name);
            state.put("outputs", primaryOutputs);
            state.put("secretOutputNames", List.of());
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name), state));
        }
        String region = regionOf(args.provider);
        registered.add(new Registered(args.type, args.name, inputs, region));
        Map<String, Object> state = state(args, inputs, region);
        // as in AWS: a bucket's id is its name, a key's id its key id, a default-bus rule's id its name
        String resourceId = switch (args.type) {
            case "aws:s3/bucketV2:BucketV2" -> String.valueOf(state.get("bucket"));
            case "aws:kms/key:Key" -> String.valueOf(state.get("keyId"));
            case "aws:cloudwatch/eventRule:EventRule" -> String.valueOf(state.get("name"));
            case "aws:rds/cluster:Cluster" -> String.valueOf(inputs.get("clusterIdentifier"));
            case "aws:rds/globalCluster:GlobalCluster" -> String.valueOf(inputs.get("globalClusterIdentifier"));
            default -> id;
        };
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(resourceId), state));
    }

    private String regionOf(String providerRef) {
        if (providerRef == null || providerRef.isEmpty()) {
            return null;
        }
        String id = providerRef.substring(providerRef.lastIndexOf("::") + 2);
        return providerRegions.getOrDefault(id, "<default provider>");
    }

    private static Map<String, Object> state(ResourceArgs args, Map<String, Object> inputs, String region) {
        Map<String, Object> state = new HashMap<>(inputs);
        String partition = AwsRegion.parse(region).map(AwsRegion::partition).orElse("aws");
        String physical = inputs.get("name") instanceof String n ? n : args.name + "-a1b2c3d";
        String prefix = "arn:" + partition + ":";
        switch (args.type) {
            case "aws:s3/bucketV2:BucketV2" -> {
                state.put("bucket", physical);
                state.put("arn", prefix + "s3:::" + physical);
            }
            case "aws:kms/key:Key" -> {
                state.put("keyId", args.name + "-0000-1111");
                state.put("arn", prefix + "kms:" + region + ":" + ACCOUNT + ":key/" + args.name + "-0000-1111");
            }
            case "aws:iam/role:Role" -> {
                state.put("name", physical);
                state.put("arn", prefix + "iam::" + ACCOUNT + ":role/" + physical);
            }
            case "aws:codepipeline/pipeline:Pipeline" -> {
                state.put("name", physical);
                state.put("arn", prefix + "codepipeline:" + region + ":" + ACCOUNT + ":" + physical);
            }
            case "aws:codebuild/project:Project" -> {
                state.put("name", physical);
                state.put("arn", prefix + "codebuild:" + region + ":" + ACCOUNT + ":project/" + physical);
            }
            case "aws:cloudwatch/logGroup:LogGroup" -> {
                state.put("name", physical);
                state.put("arn", prefix + "logs:" + region + ":" + ACCOUNT + ":log-group:" + physical);
            }
            case "aws:cloudwatch/eventRule:EventRule" -> {
                state.put("name", physical);
                state.put("arn", prefix + "events:" + region + ":" + ACCOUNT + ":rule/" + physical);
            }
            case "aws:codestarconnections/connection:Connection" ->
                    state.put("arn", prefix + "codeconnections:" + region + ":" + ACCOUNT
                            + ":connection/0b0b0b0b-1111-2222-3333-444444444444");
            case "aws:secretsmanager/secret:Secret" -> state.put("arn", prefix + "secretsmanager:" + region + ":" + ACCOUNT
                    + ":secret:" + physical + "-AbCdEf");
            case "aws:ecr/repository:Repository" -> {
                state.put("arn", prefix + "ecr:" + region + ":" + ACCOUNT + ":repository/" + physical);
                state.put("repositoryUrl", ACCOUNT + ".dkr.ecr." + region + ".amazonaws.com/" + physical);
            }
            case "aws:rds/globalCluster:GlobalCluster" -> {
                state.put("arn", prefix + "rds::" + ACCOUNT + ":global-cluster:" + inputs.get("globalClusterIdentifier"));
                state.put("endpoint", inputs.get("globalClusterIdentifier") + ".global-abc123.global.rds.amazonaws.com");
            }
            case "aws:rds/cluster:Cluster" -> {
                state.put("arn", prefix + "rds:" + region + ":" + ACCOUNT + ":cluster:" + inputs.get("clusterIdentifier"));
                state.put("endpoint", inputs.get("clusterIdentifier") + ".cluster-abc123." + region + ".rds.amazonaws.com");
                state.put("readerEndpoint", inputs.get("clusterIdentifier") + ".cluster-ro-abc123." + region + ".rds.amazonaws.com");
            }
            case "aws:cloudtrail/trail:Trail" ->
                    state.put("arn", prefix + "cloudtrail:" + region + ":" + ACCOUNT + ":trail/" + physical);
            default -> state.putIfAbsent("arn", prefix + args.type.replaceAll("[:/]", "-") + ":" + region + ":"
                    + ACCOUNT + ":" + args.name);
        }
        return state;
    }

    /** Data sources answer as the offline plan's do ({@link FakeInvokes}), for the provider's region. */
    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        return CompletableFuture.completedFuture(FakeInvokes.answer(args.token, regionOf(args.provider)).orElse(Map.of()));
    }
}
