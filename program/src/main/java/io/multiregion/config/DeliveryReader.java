package io.multiregion.config;

import io.multiregion.regions.AwsRegion;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the delivery path: the Git source, the build, the release object and how B is triggered. */
public final class DeliveryReader implements ConcernReader<DeliverySettings> {

    public static final String DEFAULT_BRANCH = "main";
    public static final String DEFAULT_ARTIFACT_KEY = "releases/app.zip";
    public static final List<String> DEFAULT_TEST_COMMANDS = List.of("make test");
    public static final String DEFAULT_BUILD_IMAGE = "aws/codebuild/amazonlinux-x86_64-standard:5.0";
    public static final String DEFAULT_COMPUTE_TYPE = "BUILD_GENERAL1_SMALL";
    public static final int DEFAULT_BUILD_TIMEOUT = 30;

    /** CodeBuild compute types for Linux containers (AWS CodeBuild User Guide, "Build environment compute modes and types"). */
    public static final Set<String> COMPUTE_TYPES = Set.of(
            "BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_MEDIUM", "BUILD_GENERAL1_LARGE",
            "BUILD_GENERAL1_XLARGE", "BUILD_GENERAL1_2XLARGE");
    /** CodeBuild timeoutInMinutes range (AWS CodeBuild API Reference, CreateProject): 5 to 2160. */
    public static final int BUILD_TIMEOUT_MIN = 5;
    public static final int BUILD_TIMEOUT_MAX = 2160;

