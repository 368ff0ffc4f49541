package io.multiregion.images;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ecr.LifecyclePolicy;
import com.pulumi.aws.ecr.LifecyclePolicyArgs;
import com.pulumi.aws.ecr.ReplicationConfiguration;
import com.pulumi.aws.ecr.ReplicationConfigurationArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.RepositoryArgs;
import com.pulumi.aws.ecr.inputs.ReplicationConfigurationReplicationConfigurationArgs;
import com.pulumi.aws.ecr.inputs.ReplicationConfigurationReplicationConfigurationRuleArgs;
import com.pulumi.aws.ecr.inputs.ReplicationConfigurationReplicationConfigurationRuleDestinationArgs;
import com.pulumi.aws.ecr.inputs.ReplicationConfigurationReplicationConfigurationRuleRepositoryFilterArgs;
import com.pulumi.aws.ecr.inputs.RepositoryEncryptionConfigurationArgs;
import com.pulumi.aws.ecr.inputs.RepositoryImageScanningConfigurationArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.iam.Actions;
import io.multiregion.iam.PolicyDocument;
import io.multiregion.iam.Statement;
import io.multiregion.naming.Names;
import io.multiregion.regions.Arns;
import io.multiregion.regions.AwsRegion;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The application's image repository pair: one ECR repository in region A and one of the same name in region B,
 * with registry replication from A to B. Owned by the primary stack, since it spans both regions (docs/architecture.md,
 * "Who owns what").
 *
 * <p><b>Spans two regions</b>, so it takes both regions' providers in its {@link Args} and passes each to the
 * resources of its region; the component itself needs no provider in its options.
 *
 * <p>Both repositories: immutable tags (FSBP ECR.2), scan on push (ECR.1; the registry-wide scanning
 * configuration is an account singleton and is left alone), a lifecycle policy (ECR.3), KMS encryption with
 * their own region's customer managed key (the encryption configuration is fixed at creation: changing it
 * replaces the repository), and never {@code forceDelete}, so a repository holding images is not deleted.
 *
 * <p>Replication: one {@code ReplicationConfiguration} in A (it is the registry's, one per region: only the
 * primary declares it; it replaces any configuration the registry in A had), replicating to B in this account,
 * filtered by prefix to this repository's name so that no other repository of the registry is copied. B's
 * repository is created first: replication creates a missing destination repository with default, unhardened
 * settings (mutable tags, no scanning, AES256) (containers-roadmap#1202).
 */
public final class ImageRepositories extends ComponentResource {

    /**
     * Built with {@link #builder()}.
     *
     * @param project            project name, part of the repository name
     * @param stack              stack name, part of the repository name
     * @param primaryRegion      region A
     * @param primaryProvider    the provider of region A
     * @param primaryKeyArn      a customer managed key of region A
     * @param replicaRegion      region B
     * @param replicaProvider    the provider of region B
     * @param replicaKeyArn      a customer managed key of region B
     * @param untaggedExpiryDays days an untagged image is kept (default {@value #DEFAULT_UNTAGGED_DAYS})
     * @param taggedImagesKept   tagged images kept, the newest first (default {@value #DEFAULT_TAGGED_KEPT})
     * @param protect            refuse deletion and replacement from Pulumi (default true)
     */
    public record Args(String project, String stack, AwsRegion primaryRegion, Provider primaryProvider,
                       Output<String> primaryKeyArn, AwsRegion replicaRegion, Provider replicaProvider,
                       Output<String> replicaKeyArn, int untaggedExpiryDays, int taggedImagesKept, boolean protect) {
        public Args {
            Objects.requireNonNull(primaryRegion, "primaryRegion");
            Objects.requireNonNull(replicaRegion, "replicaRegion");
            if (primaryRegion.equals(replicaRegion)) {
                throw new IllegalArgumentException("the repositories must be in two regions, got " + primaryRegion + " twice");
            }
            if (untaggedExpiryDays < 1 || taggedImagesKept < 1) {
                throw new IllegalArgumentException("lifecycle counts must be at least 1");
            }
        }

        /** Named construction: every field without a default must be set. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Args}; each setter says the field's default, if it has one. */
        public static final class Builder {
            private String project;
            private String stack;
            private AwsRegion primaryRegion;
            private Provider primaryProvider;
            private Output<String> primaryKeyArn;
            private AwsRegion replicaRegion;
            private Provider replicaProvider;
            private Output<String> replicaKeyArn;
            private int untaggedExpiryDays = DEFAULT_UNTAGGED_DAYS;
            private int taggedImagesKept = DEFAULT_TAGGED_KEPT;
            private boolean protect = true;

            private Builder() {
            }

            /** The project and the stack, part of the repository name. */
            public Builder names(String project, String stack) {
                this.project = project;
                this.stack = stack;
                return this;
            }

            /** Region A, its provider and a customer managed key of A, where images are pushed. */
            public Builder primary(AwsRegion region, Provider provider, Output<String> keyArn) {
                this.primaryRegion = region;
                this.primaryProvider = provider;
                this.primaryKeyArn = keyArn;
                return this;
            }

            /** Region B, its provider and a customer managed key of B, where images are replicated to. */
            public Builder replica(AwsRegion region, Provider provider, Output<String> keyArn) {
                this.replicaRegion = region;
                this.replicaProvider = provider;
                this.replicaKeyArn = keyArn;
                return this;
            }

            /**
             * Days an untagged image is kept (default {@value #DEFAULT_UNTAGGED_DAYS}) and tagged images kept, the newest
             * first (default {@value #DEFAULT_TAGGED_KEPT}).
             */
            public Builder lifecycle(int untaggedExpiryDays, int taggedImagesKept) {
                this.untaggedExpiryDays = untaggedExpiryDays;
                this.taggedImagesKept = taggedImagesKept;
                return this;
            }

            /** Refuse deletion and replacement from Pulumi (default true). */
            public Builder protect(boolean protect) {
                this.protect = protect;
                return this;
            }

            /** The args; fails naming the first required field left unset. */
            public Args build() {
                return new Args(Objects.requireNonNull(project, "names are required"), stack,
                        Objects.requireNonNull(primaryRegion, "primary is required"), primaryProvider, primaryKeyArn,
                        Objects.requireNonNull(replicaRegion, "replica is required"), replicaProvider, replicaKeyArn,
                        untaggedExpiryDays, taggedImagesKept, protect);
            }
        }
    }

    public static final int DEFAULT_UNTAGGED_DAYS = 14;
    public static final int DEFAULT_TAGGED_KEPT = 100;

    /**
     * Repository names: lower-case components separated by '/', each of letters and digits joined by single '.', '_'
     * or '-' (Amazon ECR API Reference, CreateRepository, repositoryName pattern).
     */
    static final Pattern REPOSITORY_NAME = Pattern.compile("^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$");

    /** The repositories' name, the same in both regions. */
    @Export(name = "repositoryName", refs = {String.class}, tree = "[0]")
    public final Output<String> repositoryName;
    /** Push/pull URL in A. */
    @Export(name = "primaryUrl", refs = {String.class}, tree = "[0]")
    public final Output<String> primaryUrl;
    /** Pull URL in B. */
    @Export(name = "replicaUrl", refs = {String.class}, tree = "[0]")
    public final Output<String> replicaUrl;
    /** B's repository ARN, for the secondary's instance role (through the stack contract: {@link RegionalRepository}). */
    @Export(name = "replicaArn", refs = {String.class}, tree = "[0]")
    public final Output<String> replicaArn;
    /** A's repository ARN. */
    public final Output<String> primaryArn;
    public final Repository primary;
    public final Repository replica;
    public final ReplicationConfiguration replication;
    private final Args args;

    public ImageRepositories(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:images:ImageRepositories", name, options);
        this.args = args;
        String repository = repositoryName(args.project(), args.stack());
        String lifecycle = lifecyclePolicy(args.untaggedExpiryDays(), args.taggedImagesKept());
        CustomResourceOptions inA = CustomResourceOptions.builder().parent(this).provider(args.primaryProvider()).build();
        CustomResourceOptions inB = CustomResourceOptions.builder().parent(this).provider(args.replicaProvider()).build();

        this.primary = repository(name + "-" + args.primaryRegion().code(), repository, args.primaryKeyArn(),
                args.primaryProvider());
        this.replica = repository(name + "-" + args.replicaRegion().code(), repository, args.replicaKeyArn(),
                args.replicaProvider());
        new LifecyclePolicy(name + "-" + args.primaryRegion().code() + "-lifecycle", LifecyclePolicyArgs.builder()
                .repository(primary.name()).policy(lifecycle).build(), inA);
        new LifecyclePolicy(name + "-" + args.replicaRegion().code() + "-lifecycle", LifecyclePolicyArgs.builder()
                .repository(replica.name()).policy(lifecycle).build(), inB);

        this.replication = new ReplicationConfiguration(name + "-replication", ReplicationConfigurationArgs.builder()
                .replicationConfiguration(ReplicationConfigurationReplicationConfigurationArgs.builder()
                        .rules(ReplicationConfigurationReplicationConfigurationRuleArgs.builder()
                                .destinations(ReplicationConfigurationReplicationConfigurationRuleDestinationArgs.builder()
                                        .region(args.replicaRegion().code())
                                        .registryId(primary.arn().applyValue(Arns::accountOf)) // this account's registry (read off A's ARN)
                                        .build())
                                .repositoryFilters(ReplicationConfigurationReplicationConfigurationRuleRepositoryFilterArgs.builder()
                                        .filter(repository)
                                        .filterType("PREFIX_MATCH")
                                        .build())
                                .build())
                        .build())
                .build(),
                CustomResourceOptions.builder().parent(this).provider(args.primaryProvider())
                        // B's hardened repository must exist before anything replicates, or ECR creates it with
                        // default settings (containers-roadmap#1202).
                        .dependsOn(List.<Resource>of(replica))
                        .build());

        this.repositoryName = primary.name();
        this.primaryUrl = primary.repositoryUrl();
        this.replicaUrl = replica.repositoryUrl();
        this.replicaArn = replica.arn();
        this.primaryArn = primary.arn();
        registerOutputs(Map.of("repositoryName", repositoryName, "primaryUrl", primaryUrl, "replicaUrl", replicaUrl,
                "replicaArn", replicaArn));
    }

    private Repository repository(String logicalName, String repository, Output<String> keyArn, Provider provider) {
        return new Repository(logicalName, RepositoryArgs.builder()
                .name(repository)
                .imageTagMutability("IMMUTABLE")
                .imageScanningConfiguration(RepositoryImageScanningConfigurationArgs.builder().scanOnPush(true).build())
                .encryptionConfigurations(RepositoryEncryptionConfigurationArgs.builder()
                        .encryptionType("KMS")
                        .kmsKey(keyArn)
                        .build())
                .forceDelete(false)
                .build(),
                CustomResourceOptions.builder().parent(this).provider(provider).protect(args.protect()).build());
    }

    /** The repositories' name: {@code <project>-<stack>/app}, lower case, within ECR's limit. */
    public static String repositoryName(String project, String stack) {
        String name = Names.fit(project + "-" + stack, Names.ECR_REPOSITORY - "/app".length())
                .replaceAll("[-]+$", "") + "/app";
        if (!REPOSITORY_NAME.matcher(name).matches() || name.length() < 2 || name.length() > Names.ECR_REPOSITORY) {
            throw new IllegalArgumentException("'" + name + "' is not an ECR repository name");
        }
        return name;
    }

    /**
     * The lifecycle policy (Amazon ECR User Guide, "Lifecycle policy properties"): untagged images expire
     * {@code untaggedDays} after their push; of tagged images, only the newest {@code taggedKept} are kept. Built
     * with Gson.
     */
    static String lifecyclePolicy(int untaggedDays, int taggedKept) {
        JsonObject untagged = new JsonObject();
        untagged.addProperty("rulePriority", 1);
        untagged.addProperty("description", "Expire untagged images " + untaggedDays + " days after push");
        JsonObject untaggedSelection = new JsonObject();
        untaggedSelection.addProperty("tagStatus", "untagged");
        untaggedSelection.addProperty("countType", "sinceImagePushed");
        untaggedSelection.addProperty("countUnit", "days");
        untaggedSelection.addProperty("countNumber", untaggedDays);
        untagged.add("selection", untaggedSelection);
        untagged.add("action", expire());

        JsonObject tagged = new JsonObject();
        tagged.addProperty("rulePriority", 2);
        tagged.addProperty("description", "Keep the newest " + taggedKept + " tagged images");
        JsonObject taggedSelection = new JsonObject();
        taggedSelection.addProperty("tagStatus", "tagged");
        JsonArray patterns = new JsonArray();
        patterns.add("*");
        taggedSelection.add("tagPatternList", patterns);
        taggedSelection.addProperty("countType", "imageCountMoreThan");
        taggedSelection.addProperty("countNumber", taggedKept);
        tagged.add("selection", taggedSelection);
        tagged.add("action", expire());

        JsonArray rules = new JsonArray();
        rules.add(untagged);
        rules.add(tagged);
        JsonObject policy = new JsonObject();
        policy.add("rules", rules);
        return policy.toString();
    }

    private static JsonObject expire() {
        JsonObject action = new JsonObject();
        action.addProperty("type", "expire");
        return action;
    }

    /** This pair's repository in {@code region} (A's or B's), which roles are granted pulls from. */
    public RegionalRepository in(AwsRegion region) {
        if (region.equals(args.primaryRegion())) {
            return new RegionalRepository(primary.arn());
        }
        if (region.equals(args.replicaRegion())) {
            return new RegionalRepository(replica.arn());
        }
        throw new IllegalArgumentException("the repositories exist in " + args.primaryRegion() + " and "
                + args.replicaRegion() + " only, not in " + region);
    }

    /**
     * One region's repository of the pair, as its owner names it: {@link #in} in the primary, which holds the pair; the
     * replica's ARN from the primary's outputs in the secondary. The grant lives here, with the images' owner.
     *
     * @param arn the repository's ARN
     */
    public record RegionalRepository(Output<String> arn) {
        public RegionalRepository {
            Objects.requireNonNull(arn, "arn");
        }

        /**
         * What a role in the repository's region needs to pull from it: the registry login, which accepts no resource
         * type and so names {@code *}, and the three pull actions on this repository only. No KMS permission: ECR
         * decrypts image layers through the grant it creates on the key with the repository (Amazon ECR User Guide,
         * "Encryption at rest"), not with the caller's permissions.
         */
        public List<Statement> pullStatements(String sid) {
            return List.of(
                    Statement.allow(sid + "Login").actions(Actions.ECR_LOGIN).resource("*").build(),
                    Statement.allow(sid + "Pull").actions(Actions.ECR_PULL).resource(arn).build());
        }

        /**
         * Lets a role pull the application's images from this repository: a policy of the role ({@link #pullStatements}
         * as {@code PullApplicationImages}), named {@code name} and registered with {@code options}.
         */
        public RolePolicy grantPull(String name, Output<String> roleName, CustomResourceOptions options) {
            return new RolePolicy(name, RolePolicyArgs.builder()
                    .role(roleName)
                    .policy(PolicyDocument.of(pullStatements("PullApplicationImages")))
                    .build(), options);
        }
    }
}
