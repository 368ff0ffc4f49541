package io.multiregion.stacks;

import io.multiregion.config.DeliveryMode;
import io.multiregion.config.DeliveryPath;
import io.multiregion.config.StackSettings;
import io.multiregion.config.SettingsReader;
import io.multiregion.config.ConfigSource;
import io.multiregion.config.RegionServices;
import io.multiregion.config.Role;
import io.multiregion.config.SourceMode;
import io.multiregion.config.TriggerMode;
import io.multiregion.regions.AwsRegion;
import io.multiregion.regions.ProviderRegistry;
import io.multiregion.regions.RegionCapabilities;
import io.multiregion.regions.Service;
import io.multiregion.stacks.StackContract.Value;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.RegionPairRuns;
import io.multiregion.testing.Registered;
import io.multiregion.testing.StackFiles;
import io.multiregion.testing.StandardRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole stacks across the cases of region pairs: what each registers where, that no stack registers a resource of a
 * service its region does not offer (per AWS's endpoint data) and that the check before registration covers every
 * service registered, that today's default stacks keep their mode and URNs, and that the stacks agree on the mode.
 */
class RegionPairsTest {
    private static final String[] SOUTHEAST_5 = {"eu-west-1", "ap-southeast-5"};
    private static final String PIPELINE = "aws:codepipeline/pipeline:Pipeline";
    private static final String BUILD = "aws:codebuild/project:Project";

    /** Every run of this class and the standard runs, by name. */
    private static final Map<String, ProgramRun> RUNS = new LinkedHashMap<>();

    @BeforeAll
    static void run() {
        StandardRuns.ALL.forEach(name -> RUNS.put(name, StandardRuns.get(name)));
        ProgramRun primary = ProgramRun.with("primary", RegionPairRuns.config("primary", SOUTHEAST_5), Map.of());
        RUNS.put("primary/ap-southeast-5", primary);
        RUNS.put("secondary/ap-southeast-5", ProgramRun.with("secondary", RegionPairRuns.config("secondary", SOUTHEAST_5),
                primary.exports()));
        RUNS.forEach((name, run) -> assertFalse(run.failed(), () -> name + ": " + run.errors()));
    }

    @Test
    @DisplayName("no stack registers a resource of a service its region does not offer, and the check before registration covers each")
    void everyResourceInARegionThatOffersItsService() {
        List<String> faults = new ArrayList<>();
        RUNS.forEach((name, run) -> {
            Role role = name.startsWith("primary") ? Role.PRIMARY : Role.SECONDARY;
            AwsRegion a = new AwsRegion((String) run.output(Value.PRIMARY_REGION.key()));
            AwsRegion b = new AwsRegion((String) run.output(Value.SECONDARY_REGION.key()));
            Map<?, ?> path = (Map<?, ?>) run.output(Value.DELIVERY_PATH.key());
            DeliveryMode mode = DeliveryMode.parse((String) path.get("mode")).orElseThrow();
            SourceMode source = role == Role.PRIMARY ? SourceMode.parse((String) path.get("source")).orElseThrow()
                    : SourceMode.CONNECTION;
            TriggerMode trigger = run.output(Value.TRIGGER_MODE.key()) instanceof String t
                    ? TriggerMode.parse(t).orElseThrow() : TriggerMode.CLOUDTRAIL;
            // what the stack's settings ask for, read as the program reads them
            StackSettings settings = SettingsReader.read(ConfigSource.of(run.config()), "multiregion",
                    role == Role.PRIMARY ? "primary" : "secondary");
            Map<AwsRegion, Set<Service>> needs = RegionServices.needs(role, a, b,
                    new DeliveryPath(mode, Optional.empty(), "", source, Optional.empty(), ""), trigger,
                    RegionServices.Parts.of(role, settings.domain(), settings.interRegion(), settings.governance(),
                            settings.frontDoor()));
            for (Registered r : run.aws()) {
                if (r.type().startsWith("pulumi:providers:")) {
                    continue;
                }
                Optional<Service> service = Service.ofResourceType(r.type());
                if (service.isEmpty()) {
                    faults.add(name + ": " + r.type() + " maps to no service (add it to Service)");
                    continue;
                }
                AwsRegion region = new AwsRegion(r.providerRegion());
                if (!RegionCapabilities.of(region).offers(service.orElseThrow())) {
                    faults.add(name + ": " + r.type() + " " + r.name() + " in " + region + ", which offers no " + service);
                }
                if (!needs.getOrDefault(region, Set.of()).contains(service.orElseThrow())) {
                    faults.add(name + ": " + r.type() + " " + r.name() + " in " + region + ": " + service.orElseThrow()
                            + " is not among the services checked there before registration");
                }
            }
        });
        assertEquals(List.of(), faults);
    }

    @Test
    @DisplayName("eu-west-1 -> eu-central-1: auto is bespoke, as the former default, with the same resources and URNs as an explicit bespoke")
    void todaysDefaultKeepsItsModeAndUrns() {
        for (String stack : List.of("primary", "secondary")) {
            ProgramRun auto = RUNS.get(stack.equals("primary") ? "primary" : "secondary/cloudtrail");
            assertEquals("bespoke", auto.output(Value.DELIVERY_MODE.key()));
            assertEquals("auto", ((Map<?, ?>) auto.output(Value.DELIVERY_PATH.key())).get("requested"));
            Map<String, String> config = new HashMap<>(StackFiles.config(stack));
            config.put("multiregion:delivery", "bespoke");
            ProgramRun explicit = ProgramRun.with(stack, config, stack.equals("primary") ? Map.of()
                    : io.multiregion.testing.Samples.primaryOutputs());
            assertFalse(explicit.failed(), explicit::errors);
            assertEquals(explicit.urns(), auto.urns(), stack);
            assertEquals(explicit.aws().size(), auto.aws().size());
        }
    }

    @Test
    @DisplayName("eu-west-1 -> ap-southeast-5: bespoke (B offers CodePipeline and CodeBuild but no connection): the pipeline and build in B, the connection in A only")
    void southeast5IsBespoke() {
        ProgramRun primary = RUNS.get("primary/ap-southeast-5");
        ProgramRun secondary = RUNS.get("secondary/ap-southeast-5");
        assertEquals("bespoke", secondary.output(Value.DELIVERY_MODE.key()));
        assertEquals(1, secondary.inRegion(PIPELINE, "ap-southeast-5").size());
        assertEquals(1, secondary.inRegion(BUILD, "ap-southeast-5").size());
        assertEquals(1, primary.inRegion("aws:codestarconnections/connection:Connection", "eu-west-1").size());
        assertTrue(secondary.ofType("aws:codestarconnections/connection:Connection").isEmpty());
        assertTrue(secondary.ofType("aws:sfn/stateMachine:StateMachine").isEmpty());
        // in B, or through the dedicated global provider (the front door); never in A
        assertTrue(secondary.aws().stream().allMatch(r -> "ap-southeast-5".equals(r.providerRegion())
                || ProviderRegistry.GLOBAL_PROVIDER.equals(secondary.providerName(r))));
    }

    @Test
    @DisplayName("us-west-2 -> mx-central-1: nothing of CodePipeline or CodeBuild in B; the state machine deploys there")
    void mexicoIsPipelineFree() {
        ProgramRun secondary = RUNS.get("secondary/pipeline-free");
        assertTrue(secondary.inRegion(PIPELINE, "mx-central-1").isEmpty());
        assertTrue(secondary.inRegion(BUILD, "mx-central-1").isEmpty());
        assertEquals(1, secondary.inRegion("aws:sfn/stateMachine:StateMachine", "mx-central-1").size());
        Map<?, ?> path = (Map<?, ?>) secondary.output(Value.DELIVERY_PATH.key());
        assertEquals("pipeline-free", path.get("mode"));
        assertTrue(((String) path.get("reason")).contains("mx-central-1 offers no AWS CodePipeline or AWS CodeBuild"));
        assertNull(path.get("source"), "the source is the primary's");
        // the primary's pipeline is in A, which offers CodePipeline
        assertEquals(1, RUNS.get("primary/pipeline-free").inRegion(PIPELINE, "us-west-2").size());
    }

    @Test
    @DisplayName("the secondary refuses a primary deployed in another mode, and registers nothing")
    void stacksAgreeOnTheMode() {
        Map<String, Object> exports = RUNS.get("primary/pipeline-free").exports();
        exports.put(Value.DELIVERY_MODE.key(), "bespoke");
        ProgramRun run = ProgramRun.with("secondary", RegionPairRuns.config("secondary", RegionPairRuns.PIPELINE_FREE),
                exports);
        assertTrue(run.failed());
        assertTrue(run.errors().contains("multiregion:delivery: 'pipeline-free' disagrees with the primary stack "
                + "acme-corp/multiregion/primary, which was deployed with 'bespoke'"), run.errors());
        assertTrue(run.aws().isEmpty());
    }

    @Test
    @DisplayName("an explicit mode the regions cannot support registers nothing, and its message names the mode that works")
    void refusedModeRegistersNothing() {
        for (String stack : List.of("primary", "secondary")) {
            Map<String, String> config = RegionPairRuns.config(stack, RegionPairRuns.PIPELINE_FREE);
            config.put("multiregion:delivery", "bespoke");
            ProgramRun run = ProgramRun.with(stack, config, RUNS.get("primary/pipeline-free").exports());
            assertTrue(run.failed(), stack);
            assertTrue(run.errors().contains("multiregion:delivery: 'bespoke' runs a pipeline in region B and needs AWS "
                    + "CodePipeline and AWS CodeBuild there, but multiregion:secondaryRegion mx-central-1 offers no AWS "
                    + "CodePipeline or AWS CodeBuild"), run.errors());
            assertTrue(run.errors().contains("set multiregion:delivery to pipeline-free"), run.errors());
            assertTrue(run.aws().isEmpty(), stack + " registered resources");
        }
    }
}
