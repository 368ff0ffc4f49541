package io.multiregion.images;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.multiregion.iam.PolicyDocument;
import io.multiregion.naming.Names;
import io.multiregion.regions.AwsRegion;
import io.multiregion.testing.FakeCloud;
import io.multiregion.testing.PolicyView;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Images: the ECR repository pair and its replication. */
class ImageRepositoriesTest {
    private static final AwsRegion A = new AwsRegion("eu-west-1");
    private static final AwsRegion B = new AwsRegion("eu-central-1");
    private static final String KEY_A = "arn:aws:kms:eu-west-1:123456789012:key/aaaa-1111";
    private static final String KEY_B = "arn:aws:kms:eu-central-1:123456789012:key/bbbb-2222";
    private static final String REPOSITORY = "aws:ecr/repository:Repository";

    /** The pair alone, as the primary stack builds it (run from a holder once this class is initialised). */
    private static void program(Context ctx) {
        Provider a = new Provider("aws-" + A.code(), ProviderArgs.builder().region(A.code()).build());
        Provider b = new Provider("aws-" + B.code(), ProviderArgs.builder().region(B.code()).build());
        ImageRepositories images = new ImageRepositories("images", ImageRepositories.Args.builder()
                .names("multiregion", ctx.stackName())
                .primary(A, a, Output.of(KEY_A))
                .replica(B, b, Output.of(KEY_B))
                .build(), ComponentResourceOptions.builder().build());
        ctx.export("repositoryArnA", images.primary.arn());
        ctx.export("repositoryArnB", images.replica.arn());
        ctx.export("pullA", PolicyDocument.of(images.in(A).pullStatements("Images")));
        ctx.export("pullB", PolicyDocument.of(images.in(B).pullStatements("Images")));
        images.in(B).grantPull("instance-images", Output.of("instance-role"),
                CustomResourceOptions.builder().provider(b).build());
    }

    /** Runs the program on first use: its lambda belongs to the test class, which must be initialised by then. */
    private static final class Holder {
        static final ProgramRun RUN = ProgramRun.program("primary", Map.of(), ImageRepositoriesTest::program);
    }

    private static ProgramRun run() {
        return Holder.RUN;
    }

    private static Registered repository(AwsRegion region) {
        List<Registered> found = run().inRegion(REPOSITORY, region.code());
        assertEquals(1, found.size(), () -> "repositories in " + region);
        return found.get(0);
    }

    @Test
    @DisplayName("one repository in each region, same name, hardened, each with its own region's key")
    void pair() {
        assertFalse(run().failed(), run()::errors);
        assertEquals(2, run().ofType(REPOSITORY).size());
        for (AwsRegion region : List.of(A, B)) {
            Registered repo = repository(region);
            assertAll(
                    () -> assertEquals("multiregion-primary/app", repo.text("name")),
                    () -> assertEquals("IMMUTABLE", repo.text("imageTagMutability"), "ECR.2"),
                    () -> assertEquals(true, repo.at("imageScanningConfiguration", "scanOnPush"), "ECR.1"),
                    () -> assertEquals("KMS", repo.at("encryptionConfigurations", 0, "encryptionType")),
                    () -> assertEquals(region.equals(A) ? KEY_A : KEY_B, repo.at("encryptionConfigurations", 0, "kmsKey")),
                    () -> assertEquals(false, repo.inputs().get("forceDelete")),
                    () -> assertTrue(repo.protect()));
        }
        assertEquals(List.of(), run().ofType("aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration"),
                "the registry's scanning configuration is an account singleton, left alone");
    }

    @Test
    @DisplayName("a lifecycle policy on each repository (ECR.3): untagged expire after 14 days, the newest 100 tagged kept")
    void lifecycle() {
        List<Registered> policies = run().ofType("aws:ecr/lifecyclePolicy:LifecyclePolicy");
        assertEquals(2, policies.size());
        for (AwsRegion region : List.of(A, B)) {
            Registered policy = run().inRegion("aws:ecr/lifecyclePolicy:LifecyclePolicy", region.code()).get(0);
            assertTrue(policy.dependsOn(repository(region)));
            JsonArray rules = JsonParser.parseString(policy.text("policy")).getAsJsonObject().getAsJsonArray("rules");
            JsonObject untagged = rules.get(0).getAsJsonObject();
            JsonObject tagged = rules.get(1).getAsJsonObject();
            assertAll(
                    () -> assertEquals(2, rules.size()),
                    () -> assertEquals(1, untagged.get("rulePriority").getAsInt()),
                    () -> assertEquals("untagged", untagged.getAsJsonObject("selection").get("tagStatus").getAsString()),
                    () -> assertEquals("sinceImagePushed", untagged.getAsJsonObject("selection").get("countType").getAsString()),
                    () -> assertEquals("days", untagged.getAsJsonObject("selection").get("countUnit").getAsString()),
                    () -> assertEquals(14, untagged.getAsJsonObject("selection").get("countNumber").getAsInt()),
                    () -> assertEquals("expire", untagged.getAsJsonObject("action").get("type").getAsString()),
                    () -> assertEquals(2, tagged.get("rulePriority").getAsInt()),
                    () -> assertEquals("tagged", tagged.getAsJsonObject("selection").get("tagStatus").getAsString()),
                    () -> assertEquals("*", tagged.getAsJsonObject("selection").getAsJsonArray("tagPatternList").get(0).getAsString()),
                    () -> assertEquals("imageCountMoreThan", tagged.getAsJsonObject("selection").get("countType").getAsString()),
                    () -> assertEquals(100, tagged.getAsJsonObject("selection").get("countNumber").getAsInt()));
        }
    }