    private static final Pattern CONNECTION_ARN = Pattern.compile(
            "^arn:(aws[a-z-]*):(codestar-connections|codeconnections):([a-z0-9-]+):([0-9]{12}):connection/[0-9a-fA-F-]{36}$");
    /** Object keys: safe characters only (AWS S3 User Guide, "Object key naming guidelines"), no wildcard, no '//'. */
    private static final Pattern OBJECT_KEY = Pattern.compile("^[A-Za-z0-9!_.'()-]+(/[A-Za-z0-9!_.'()-]+)*$");
    private static final Pattern IMAGE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._/:@-]{0,254}$");

    @Override
    public List<Setting> settings() {
        return List.of(
                Setting.only(Role.SECONDARY, "trigger", "string", "\"cloudtrail\""),
                Setting.both("delivery", "string", "\"" + DeliveryMode.AUTO + "\""),
                Setting.only(Role.PRIMARY, "source", "string", "\"\""),
                Setting.only(Role.PRIMARY, "sourceProvider", "string", "\"GitHub\""),
                Setting.only(Role.PRIMARY, "repository", "string", "\"\""),
                Setting.only(Role.PRIMARY, "branch", "string", "\"" + DEFAULT_BRANCH + "\""),
                Setting.only(Role.PRIMARY, "connectionArn", "string", "\"\""),
                Setting.only(Role.PRIMARY, "artifactKey", "string", "\"" + DEFAULT_ARTIFACT_KEY + "\""),
                Setting.both("testCommands", "array", "[\"make test\"]"),
                Setting.both("buildImage", "string", "\"" + DEFAULT_BUILD_IMAGE + "\""),
                Setting.both("buildComputeType", "string", "\"" + DEFAULT_COMPUTE_TYPE + "\""),
                Setting.both("buildTimeoutMinutes", "integer", String.valueOf(DEFAULT_BUILD_TIMEOUT)),
                Setting.both("containerBuilds", "boolean", "false"),
                Setting.only(Role.PRIMARY, "replicateDeleteMarkers", "boolean", "false"));
    }

    @Override
    public DeliverySettings read(ConfigInput in, StackContext stack) {
        Problems problems = in.problems();
        List<String> triggers = List.of(TriggerMode.values()).stream().map(TriggerMode::value).toList();
        TriggerMode trigger = in.optional("trigger", TriggerMode::parse, TriggerMode.CLOUDTRAIL,
                "is not a trigger mode" + in.raw("trigger").map(v -> Suggest.didYouMean(v, triggers)).orElse("")
                        + "; set it to " + TriggerMode.choices());
        List<String> modes = new java.util.ArrayList<>(List.of(DeliveryMode.AUTO));
        List.of(DeliveryMode.values()).forEach(m -> modes.add(m.value()));
        Optional<DeliveryMode> requested = in.optional("delivery", DeliveryReader::parseDelivery, Optional.empty(),
                "is not a delivery mode" + in.raw("delivery").map(v -> Suggest.didYouMean(v, modes)).orElse("")
                        + "; set it to " + String.join(", ", modes) + " (default " + DeliveryMode.AUTO + ")");
        List<String> sources = List.of(SourceMode.values()).stream().map(SourceMode::value).toList();
        Optional<SourceMode> requestedSource = stack.role().equals(Optional.of(Role.SECONDARY)) ? Optional.empty()
                : in.optional("source", text -> SourceMode.parse(text).map(Optional::of), Optional.empty(),
                "is not a source" + in.raw("source").map(v -> Suggest.didYouMean(v, sources)).orElse("")
                        + "; set it to " + SourceMode.choices() + ", or leave it unset (connection where region A "
                        + "offers CodeConnections, else upload)");
        DeliveryPath path = stack.primaryRegion().isPresent() && stack.secondaryRegion().isPresent()
                ? DeliveryPath.choose(stack.primaryRegion().orElseThrow(), stack.secondaryRegion().orElseThrow(),
                requested, requestedSource, problems)
                : DeliveryPath.unresolved(requested, requestedSource);
        DeliveryMode mode = path.mode();
        stack.role().ifPresent(role -> warnUnread(in, role, path));
        List<String> hosts = List.of(SourceProvider.values()).stream().map(SourceProvider::value).toList();
        SourceProvider sourceProvider = in.optional("sourceProvider", SourceProvider::parse, SourceProvider.GITHUB,
                "is not a supported Git host" + in.raw("sourceProvider").map(v -> Suggest.didYouMean(v, hosts)).orElse("")
                        + "; set it to one of " + SourceProvider.choices());

        Optional<String> repository = in.raw("repository");
        Optional<String> connectionArn = in.raw("connectionArn");
        String branch = in.raw("branch").orElse(DEFAULT_BRANCH);
        String artifactKey = in.raw("artifactKey").orElse(DEFAULT_ARTIFACT_KEY);

        if (stack.role().equals(Optional.of(Role.PRIMARY)) && path.source() == SourceMode.CONNECTION
                && repository.isEmpty() && !in.source().isUndecryptable(ConfigInput.key("repository"))) {
            problems.add(ConfigInput.key("repository") + ": missing; the primary stack's pipeline builds this repository: "
                    + "set it as " + sourceProvider.repositoryHint()
                    + ", e.g. pulumi config set multiregion:repository acme/storefront");
        }
        repository.ifPresent(repo -> {
            if (!sourceProvider.acceptsRepository(repo)) {
                problems.add(ConfigInput.key("repository") + ": '" + repo + "' is not a " + sourceProvider.value()
                        + " repository id; write it as " + sourceProvider.repositoryHint() + " without URL or .git");
            }
        });
        checkBranch(problems, branch);
        if (path.source() == SourceMode.CONNECTION) {
            connectionArn.ifPresent(arn -> checkConnectionArn(problems, arn, stack.primaryRegion()));
        }
        checkArtifactKey(problems, artifactKey);

        List<String> testCommands = testCommands(in);
        String buildImage = in.raw("buildImage").orElse(DEFAULT_BUILD_IMAGE);
        if (!IMAGE.matcher(buildImage).matches()) {
            problems.add(ConfigInput.key("buildImage") + ": '" + buildImage + "' is not a container image name; use a "
                    + "CodeBuild curated image such as " + DEFAULT_BUILD_IMAGE + " or an ECR image URI");
        }
        String computeType = in.raw("buildComputeType").orElse(DEFAULT_COMPUTE_TYPE);
        if (!COMPUTE_TYPES.contains(computeType)) {
            problems.add(ConfigInput.key("buildComputeType") + ": '" + computeType + "' is not a CodeBuild compute type"
                    + Suggest.didYouMean(computeType, COMPUTE_TYPES) + "; use one of "
                    + String.join(", ", COMPUTE_TYPES.stream().sorted().toList()));
        }
        int buildTimeout = in.integer("buildTimeoutMinutes", DEFAULT_BUILD_TIMEOUT, BUILD_TIMEOUT_MIN, BUILD_TIMEOUT_MAX,
                "CodeBuild accepts 5 to 2160 minutes");
        boolean containerBuilds = in.bool("containerBuilds", false);
        boolean replicateDeleteMarkers = in.bool("replicateDeleteMarkers", false);
        return new DeliverySettings(trigger, mode, sourceProvider, repository, branch, connectionArn, artifactKey,
                testCommands, buildImage, computeType, buildTimeout, containerBuilds, replicateDeleteMarkers, path);
    }

    /**
     * The keys that only bespoke delivery reads, and the stacks that read them there: native delivery has no
     * replication (primary), and no trigger and no build in B (secondary). No key is read by native delivery only.
     */
    public static final Map<String, Set<Role>> BESPOKE_ONLY = bespokeOnly();

    private static Map<String, Set<Role>> bespokeOnly() {
        Map<String, Set<Role>> keys = new LinkedHashMap<>();
        keys.put("trigger", EnumSet.of(Role.SECONDARY));
        keys.put("replicateDeleteMarkers", EnumSet.of(Role.PRIMARY));
        for (String build : List.of("testCommands", "buildImage", "buildComputeType", "buildTimeoutMinutes", "containerBuilds")) {
            keys.put(build, EnumSet.of(Role.SECONDARY));
        }
        return Map.copyOf(keys);
    }

    /** {@code auto}, or a delivery mode. */
    private static Optional<Optional<DeliveryMode>> parseDelivery(String text) {
        return DeliveryMode.AUTO.equals(text) ? Optional.of(Optional.empty()) : DeliveryMode.parse(text).map(Optional::of);
    }

    /** The keys of the pipeline in B, which only bespoke delivery builds. */
    private static final List<String> BUILD_IN_B = List.of("testCommands", "buildImage", "buildComputeType",
            "buildTimeoutMinutes", "containerBuilds");

    /**
     * The keys a delivery path does not read, with the stacks that would read them in another path, and why: native
     * delivery has no replication (primary), no trigger and no build in B (secondary); pipeline-free delivery has no
     * build in B; an upload source has no Git connection.
     */
    static Map<String, Set<Role>> unread(DeliveryPath path) {
        Map<String, Set<Role>> keys = new LinkedHashMap<>();
        if (path.mode() == DeliveryMode.NATIVE) {
            keys.putAll(BESPOKE_ONLY);
        } else if (path.mode() == DeliveryMode.PIPELINE_FREE) {
            BUILD_IN_B.forEach(k -> keys.put(k, EnumSet.of(Role.SECONDARY)));
        }
        if (path.source() == SourceMode.UPLOAD) {
            for (String git : List.of("sourceProvider", "repository", "branch", "connectionArn")) {
                keys.put(git, EnumSet.of(Role.PRIMARY));
            }
        }
        return keys;
    }

    /** A key set on purpose that this delivery path never reads does nothing: say so, and how to fix it. */
    private static void warnUnread(ConfigInput in, Role role, DeliveryPath path) {
        Map<String, Setting> declared = new LinkedHashMap<>();
        new DeliveryReader().settings().forEach(s -> declared.put(s.name(), s));
        unread(path).entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String key = ConfigInput.key(e.getKey());
            String value = in.source().isUndecryptable(key) ? "" : in.source().get(key).orElse("");
            // the engine hands the program the project's declared defaults too: only a value set on purpose counts
            if (e.getValue().contains(role) && !declared.get(e.getKey()).isDefault(value)) {
                boolean git = List.of("sourceProvider", "repository", "branch", "connectionArn").contains(e.getKey())
                        && path.source() == SourceMode.UPLOAD;
                in.problems().warn(key + ": '" + (in.source().isSecret(key) ? "[secret]" : value) + "' is set for the "
                        + role.value() + " stack, but " + (git
                        ? "the source is upload (no Git connection): it has no effect; remove it from the stack file, "
                        + "or set multiregion:source to connection where region A offers CodeConnections"
                        : path.mode() == DeliveryMode.NATIVE
                        ? "only bespoke delivery reads it there and multiregion:delivery is native: it has no effect; "
                        + "remove it from the stack file, or set multiregion:delivery to bespoke"
                        : "pipeline-free delivery has no build in region B: it has no effect; remove it from the stack "
                        + "file"));
            }
        });
    }

    private static void checkBranch(Problems problems, String branch) {
        boolean bad = branch.isBlank() || branch.length() > 255 || branch.startsWith("/") || branch.endsWith("/")
                || branch.startsWith("-") || branch.startsWith(".") || branch.endsWith(".") || branch.endsWith(".lock")
                || branch.contains("..") || branch.contains("//") || branch.contains("@{") || branch.equals("@")
                || branch.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || "~^:?*[\\".indexOf(c) >= 0);
        if (bad) {
            problems.add(ConfigInput.key("branch") + ": '" + branch + "' is not a valid Git branch name (no spaces, '..', "
                    + "'~^:?*[\\', leading '-' or '/', trailing '.lock'); use the exact branch, e.g. main");
        }
    }

    private static void checkConnectionArn(Problems problems, String arn, Optional<AwsRegion> primaryRegion) {
        var matcher = CONNECTION_ARN.matcher(arn);
        if (!matcher.matches()) {
            problems.add(ConfigInput.key("connectionArn") + ": '" + arn + "' is not a CodeConnections connection ARN; copy "
                    + "it from Developer Tools > Settings > Connections "
                    + "(arn:<partition>:codeconnections:<region>:<account>:connection/<id>), or unset the key to create a "
                    + "connection");
            return;
        }
        primaryRegion.ifPresent(region -> {
            if (!matcher.group(3).equals(region.code())) {
                problems.add(ConfigInput.key("connectionArn") + ": '" + arn + "' is in region " + matcher.group(3)
                        + " but the source pipeline runs in multiregion:primaryRegion " + region
                        + "; a pipeline can only use a connection of its own region: create one in " + region);
            } else if (!matcher.group(1).equals(region.partition())) {
                problems.add(ConfigInput.key("connectionArn") + ": '" + arn + "' is in partition " + matcher.group(1)
                        + ", not " + region.partition() + "; use a connection of the primary region's partition");
            }
        });
    }

    private static void checkArtifactKey(Problems problems, String artifactKey) {
        if (artifactKey.length() > 1024 || !OBJECT_KEY.matcher(artifactKey).matches() || !artifactKey.endsWith(".zip")
                || artifactKey.contains("/./") || artifactKey.contains("/../") || artifactKey.startsWith("./")) {
            problems.add(ConfigInput.key("artifactKey") + ": '" + artifactKey + "' is not a usable release object key; use "
                    + "a relative key of letters, digits and !_.'()- separated by single '/', ending in .zip, e.g. "
                    + DEFAULT_ARTIFACT_KEY);
        }
    }

    private static List<String> testCommands(ConfigInput in) {
        String value = in.raw("testCommands").orElse(null);
        if (value == null) {
            return DEFAULT_TEST_COMMANDS;
        }
        List<String> commands = ConfigInput.jsonStrings(value).orElse(List.of());
        if (commands.isEmpty() || commands.size() > 50 || commands.stream().anyMatch(String::isBlank)) {
            in.problems().add(ConfigInput.key("testCommands") + ": '" + value + "' is not a list of 1 to 50 non-empty shell "
                    + "commands; write it as a YAML list under the key, e.g. [\"make test\"]");
            return DEFAULT_TEST_COMMANDS;
        }
        return commands;
    }
}
