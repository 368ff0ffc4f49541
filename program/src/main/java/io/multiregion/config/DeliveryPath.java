package io.multiregion.config;

import io.multiregion.regions.AwsRegion;
import io.multiregion.regions.RegionCapabilities;
import io.multiregion.regions.Service;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The delivery path of a region pair, chosen from what each region offers ({@link RegionCapabilities}, AWS's endpoint
 * data) and what the stack files ask for, with the reason in words. Both stacks choose it from the same regions and
 * the same values, so they agree (the secondary also checks the primary's exported mode).
 *
 * <table>
 *   <caption>The cases</caption>
 *   <tr><th>region B offers</th><th>{@code auto} picks</th><th>explicit modes that work</th></tr>
 *   <tr><td>CodePipeline and CodeBuild</td><td>bespoke</td><td>bespoke, pipeline-free, native (CodePipeline in A too)</td></tr>
 *   <tr><td>no CodePipeline or no CodeBuild</td><td>pipeline-free</td><td>pipeline-free</td></tr>
 * </table>
 * {@code auto} never picks native: a stack deployed with the former default (bespoke) keeps its mode, since a switch
 * would replace its protected release buckets. The source is a CodeConnections connection where region A offers
 * CodeConnections, else an upload by the user's CI.
 *
 * @param mode            the mode the stacks deliver in
 * @param requested       the mode {@code multiregion:delivery} names; empty for {@code auto}
 * @param reason          why this mode, in words (a stack output and the plan show it)
 * @param source          how a release enters A's pipeline
 * @param requestedSource the source {@code multiregion:source} names; empty when unset
 * @param sourceReason    why this source, in words
 */
public record DeliveryPath(DeliveryMode mode, Optional<DeliveryMode> requested, String reason, SourceMode source,
                           Optional<SourceMode> requestedSource, String sourceReason) {

    /** What a pipeline in B needs there. */
    public static final List<Service> PIPELINE_IN_B = List.of(Service.CODEPIPELINE, Service.CODEBUILD);
    /** What pipeline-free delivery needs in B: the rule, the state machine and CodeDeploy. */
    public static final List<Service> DEPLOYER_IN_B = List.of(Service.EVENTBRIDGE, Service.STEP_FUNCTIONS,
            Service.CODEDEPLOY);

    /**
     * Chooses the path of the pair {@code a} to {@code b}. An explicit mode or source the regions cannot support adds a
     * problem naming what would work, and the path continues with what {@code auto} would pick, so that the checks
     * after it are not reported twice.
     */
    public static DeliveryPath choose(AwsRegion a, AwsRegion b, Optional<DeliveryMode> requested,
                                      Optional<SourceMode> requestedSource, Problems problems) {
        RegionCapabilities inA = RegionCapabilities.of(a);
        RegionCapabilities inB = RegionCapabilities.of(b);
        String data = RegionCapabilities.dataSource();
        Set<Service> noPipelineInB = inB.missing(PIPELINE_IN_B);
        DeliveryMode automatic = noPipelineInB.isEmpty() ? DeliveryMode.BESPOKE : DeliveryMode.PIPELINE_FREE;
        String autoReason = automatic == DeliveryMode.BESPOKE
                ? "auto: region B " + b + " offers AWS CodePipeline and AWS CodeBuild (" + data + "), so B runs its own "
                + "pipeline fed by S3 replication (bespoke); native is used only when multiregion:delivery asks for it"
                : "auto: region B " + b + " offers no " + names(noPipelineInB) + " (" + data + "), so the trigger in B "
                + "starts a CodeDeploy deployment of the replicated release directly, without a pipeline (pipeline-free)";

        DeliveryMode mode = automatic;
        String reason = autoReason;
        if (requested.isPresent()) {
            DeliveryMode asked = requested.orElseThrow();
            Optional<String> refusal = switch (asked) {
                case BESPOKE -> noPipelineInB.isEmpty() ? Optional.empty() : Optional.of("runs a pipeline in region B and "
                        + "needs AWS CodePipeline and AWS CodeBuild there, but multiregion:secondaryRegion " + b
                        + " offers no " + names(noPipelineInB) + " (" + data + ")");
                case NATIVE -> {
                    String where = !inB.offers(Service.CODEPIPELINE) ? "multiregion:secondaryRegion " + b
                            : !inA.offers(Service.CODEPIPELINE) ? "multiregion:primaryRegion " + a : "";
                    yield where.isEmpty() ? Optional.empty() : Optional.of("needs CodePipeline cross-region actions in "
                            + "both regions, and " + where + " has none: it offers no AWS CodePipeline (" + data
                            + "; CodePipeline User Guide, \"Add a cross-Region action in CodePipeline\": actions run only "
                            + "in regions where CodePipeline is available)");
                }
                case PIPELINE_FREE -> {
                    Set<Service> missing = inB.missing(DEPLOYER_IN_B);
                    yield missing.isEmpty() ? Optional.empty() : Optional.of("needs " + names(DEPLOYER_IN_B)
                            + " in region B, but multiregion:secondaryRegion " + b + " offers no " + names(missing) + " ("
                            + data + ")");
                }
            };
            if (refusal.isPresent()) {
                // the source pipeline runs in A whatever the mode: without it there, no mode works for the pair
                boolean aWorks = inA.missing(PIPELINE_IN_B).isEmpty();
                String alternative = asked == automatic || !aWorks ? "" : "set multiregion:delivery to " + automatic.value()
                        + (automatic == DeliveryMode.BESPOKE ? " (S3 replication to B and a pipeline in B)"
                        : " (S3 replication to B; the trigger deploys with CodeDeploy in B, no pipeline)")
                        + ", which works for " + a + " to " + b + ", or leave it unset (auto picks it)";
                problems.add(new Problem("multiregion:delivery", asked.value(), Problem.Kind.UNSUPPORTED_IN_REGION,
                        refusal.orElseThrow(), alternative.isEmpty() ? aWorks ? "choose another region B"
                        : "no mode works while region A " + a + " offers no AWS CodePipeline or AWS CodeBuild, which the "
                        + "source pipeline needs there: choose another multiregion:primaryRegion" : alternative));
            } else {
                mode = asked;
                reason = "set: multiregion:delivery is " + asked.value() + "; " + switch (asked) {
                    case BESPOKE -> "region B " + b + " offers AWS CodePipeline and AWS CodeBuild, so B runs its own "
                            + "pipeline fed by S3 replication";
                    case NATIVE -> "AWS CodePipeline runs in both " + a + " and " + b + ", so one pipeline in A deploys to B "
                            + "through a cross-region action";
                    case PIPELINE_FREE -> "the trigger in B starts a CodeDeploy deployment of the replicated release "
                            + "directly, without a pipeline in B";
                } + " (" + data + ")";
            }
        }

        boolean connections = inA.offers(Service.CODECONNECTIONS);
        SourceMode source = connections ? SourceMode.CONNECTION : SourceMode.UPLOAD;
        String sourceReason = connections
                ? "default: region A " + a + " offers AWS CodeConnections (" + data + "), so a push to the branch starts "
                + "the pipeline through a connection"
                : "default: region A " + a + " offers no AWS CodeConnections (" + data + "), so the release zip is uploaded "
                + "by your CI into the source bucket, and its arrival starts the pipeline";
        if (requestedSource.equals(Optional.of(SourceMode.CONNECTION)) && !connections) {
            problems.add(new Problem("multiregion:source", SourceMode.CONNECTION.value(), Problem.Kind.UNSUPPORTED_IN_REGION,
                    "needs AWS CodeConnections in region A, and multiregion:primaryRegion " + a + " offers none (" + data
                    + ")", "set multiregion:source to upload (your CI puts the release zip into the source bucket in A; "
                    + "docs/delivery.md, \"Delivery modes\"), or leave it unset"));
        } else if (requestedSource.isPresent()) {
            source = requestedSource.orElseThrow();
            sourceReason = "set: multiregion:source is " + source.value() + (source == SourceMode.UPLOAD
                    ? "; your CI uploads the release zip into the source bucket in A, and its arrival starts the pipeline"
                    : "; region A " + a + " offers AWS CodeConnections (" + data + ")");
        }
        return new DeliveryPath(mode, requested, reason, source, requestedSource, sourceReason);
    }

    /** A path when the regions are unknown (their own problems are reported): nothing is chosen from them. */
    static DeliveryPath unresolved(Optional<DeliveryMode> requested, Optional<SourceMode> requestedSource) {
        return new DeliveryPath(requested.orElse(DeliveryMode.BESPOKE), requested, "", requestedSource
                .orElse(SourceMode.CONNECTION), requestedSource, "");
    }

    /** What {@code multiregion:delivery} said: the mode, or {@code auto}. */
    public String requestedValue() {
        return requested.map(DeliveryMode::value).orElse(DeliveryMode.AUTO);
    }

    /**
     * The stack output {@code deliveryPath}: the mode, what chose it ({@code auto} or the mode set), why, and the
     * source with its reason.
     */
    public Map<String, Object> export() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", mode.value());
        out.put("requested", requestedValue());
        out.put("reason", reason);
        out.put("source", source.value());
        out.put("sourceReason", sourceReason);
        return out;
    }

    static String names(Collection<Service> services) {
        List<String> titles = services.stream().map(Service::title).toList();
        if (titles.size() <= 1) {
            return String.join("", titles);
        }
        return String.join(", ", titles.subList(0, titles.size() - 1)) + " or " + titles.get(titles.size() - 1);
    }

    /** A short list of regions, for a message. */
    static String some(List<AwsRegion> regions) {
        return regions.stream().limit(5).map(AwsRegion::code).collect(Collectors.joining(", "))
                + (regions.size() > 5 ? " (and " + (regions.size() - 5) + " more)" : "");
    }
}
