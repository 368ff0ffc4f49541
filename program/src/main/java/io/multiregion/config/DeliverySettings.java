package io.multiregion.config;

import io.multiregion.regions.AwsRegion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The delivery path: how releases are built in A and reach B.
 *
 * @param trigger                {@code multiregion:trigger} (secondary)
 * @param mode                   the delivery mode: {@code multiregion:delivery}, or what {@code auto} (the default) picks
 *                               for the regions ({@link DeliveryPath})
 * @param sourceProvider         {@code multiregion:sourceProvider} (primary)
 * @param repository             {@code multiregion:repository} (primary, required there with a connection source)
 * @param branch                 {@code multiregion:branch} (primary)
 * @param connectionArn          {@code multiregion:connectionArn}: an existing connection, or empty to create one (primary)
 * @param artifactKey            {@code multiregion:artifactKey} (primary)
 * @param testCommands           {@code multiregion:testCommands}
 * @param buildImage             {@code multiregion:buildImage}
 * @param buildComputeType       {@code multiregion:buildComputeType}
 * @param buildTimeoutMinutes    {@code multiregion:buildTimeoutMinutes}
 * @param containerBuilds        {@code multiregion:containerBuilds}
 * @param replicateDeleteMarkers {@code multiregion:replicateDeleteMarkers} (primary)
 * @param path                   the chosen delivery mode and source with their reasons ({@code multiregion:delivery},
 *                               {@code multiregion:source})
 */
