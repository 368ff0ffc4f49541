package io.multiregion.config;

import io.multiregion.regions.AwsRegion;
import io.multiregion.regions.Service;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The delivery path of a region pair (multiregion:delivery, multiregion:source), read as the stacks read it: what auto
 * picks for each case, the explicit choices the regions cannot support (refused, naming what works, in both stacks),
 * and the services each stack needs in each region.
 */
class DeliveryPathTest {

    private static Map<String, String> config(String stack, String a, String b) {
        Map<String, String> config = stack.equals("primary") ? Configs.primary() : Configs.secondary();
        config.put("multiregion:primaryRegion", a);
        config.put("multiregion:secondaryRegion", b);
        return config;
    }

    private static StackSettings read(Map<String, String> config, String stack) {
        return SettingsReader.read(ConfigSource.of(config), "multiregion", stack);
    }

    private static List<String> refused(Map<String, String> config, String stack) {
        return assertThrows(ConfigException.class, () -> read(config, stack)).problems().stream().map(Problem::toString).toList();
    }

    @ParameterizedTest(name = "{0} -> {1}: auto picks {2}, source {3}")
    @CsvSource({
            "eu-west-1,      eu-central-1,   bespoke,       connection",
            "eu-west-1,      ap-southeast-5, bespoke,       connection",
            "us-west-2,      mx-central-1,   pipeline-free, connection",
            "eu-west-1,      ap-southeast-7, pipeline-free, connection",
            "us-west-2,      ca-west-1,      pipeline-free, connection",
            "ap-east-1,      ap-east-2,      pipeline-free, upload",
            "cn-north-1,     cn-northwest-1, bespoke,       upload",
            "ap-southeast-5, ap-southeast-1, bespoke,       upload",
            "us-gov-west-1,  us-gov-east-1,  bespoke,       connection"})
    @DisplayName("auto: bespoke where B offers CodePipeline and CodeBuild, else pipeline-free; never native")
    void autoPicks(String a, String b, String mode, String source) {
        Map<String, String> primary = config("primary", a, b);
        if (source.equals("upload")) {
            primary.remove("multiregion:repository"); // an upload source reads no repository
        }
        StackSettings p = read(primary, "primary");
        StackSettings s = read(config("secondary", a, b), "secondary");
        assertEquals(mode, p.delivery().mode().value());
        assertEquals(mode, s.delivery().mode().value(), "both stacks choose the same mode");
        assertEquals(source, p.delivery().source().value());
        assertEquals(Optional.empty(), p.delivery().path().requested());
        assertTrue(p.delivery().path().reason().startsWith("auto: region B " + b), p.delivery().path().reason());
        assertTrue(p.delivery().path().reason().contains("software.amazon.awssdk:regions 2.59.1"));
        assertTrue(p.delivery().path().sourceReason().startsWith("default: region A " + a));
        assertEquals("auto", p.delivery().path().export().get("requested"));
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}: refused, naming {3}")
    @CsvSource({
            "bespoke,       us-west-2, mx-central-1,   set multiregion:delivery to pipeline-free",
            "bespoke,       eu-west-1, ap-southeast-7, set multiregion:delivery to pipeline-free",
            "native,        us-west-2, mx-central-1,   set multiregion:delivery to pipeline-free",
            "native,        eu-west-1, ap-east-2,      set multiregion:delivery to pipeline-free"})
    @DisplayName("an explicit mode the regions cannot support is refused in both stacks, naming the mode that works")
    void explicitModeRefused(String mode, String a, String b, String alternative) {
        for (String stack : List.of("primary", "secondary")) {
            Map<String, String> config = config(stack, a, b);
            config.put("multiregion:delivery", mode);
            List<String> problems = refused(config, stack);
            String problem = problems.stream().filter(p -> p.startsWith("multiregion:delivery: '" + mode + "'"))
                    .findFirst().orElseThrow(() -> new AssertionError(problems.toString()));
            assertTrue(problem.contains(b), problem);
            assertTrue(problem.contains("AWS CodePipeline"), problem);
            assertTrue(problem.contains(alternative + " (S3 replication to B; the trigger deploys with CodeDeploy in B, "
                    + "no pipeline), which works for " + a + " to " + b + ", or leave it unset (auto picks it)"), problem);
            // the mode's refusal is the only problem: the region checks follow what works
            assertEquals(1, problems.size(), problems.toString());
        }
    }

    @Test
    @DisplayName("explicit modes the regions support are kept: pipeline-free anywhere, native and bespoke where B has a pipeline")
    void explicitModesKept() {
        for (String mode : List.of("pipeline-free", "native", "bespoke")) {
            Map<String, String> config = config("secondary", "eu-west-1", "eu-central-1");
            config.put("multiregion:delivery", mode);
            DeliveryPath path = read(config, "secondary").delivery().path();
            assertEquals(mode, path.mode().value());
            assertEquals(mode, path.export().get("requested"));
            assertTrue(path.reason().startsWith("set: multiregion:delivery is " + mode), path.reason());
        }
    }