    @Test
    @DisplayName("one replication configuration, in A, to B in this account, for this repository only, after B's repository exists")
    void replication() {
        Registered replication = run().one("aws:ecr/replicationConfiguration:ReplicationConfiguration");
        assertAll(
                () -> assertEquals(A.code(), replication.providerRegion()),
                () -> assertEquals(1, ((List<?>) replication.at("replicationConfiguration", "rules")).size()),
                () -> assertEquals(B.code(), replication.at("replicationConfiguration", "rules", 0, "destinations", 0, "region")),
                () -> assertEquals(FakeCloud.ACCOUNT, replication.at("replicationConfiguration", "rules", 0, "destinations", 0, "registryId")),
                () -> assertEquals(1, ((List<?>) replication.at("replicationConfiguration", "rules", 0, "destinations")).size()),
                () -> assertEquals("multiregion-primary/app", replication.at("replicationConfiguration", "rules", 0, "repositoryFilters", 0, "filter")),
                () -> assertEquals("PREFIX_MATCH", replication.at("replicationConfiguration", "rules", 0, "repositoryFilters", 0, "filterType")),
                () -> assertTrue(replication.dependsOn(repository(B)),
                        "B's hardened repository exists first, or replication creates it unhardened (containers-roadmap#1202)"));
    }

    @Test
    @DisplayName("an instance pulls from its own region's repository only; the login names * because it takes no resource")
    void pullStatements() {
        PolicyView a = PolicyView.parse(String.valueOf(run().output("pullA")));
        PolicyView b = PolicyView.parse(String.valueOf(run().output("pullB")));
        assertAll(
                () -> assertEquals(List.of("ecr:GetAuthorizationToken"), a.sid("ImagesLogin").actions()),
                () -> assertEquals(List.of("*"), a.sid("ImagesLogin").resources()),
                () -> assertEquals(List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"),
                        a.sid("ImagesPull").actions()),
                () -> assertEquals(List.of(run().output("repositoryArnA")), a.sid("ImagesPull").resources()),
                () -> assertEquals(List.of(run().output("repositoryArnB")), b.sid("ImagesPull").resources()),
                () -> assertNotEquals(a.sid("ImagesPull").resources(), b.sid("ImagesPull").resources()),
                () -> assertTrue(a.allActions().stream().noneMatch(x -> x.startsWith("ecr:Put") || x.startsWith("ecr:Delete"))));
    }

    @Test
    @DisplayName("the pull grant lives with the images: a policy of the role, on the repository of the role's region only")
    void grantPull() {
        Registered policy = run().one("aws:iam/rolePolicy:RolePolicy");
        PolicyView pull = PolicyView.parse(policy.text("policy"));
        assertAll(
                () -> assertEquals("instance-images", policy.name()),
                () -> assertEquals("instance-role", policy.text("role")),
                () -> assertEquals(B.code(), policy.providerRegion()),
                () -> assertEquals(List.of("*"), pull.sid("PullApplicationImagesLogin").resources()),
                () -> assertEquals(List.of(run().output("repositoryArnB")), pull.sid("PullApplicationImagesPull").resources()),
                () -> {
                    ProgramRun third = ProgramRun.program("primary", Map.of(), ctx -> new ImageRepositories("images",
                            ImageRepositories.Args.builder().names("multiregion", "primary")
                                    .primary(A, new Provider("aws-a", ProviderArgs.builder().region(A.code()).build()),
                                            Output.of(KEY_A))
                                    .replica(B, new Provider("aws-b", ProviderArgs.builder().region(B.code()).build()),
                                            Output.of(KEY_B))
                                    .build(), ComponentResourceOptions.builder().build()).in(new AwsRegion("us-east-1")));
                    assertTrue(third.failed());
                    assertTrue(third.errors().contains("not in us-east-1"), third::errors);
                });
    }

    @ParameterizedTest(name = "stack ''{0}''")
    @ValueSource(strings = {"primary", "Prod_EU.Primary", "a--b", "stack-name-of-sixty-characters-and-more-0123456789-0123456789-0123456789"})
    @DisplayName("the repository name is a valid lower-case ECR name within 256 characters for any stack name")
    void names(String stack) {
        String name = ImageRepositories.repositoryName("multiregion", stack);
        assertTrue(name.length() <= Names.ECR_REPOSITORY, name);
        assertTrue(ImageRepositories.REPOSITORY_NAME.matcher(name).matches(), name);
        assertTrue(name.endsWith("/app"));
    }

    @Test
    @DisplayName("two regions are required")
    void sameRegionRefused() {
        assertThrows(IllegalArgumentException.class, () -> ImageRepositories.Args.builder().names("multiregion", "primary")
                .primary(A, null, Output.of(KEY_A)).replica(A, null, Output.of(KEY_A)).build());

    }
}