public record DeliverySettings(TriggerMode trigger, DeliveryMode mode, SourceProvider sourceProvider,
                               Optional<String> repository, String branch, Optional<String> connectionArn,
                               String artifactKey, List<String> testCommands, String buildImage, String buildComputeType,
                               int buildTimeoutMinutes, boolean containerBuilds, boolean replicateDeleteMarkers,
                               DeliveryPath path) {

    public DeliverySettings {
        testCommands = List.copyOf(testCommands);
    }

    private static final Pattern CONNECTION_ARN = Pattern.compile(
            "^arn:(aws[a-z-]*):(codestar-connections|codeconnections):([a-z0-9-]+):([0-9]{12}):connection/[0-9a-fA-F-]{36}$");
    /** Object keys: safe characters only (AWS S3 User Guide, "Object key naming guidelines"), no wildcard, no '//'. */
    private static final Pattern OBJECT_KEY = Pattern.compile("^[A-Za-z0-9!_.'()-]+(/[A-Za-z0-9!_.'()-]+)*$");

    static final Field<TriggerMode> TRIGGER = Field.choice("trigger", TriggerMode.CLOUDTRAIL,
            List.of(TriggerMode.values()), TriggerMode::value, "a trigger mode").only(Role.SECONDARY)
            .doc("How a new replica starts B's pipeline: `cloudtrail` or `eventbridge` (see [the trigger "
                    + "modes](delivery.md#the-trigger-modes)).");
    static final Field<String> DELIVERY = Field.choice("delivery", DeliveryMode.AUTO, DeliveryMode.requestable(),
            v -> v, "a delivery mode")
            .doc("How releases reach B: `auto` (bespoke where B offers CodePipeline and CodeBuild, else "
                    + "pipeline-free; never native), `bespoke` (replication to B, a trigger and a pipeline in B), "
                    + "`pipeline-free` (replication to B and a trigger that deploys with CodeDeploy through a Step "
                    + "Functions state machine, no pipeline in B) or `native` (one pipeline in A with a deploy action that "
                    + "runs in B; only where CodePipeline runs in both regions). From AWS's endpoint data, see "
                    + "[delivery.md](delivery.md). Set the same value in both stack files.");
    static final Field<SourceMode> SOURCE = Field.choice("source", null, List.of(SourceMode.values()), SourceMode::value,
            "a source").only(Role.PRIMARY).hint("set it to " + SourceMode.choices() + ", or leave it unset (connection "
            + "where region A offers CodeConnections, else upload)")
            .shownDefault("`connection` where A offers CodeConnections, else `upload`")
            .doc("How a release enters A's pipeline: `connection` (CodeConnections to the repository; refused where A "
                    + "offers none, naming `upload`) or `upload` (your CI uploads the release zip to the source bucket in "
                    + "A, whose arrival starts the pipeline; see [delivery.md](delivery.md#upload-source)). With `upload`, "
                    + "`sourceProvider`, `repository`, `branch` and `connectionArn` are not read.");
    static final Field<SourceProvider> SOURCE_PROVIDER = Field.choice("sourceProvider", SourceProvider.GITHUB,
            List.of(SourceProvider.values()), SourceProvider::value, "a supported Git host").only(Role.PRIMARY)
            .doc("Git host of the connection: `GitHub`, `GitLab` or `Bitbucket`.");
    static final Field<String> REPOSITORY = Field.text("repository", null).only(Role.PRIMARY)
            .shownDefault("required in `primary` with a `connection` source")
            .doc("Repository id: `owner/name` (GitHub), `group[/subgroup]/name` (GitLab), `workspace/slug` "
                    + "(Bitbucket).");
    static final Field<String> BRANCH = Field.text("branch", "main").only(Role.PRIMARY).rule(b -> !badBranch(b),
            Problem.Kind.MALFORMED, "is not a valid Git branch name (no spaces, '..', '~^:?*[\\', leading '-' or '/', "
                    + "trailing '.lock')", "use the exact branch, e.g. main")
            .doc("Branch whose pushes start the source pipeline (V2 trigger filter).");
    static final Field<String> CONNECTION_ARN_KEY = Field.text("connectionArn", null).only(Role.PRIMARY)
            .rule(Field.matching(CONNECTION_ARN, "is not a CodeConnections connection ARN", "copy it from Developer Tools "
                    + "> Settings > Connections (arn:<partition>:codeconnections:<region>:<account>:connection/<id>), or "
                    + "unset the key to create a connection"))
            .doc("Existing CodeConnections/CodeStar connection in region A to use instead of creating one.");
    static final Field<String> ARTIFACT_KEY = Field.text("artifactKey", "releases/app.zip").only(Role.PRIMARY)
            .rule(k -> k.length() <= 1024 && OBJECT_KEY.matcher(k).matches() && k.endsWith(".zip") && !k.contains("/./")
                    && !k.contains("/../") && !k.startsWith("./"), Problem.Kind.MALFORMED, "is not a usable release "
                    + "object key", "use a relative key of letters, digits and !_.'()- separated by single '/', ending "
                    + "in .zip, e.g. releases/app.zip")
            .doc("Object key of the release zip in the source and replica buckets. Relative, ends in `.zip`, no "
                    + "wildcards. The secondary takes it from the primary's outputs.");
    static final Field<List<String>> TEST_COMMANDS = Field.texts("testCommands", List.of("make test"),
                    Field.expect(c -> !c.isBlank(), Problem.Kind.MALFORMED, "is not a shell command", "remove the empty entry"),
                    false)
            .rule(c -> !c.isEmpty() && c.size() <= 50, Problem.Kind.OUT_OF_RANGE, "is not a list of 1 to 50 commands",
                    "write it as a YAML list under the key, e.g. [\"make test\"]")
            .hint("write it as a YAML list of shell commands under the key, e.g. [\"make test\"]")
            .doc("Commands CodeBuild runs to test the application before packaging (in A) and to verify the replica "
                    + "(in B). 1 to 50 entries.");
    static final Field<String> BUILD_IMAGE = Field.text("buildImage", "aws/codebuild/amazonlinux-x86_64-standard:5.0")
            .rule(Field.matching(Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._/:@-]{0,254}$"), "is not a container image name",
                    "use a CodeBuild curated image such as aws/codebuild/amazonlinux-x86_64-standard:5.0 or an ECR image URI"))
            .doc("CodeBuild image.");
    /** CodeBuild compute types for Linux containers (AWS CodeBuild User Guide, "Build environment compute modes and types"). */
    static final Field<String> BUILD_COMPUTE_TYPE = Field.choice("buildComputeType", "BUILD_GENERAL1_SMALL",
            List.of("BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_MEDIUM", "BUILD_GENERAL1_LARGE", "BUILD_GENERAL1_XLARGE",
                    "BUILD_GENERAL1_2XLARGE"), v -> v, "a CodeBuild compute type")
            .doc("`BUILD_GENERAL1_SMALL`, `_MEDIUM`, `_LARGE`, `_XLARGE` or `_2XLARGE`.");
    /** CodeBuild timeoutInMinutes: 5 to 2160 (AWS CodeBuild API Reference, CreateProject). */
    static final Field<Integer> BUILD_TIMEOUT = Field.whole("buildTimeoutMinutes", 30)
            .range(5, 2160, "CodeBuild accepts 5 to 2160 minutes")
            .doc("CodeBuild timeout, 5 to 2160 (CodeBuild API Reference, CreateProject `timeoutInMinutes`).");
    static final Field<Boolean> CONTAINER_BUILDS = Field.bool("containerBuilds", false)
            .doc("Privileged CodeBuild, only for builds that build container images (FSBP CodeBuild.5 exception).");
    static final Field<Boolean> REPLICATE_DELETE_MARKERS = Field.bool("replicateDeleteMarkers", false).only(Role.PRIMARY)
            .doc("Replicate delete markers to B. Off: deleting the release in A never hides it in B during a disaster.");

    static final List<Field<?>> KEYS = List.of(TRIGGER, DELIVERY, SOURCE, SOURCE_PROVIDER, REPOSITORY, BRANCH,
            CONNECTION_ARN_KEY, ARTIFACT_KEY, TEST_COMMANDS, BUILD_IMAGE, BUILD_COMPUTE_TYPE, BUILD_TIMEOUT, CONTAINER_BUILDS,
            REPLICATE_DELETE_MARKERS);

    /** The keys of the pipeline in B, which only bespoke delivery builds (the primary's build runs in every mode). */
    static final List<Field<?>> BUILD_IN_B = List.of(TEST_COMMANDS, BUILD_IMAGE, BUILD_COMPUTE_TYPE, BUILD_TIMEOUT,
            CONTAINER_BUILDS);
    /** The keys of the Git source, which an upload source does not read. */
    static final List<Field<?>> GIT = List.of(SOURCE_PROVIDER, REPOSITORY, BRANCH, CONNECTION_ARN_KEY);

    /** How a release enters A's pipeline ({@code multiregion:source}). */
    public SourceMode source() {
        return path.source();
    }

    static DeliverySettings read(Fields in, StackContext stack, Problems problems) {
        boolean primary = stack.role().equals(Optional.of(Role.PRIMARY));
        Optional<DeliveryMode> requested = DeliveryMode.parse(in.get(DELIVERY));
        Optional<SourceMode> requestedSource = stack.role().equals(Optional.of(Role.SECONDARY)) ? Optional.empty()
                : in.find(SOURCE);
        DeliveryPath path = stack.primaryRegion().isPresent() && stack.secondaryRegion().isPresent()
                ? DeliveryPath.choose(stack.primaryRegion().orElseThrow(), stack.secondaryRegion().orElseThrow(),
                requested, requestedSource, problems)
                : DeliveryPath.unresolved(requested, requestedSource);
        stack.role().ifPresent(role -> warnUnread(in, role, path, problems));
        SourceProvider provider = in.get(SOURCE_PROVIDER);
        Optional<String> repository = in.find(REPOSITORY);
        if (primary && path.source() == SourceMode.CONNECTION && !in.has(REPOSITORY) && !in.isUndecryptable(REPOSITORY)) {
            problems.add(new Problem(in.key(REPOSITORY), null, Problem.Kind.MISSING, "missing", "the primary stack's "
                    + "pipeline builds this repository: set it as " + provider.repositoryHint() + ", e.g. pulumi config set "
                    + in.key(REPOSITORY) + " acme/storefront"));
        }
        repository.filter(r -> !provider.acceptsRepository(r)).ifPresent(r -> in.add(REPOSITORY, r, Problem.Kind.MALFORMED,
                "is not a " + provider.value() + " repository id", "write it as " + provider.repositoryHint()
                        + " without URL or .git"));
        Optional<String> connectionArn = in.find(CONNECTION_ARN_KEY);
        if (path.source() == SourceMode.CONNECTION) {
            connectionArn.ifPresent(arn -> stack.primaryRegion().ifPresent(region -> checkConnectionRegion(in, arn, region)));
        }
        return new DeliverySettings(in.get(TRIGGER), path.mode(), provider, repository, in.get(BRANCH), connectionArn,
                in.get(ARTIFACT_KEY), in.get(TEST_COMMANDS), in.get(BUILD_IMAGE), in.get(BUILD_COMPUTE_TYPE),
                in.get(BUILD_TIMEOUT), in.get(CONTAINER_BUILDS), in.get(REPLICATE_DELETE_MARKERS), path);
    }

    private static boolean badBranch(String branch) {
        return branch.isBlank() || branch.length() > 255 || branch.startsWith("/") || branch.endsWith("/")
                || branch.startsWith("-") || branch.startsWith(".") || branch.endsWith(".") || branch.endsWith(".lock")
                || branch.contains("..") || branch.contains("//") || branch.contains("@{") || branch.equals("@")
                || branch.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || "~^:?*[\\".indexOf(c) >= 0);
    }

    /** A pipeline can only use a connection of its own region and partition. */
    private static void checkConnectionRegion(Fields in, String arn, AwsRegion region) {
        Matcher m = CONNECTION_ARN.matcher(arn);
        if (!m.matches()) {
            return;
        }
        if (!m.group(3).equals(region.code())) {
            in.add(CONNECTION_ARN_KEY, arn, Problem.Kind.CONFLICT, "is in region " + m.group(3) + " but the source "
                    + "pipeline runs in multiregion:primaryRegion " + region, "a pipeline can only use a connection of its "
                    + "own region: create one in " + region);
        } else if (!m.group(1).equals(region.partition())) {
            in.add(CONNECTION_ARN_KEY, arn, Problem.Kind.CONFLICT, "is in partition " + m.group(1) + ", not "
                    + region.partition(), "use a connection of the primary region's partition");
        }
    }

    /**
     * The keys a delivery path does not read, where the stack of {@code role} would read them in another path:
     * native delivery has no replication (primary), no trigger and no build in B (secondary); pipeline-free delivery
     * has no build in B; an upload source has no Git connection.
     */
    static List<Field<?>> unread(DeliveryPath path, Role role) {
        List<Field<?>> keys = new ArrayList<>();
        if (role == Role.SECONDARY && path.mode() != DeliveryMode.BESPOKE) {
            keys.addAll(BUILD_IN_B);
        }
        if (path.mode() == DeliveryMode.NATIVE) {
            keys.add(role == Role.SECONDARY ? TRIGGER : REPLICATE_DELETE_MARKERS);
        }
        if (role == Role.PRIMARY && path.source() == SourceMode.UPLOAD) {
            keys.addAll(GIT);
        }
        return keys;
    }

    /** A key set on purpose that this delivery path never reads does nothing: say so, and how to fix it. */
    private static void warnUnread(Fields in, Role role, DeliveryPath path, Problems problems) {
        Set<Field<?>> git = Set.copyOf(GIT);
        unread(path, role).stream().sorted(Comparator.comparing(Field::name)).forEach(field -> {
            String value = in.raw(field).orElse("");
            // the engine hands the program the project's declared defaults too: only a value set on purpose counts
            if (!field.isDefault(value)) {
                String why = git.contains(field) ? "the source is upload (no Git connection)"
                        : path.mode() == DeliveryMode.NATIVE ? "only bespoke delivery reads it there and "
                        + "multiregion:delivery is native" : "pipeline-free delivery has no build in region B";
                String fix = git.contains(field) ? "remove it from the stack file, or set multiregion:source to connection "
                        + "where region A offers CodeConnections" : path.mode() == DeliveryMode.NATIVE ? "remove it from "
                        + "the stack file, or set multiregion:delivery to bespoke" : "remove it from the stack file";
                problems.warn(new Problem(in.key(field), value, Problem.Kind.NO_EFFECT, "is set for the "
                        + role.value() + " stack, but " + why + ": it has no effect", fix));
            }
        });
    }
}