    @Test
    @DisplayName("source: an explicit connection where A offers no CodeConnections is refused, naming upload")
    void connectionRefusedInChina() {
        Map<String, String> config = config("primary", "cn-north-1", "cn-northwest-1");
        config.put("multiregion:source", "connection");
        List<String> problems = refused(config, "primary");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("multiregion:source: 'connection' needs AWS CodeConnections in region A, "
                + "and multiregion:primaryRegion cn-north-1 offers none"), problems.get(0));
        assertTrue(problems.get(0).contains("set multiregion:source to upload"), problems.get(0));
    }

    @Test
    @DisplayName("source: upload may be chosen anywhere; it needs no repository, and the Git keys are then warned about")
    void uploadByChoice() {
        Map<String, String> config = config("primary", "eu-west-1", "eu-central-1");
        config.put("multiregion:source", "upload");
        StackSettings settings = read(config, "primary");
        assertEquals(SourceMode.UPLOAD, settings.delivery().source());
        assertTrue(settings.delivery().path().sourceReason().startsWith("set: multiregion:source is upload"));
        assertTrue(settings.warnings().stream().anyMatch(w -> w.startsWith("multiregion:repository: 'acme-corp/storefront' "
                + "is set for the primary stack, but the source is upload")), settings.warnings().toString());
        config.remove("multiregion:repository");
        assertEquals(List.of(), read(config, "primary").warnings());
        // with a connection, the repository stays required
        Map<String, String> connection = config("primary", "eu-west-1", "eu-central-1");
        connection.remove("multiregion:repository");
        assertTrue(refused(connection, "primary").get(0).startsWith("multiregion:repository: missing"));
        Map<String, String> bad = config("primary", "eu-west-1", "eu-central-1");
        bad.put("multiregion:source", "uplaod");
        assertTrue(refused(bad, "primary").get(0).startsWith("multiregion:source: 'uplaod' is not a source; did you mean "
                + "upload?"));
    }

    @Test
    @DisplayName("pipeline-free: the build keys, which only a pipeline in B reads, are warned about in the secondary")
    void buildKeysWarnedInPipelineFree() {
        Map<String, String> config = config("secondary", "us-west-2", "mx-central-1");
        config.put("multiregion:buildComputeType", "BUILD_GENERAL1_LARGE");
        List<String> warnings = read(config, "secondary").warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("multiregion:buildComputeType: 'BUILD_GENERAL1_LARGE' is set for the secondary "
                + "stack, but pipeline-free delivery has no build in region B"), warnings.get(0));
    }

    @Test
    @DisplayName("a region A without CodePipeline is refused in the primary, naming the service, the region and regions that work")
    void primaryWithoutPipeline() {
        List<String> problems = refused(config("primary", "mx-central-1", "us-west-2"), "primary");
        String problem = problems.stream().filter(p -> p.startsWith("multiregion:primaryRegion:")).findFirst()
                .orElseThrow(() -> new AssertionError(problems.toString()));
        assertTrue(problem.startsWith("multiregion:primaryRegion: 'mx-central-1' (Mexico (Central)) offers no AWS CodePipeline "
                + "or AWS CodeBuild"), problem);
        assertTrue(problem.contains("choose a region of partition aws that offers them, e.g. "), problem);
        // the secondary in us-west-2 checks its own region only
        read(config("secondary", "mx-central-1", "us-west-2"), "secondary");
    }

    @Test
    @DisplayName("a region without the slice's services (no endpoints yet in the data) is refused before anything else")
    void regionWithoutEndpoints() {
        List<String> problems = refused(config("secondary", "eu-west-1", "me-west-1"), "secondary");
        String problem = problems.stream().filter(p -> p.startsWith("multiregion:secondaryRegion:")).findFirst()
                .orElseThrow(() -> new AssertionError(problems.toString()));
        assertTrue(problem.contains("offers no AWS KMS"), problem);
        assertTrue(problem.contains("Amazon EC2"), problem);
    }

    @Test
    @DisplayName("each stack's needs, by region: the primary's pairs in B, the secondary's path in B")
    void needs() {
        AwsRegion a = new AwsRegion("us-west-2");
        AwsRegion b = new AwsRegion("mx-central-1");
        DeliveryPath path = DeliveryPath.choose(a, b, Optional.empty(), Optional.empty(), new Problems());
        Map<AwsRegion, Set<Service>> primary = RegionServices.needs(Role.PRIMARY, a, b, path, TriggerMode.CLOUDTRAIL, false);
        assertTrue(primary.get(a).containsAll(List.of(Service.CODEPIPELINE, Service.CODEBUILD, Service.CODECONNECTIONS)));
        assertEquals(RegionServices.PAIRS_IN_B, primary.get(b));
        Map<AwsRegion, Set<Service>> secondary = RegionServices.needs(Role.SECONDARY, a, b, path, TriggerMode.CLOUDTRAIL,
                false);
        assertEquals(Set.of(b), secondary.keySet(), "the secondary needs nothing in A");
        assertTrue(secondary.get(b).containsAll(List.of(Service.STEP_FUNCTIONS, Service.EVENTBRIDGE, Service.CODEDEPLOY,
                Service.CLOUDTRAIL)));
        assertFalse(secondary.get(b).contains(Service.CODEPIPELINE));
        assertFalse(RegionServices.needs(Role.SECONDARY, a, b, path, TriggerMode.EVENTBRIDGE, false).get(b)
                .contains(Service.CLOUDTRAIL));
    }
}
