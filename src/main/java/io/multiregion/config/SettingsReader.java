package io.multiregion.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.multiregion.regions.AwsRegion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a stack's configuration into {@link StackSettings}, checking everything at once: the result is
 * either valid settings or one {@link ConfigException} listing every problem (key, bad value, fix).
 * Nothing here touches the engine, so it runs before the first resource is registered.
 */
public final class SettingsReader {

    public static final String NS = "multiregion";

    public static final String DEFAULT_BRANCH = "main";
    /** The only delivery mode built: replication to B, a trigger and a pipeline in B. */
    public static final String DELIVERY_BESPOKE = "bespoke";
    public static final String DEFAULT_ARTIFACT_KEY = "releases/app.zip";
    public static final List<String> DEFAULT_TEST_COMMANDS = List.of("make test");
    public static final String DEFAULT_BUILD_IMAGE = "aws/codebuild/amazonlinux-x86_64-standard:5.0";
    public static final String DEFAULT_COMPUTE_TYPE = "BUILD_GENERAL1_SMALL";
    public static final int DEFAULT_BUILD_TIMEOUT = 30;
    public static final int DEFAULT_LOG_RETENTION = 365;
    public static final int DEFAULT_KMS_WINDOW = 30;
    public static final int DEFAULT_NONCURRENT_DAYS = 90;

    /** CodeBuild compute types for Linux containers (AWS CodeBuild User Guide, "Build environment compute modes and types"). */
    public static final Set<String> COMPUTE_TYPES = Set.of(
            "BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_MEDIUM", "BUILD_GENERAL1_LARGE",
            "BUILD_GENERAL1_XLARGE", "BUILD_GENERAL1_2XLARGE");

    /** Retention values CloudWatch Logs accepts (CloudWatch Logs API Reference, PutRetentionPolicy). */
    public static final Set<Integer> LOG_RETENTION_DAYS = Set.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    /** CodeBuild timeoutInMinutes range (AWS CodeBuild API Reference, CreateProject): 5 to 2160. */
    public static final int BUILD_TIMEOUT_MIN = 5;
    public static final int BUILD_TIMEOUT_MAX = 2160;
    /** KMS ScheduleKeyDeletion PendingWindowInDays range (AWS KMS API Reference): 7 to 30. */
    public static final int KMS_WINDOW_MIN = 7;
    public static final int KMS_WINDOW_MAX = 30;
    public static final int NONCURRENT_DAYS_MIN = 1;
    public static final int NONCURRENT_DAYS_MAX = 3650;

    /** Every key of the {@code multiregion} namespace this program reads; Pulumi.yaml declares the same set. */
    public static final Set<String> KEYS = Set.of("role", "primaryRegion", "secondaryRegion", "trigger", "primaryStack",
            "sourceProvider", "repository", "branch", "connectionArn", "artifactKey", "testCommands", "buildImage",
            "buildComputeType", "buildTimeoutMinutes", "containerBuilds", "logRetentionDays", "kmsDeletionWindowDays",
            "noncurrentVersionDays", "replicateDeleteMarkers", "protectData", "delivery");

    private static final Pattern STACK_REF = Pattern.compile("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$");
    private static final Pattern CONNECTION_ARN = Pattern.compile(
            "^arn:(aws[a-z-]*):(codestar-connections|codeconnections):([a-z0-9-]+):([0-9]{12}):connection/[0-9a-fA-F-]{36}$");
    /** Object keys: safe characters only (AWS S3 User Guide, "Object key naming guidelines"), no wildcard, no '//'. */
    private static final Pattern OBJECT_KEY = Pattern.compile("^[A-Za-z0-9!_.'()-]+(/[A-Za-z0-9!_.'()-]+)*$");
    private static final Pattern IMAGE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._/:@-]{0,254}$");

    private final ConfigSource source;
    private final List<String> problems = new ArrayList<>();

    private SettingsReader(ConfigSource source) {
        this.source = source;
    }

    /** Reads and validates; throws {@link ConfigException} with every problem when anything is wrong. */
    public static StackSettings read(ConfigSource source, String project, String stack) {
        return new SettingsReader(source).readAll(project, stack);
    }

    private StackSettings readAll(String project, String stack) {
        checkDefaultProvidersDisabled();
        source.keys().ifPresent(this::checkNoUnknownKeys);

        Optional<Role> role = required("role", Role::parse,
                "is not a role; set it to " + Role.choices() + " (pulumi config set multiregion:role " + stack + ")");
        Optional<AwsRegion> primaryRegion = region("primaryRegion");
        Optional<AwsRegion> secondaryRegion = region("secondaryRegion");
        primaryRegion.ifPresent(a -> secondaryRegion.ifPresent(b -> checkRegionPair(a, b)));
        TriggerMode trigger = optional("trigger", TriggerMode::parse, TriggerMode.CLOUDTRAIL,
                "is not a trigger mode; set it to " + TriggerMode.choices());
        raw("delivery").filter(mode -> !mode.equals(DELIVERY_BESPOKE)).ifPresent(mode -> problems.add(key("delivery")
                + ": '" + mode + "' is not a delivery mode this version builds; set it to " + DELIVERY_BESPOKE
                + " (replication to B and a pipeline in B) or leave it unset"
                + (mode.equals("native") ? "; native mode (one pipeline in A with a cross-region deploy action) is not built yet" : "")));
        SourceProvider sourceProvider = optional("sourceProvider", SourceProvider::parse, SourceProvider.GITHUB,
                "is not a supported Git host; set it to one of " + SourceProvider.choices());

        Optional<String> primaryStack = raw("primaryStack");
        Optional<String> repository = raw("repository");
        Optional<String> connectionArn = raw("connectionArn");
        String branch = raw("branch").orElse(DEFAULT_BRANCH);
        String artifactKey = raw("artifactKey").orElse(DEFAULT_ARTIFACT_KEY);

        if (role.equals(Optional.of(Role.SECONDARY))) {
            if (primaryStack.isEmpty()) {
                problems.add(key("primaryStack") + ": missing; the secondary stack reads the replica bucket and key from the "
                        + "primary stack: set it to the primary's full name, e.g. pulumi config set multiregion:primaryStack "
                        + "<org>/" + project + "/primary");
            }
        }
        primaryStack.ifPresent(ref -> {
            if (!STACK_REF.matcher(ref).matches()) {
                problems.add(key("primaryStack") + ": '" + ref + "' is not a fully qualified stack name; use "
                        + "<organization>/<project>/<stack>, e.g. acme/" + project + "/primary");
            }
        });
        if (role.equals(Optional.of(Role.PRIMARY)) && repository.isEmpty()) {
            problems.add(key("repository") + ": missing; the primary stack's pipeline builds this repository: set it as "
                    + sourceProvider.repositoryHint() + ", e.g. pulumi config set multiregion:repository acme/storefront");
        }
        repository.ifPresent(repo -> {
            if (!sourceProvider.acceptsRepository(repo)) {
                problems.add(key("repository") + ": '" + repo + "' is not a " + sourceProvider.value()
                        + " repository id; write it as " + sourceProvider.repositoryHint() + " without URL or .git");
            }
        });
        checkBranch(branch);
        connectionArn.ifPresent(arn -> checkConnectionArn(arn, primaryRegion));
        checkArtifactKey(artifactKey);

        List<String> testCommands = testCommands();
        String buildImage = raw("buildImage").orElse(DEFAULT_BUILD_IMAGE);
        if (!IMAGE.matcher(buildImage).matches()) {
            problems.add(key("buildImage") + ": '" + buildImage + "' is not a container image name; use a CodeBuild "
                    + "curated image such as " + DEFAULT_BUILD_IMAGE + " or an ECR image URI");
        }
        String computeType = raw("buildComputeType").orElse(DEFAULT_COMPUTE_TYPE);
        if (!COMPUTE_TYPES.contains(computeType)) {
            problems.add(key("buildComputeType") + ": '" + computeType + "' is not a CodeBuild compute type; use one of "
                    + String.join(", ", COMPUTE_TYPES.stream().sorted().toList()));
        }
        int buildTimeout = integer("buildTimeoutMinutes", DEFAULT_BUILD_TIMEOUT, BUILD_TIMEOUT_MIN, BUILD_TIMEOUT_MAX,
                "CodeBuild accepts 5 to 2160 minutes");
        boolean containerBuilds = bool("containerBuilds", false);
        // only the set of accepted values bounds the retention, so one bad number is one problem.
        int retention = integer("logRetentionDays", DEFAULT_LOG_RETENTION, Integer.MIN_VALUE, Integer.MAX_VALUE, "");
        if (!LOG_RETENTION_DAYS.contains(retention) && raw("logRetentionDays").filter(SettingsReader::isInt).isPresent()) {
            problems.add(key("logRetentionDays") + ": '" + retention + "' is not a retention CloudWatch Logs accepts; use one of "
                    + LOG_RETENTION_DAYS.stream().sorted().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""));
        }
        int kmsWindow = integer("kmsDeletionWindowDays", DEFAULT_KMS_WINDOW, KMS_WINDOW_MIN, KMS_WINDOW_MAX,
                "KMS accepts a deletion window of 7 to 30 days");
        int noncurrentDays = integer("noncurrentVersionDays", DEFAULT_NONCURRENT_DAYS, NONCURRENT_DAYS_MIN,
                NONCURRENT_DAYS_MAX, "keep noncurrent versions between 1 and 3650 days");
        boolean replicateDeleteMarkers = bool("replicateDeleteMarkers", false);
        boolean protectData = bool("protectData", true);

        if (!problems.isEmpty()) {
            throw new ConfigException(stack, problems.stream().map(this::maskSecrets).toList());
        }
        return new StackSettings(project, stack, role.orElseThrow(), primaryRegion.orElseThrow(),
                secondaryRegion.orElseThrow(), trigger, primaryStack, sourceProvider, repository, branch, connectionArn,
                artifactKey, testCommands, buildImage, computeType, buildTimeout, containerBuilds, retention, kmsWindow,
                noncurrentDays, replicateDeleteMarkers, protectData);
    }

    private void checkRegionPair(AwsRegion primary, AwsRegion secondary) {
        if (primary.equals(secondary)) {
            problems.add(key("secondaryRegion") + ": '" + secondary
                    + "' is the same as multiregion:primaryRegion; the standby must be in another region, e.g. "
                    + suggestOther(primary));
        } else if (!primary.partition().equals(secondary.partition())) {
            problems.add(key("secondaryRegion") + ": '" + secondary + "' is in partition " + secondary.partition()
                    + " but multiregion:primaryRegion '" + primary + "' is in " + primary.partition()
                    + "; S3 replication cannot cross partitions: choose two regions of one partition");
        }
    }

    private void checkDefaultProvidersDisabled() {
        String fix = "every AWS resource here goes through an explicit provider for its region, so default providers "
                + "must be off: add  pulumi:disable-default-providers: [\"*\"]  under config: in the stack file "
                + "(or pulumi config set --path 'pulumi:disable-default-providers[0]' '*')";
        String value = source.get("pulumi:disable-default-providers").orElse(null);
        if (value == null) {
            problems.add("pulumi:disable-default-providers: not set; " + fix);
            return;
        }
        List<String> entries = jsonStrings(value).orElse(List.of());
        if (!(entries.contains("*") || entries.contains("aws"))) {
            problems.add("pulumi:disable-default-providers: '" + value + "' leaves the aws default provider on; " + fix);
        }
    }

    /** A problem about a secret key shows {@code [secret]} instead of the value. */
    private String maskSecrets(String problem) {
        int colon = problem.indexOf(": ");
        String qualifiedKey = colon > 0 ? problem.substring(0, colon) : "";
        if (!qualifiedKey.isEmpty() && source.isSecret(qualifiedKey)) {
            String value = source.get(qualifiedKey).orElse("");
            return value.isEmpty() ? problem : problem.replace("'" + value + "'", "[secret]").replace(value, "[secret]");
        }
        return problem;
    }

    /** A misspelt key would otherwise be ignored silently and its default used. */
    private void checkNoUnknownKeys(Set<String> keys) {
        keys.stream().filter(k -> k.startsWith(NS + ":")).sorted().forEach(k -> {
            String name = k.substring(NS.length() + 1);
            if (!KEYS.contains(name)) {
                String closest = KEYS.stream().min((x, y) -> Integer.compare(distance(name, x), distance(name, y)))
                        .orElse("role");
                String value = source.get(k).orElse("");
                problems.add(k + ": '" + value + "' is set, but it is not a setting of this program" + (distance(name, closest) <= 3
                        ? "; did you mean " + key(closest) + "?" : "")
                        + " Remove or rename it (the settings are listed in README.md, Configuration reference)");
            }
        });
    }

    /** Levenshtein distance, case-insensitive, for suggesting the key that was meant. */
    static int distance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }

    private void checkBranch(String branch) {
        boolean bad = branch.isBlank() || branch.length() > 255 || branch.startsWith("/") || branch.endsWith("/")
                || branch.startsWith("-") || branch.startsWith(".") || branch.endsWith(".") || branch.endsWith(".lock")
                || branch.contains("..") || branch.contains("//") || branch.contains("@{") || branch.equals("@")
                || branch.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || "~^:?*[\\".indexOf(c) >= 0);
        if (bad) {
            problems.add(key("branch") + ": '" + branch + "' is not a valid Git branch name (no spaces, '..', '~^:?*[\\', "
                    + "leading '-' or '/', trailing '.lock'); use the exact branch, e.g. main");
        }
    }

    private void checkConnectionArn(String arn, Optional<AwsRegion> primaryRegion) {
        var matcher = CONNECTION_ARN.matcher(arn);
        if (!matcher.matches()) {
            problems.add(key("connectionArn") + ": '" + arn + "' is not a CodeConnections connection ARN; copy it from "
                    + "Developer Tools > Settings > Connections (arn:<partition>:codeconnections:<region>:<account>:connection/<id>)"
                    + ", or unset the key to create a connection");
            return;
        }
        primaryRegion.ifPresent(region -> {
            if (!matcher.group(3).equals(region.code())) {
                problems.add(key("connectionArn") + ": '" + arn + "' is in region " + matcher.group(3)
                        + " but the source pipeline runs in multiregion:primaryRegion " + region
                        + "; a pipeline can only use a connection of its own region: create one in " + region);
            } else if (!matcher.group(1).equals(region.partition())) {
                problems.add(key("connectionArn") + ": '" + arn + "' is in partition " + matcher.group(1)
                        + ", not " + region.partition() + "; use a connection of the primary region's partition");
            }
        });
    }

    private void checkArtifactKey(String artifactKey) {
        if (artifactKey.length() > 1024 || !OBJECT_KEY.matcher(artifactKey).matches() || !artifactKey.endsWith(".zip")
                || artifactKey.contains("/./") || artifactKey.contains("/../") || artifactKey.startsWith("./")) {
            problems.add(key("artifactKey") + ": '" + artifactKey + "' is not a usable release object key; use a relative "
                    + "key of letters, digits and !_.'()- separated by single '/', ending in .zip, e.g. "
                    + DEFAULT_ARTIFACT_KEY);
        }
    }

    private List<String> testCommands() {
        String value = raw("testCommands").orElse(null);
        if (value == null) {
            return DEFAULT_TEST_COMMANDS;
        }
        List<String> commands = jsonStrings(value).orElse(List.of());
        if (commands.isEmpty() || commands.size() > 50 || commands.stream().anyMatch(String::isBlank)) {
            problems.add(key("testCommands") + ": '" + value + "' is not a list of 1 to 50 non-empty shell commands; "
                    + "write it as a YAML list under the key, e.g. [\"make test\"]");
            return DEFAULT_TEST_COMMANDS;
        }
        return commands;
    }

    private Optional<AwsRegion> region(String name) {
        String code = raw(name).orElse(null);
        if (code == null) {
            problems.add(key(name) + ": missing; set it to an AWS region code in both stack files, e.g. "
                    + "pulumi config set multiregion:" + name + (name.startsWith("primary") ? " eu-west-1" : " eu-central-1"));
            return Optional.empty();
        }
        if (!AwsRegion.wellFormed(code)) {
            problems.add(key(name) + ": '" + code + "' is not a region code; write it like eu-west-1 (lower case, no spaces)");
            return Optional.empty();
        }
        Optional<AwsRegion> region = AwsRegion.parse(code);
        if (region.isEmpty()) {
            problems.add(key(name) + ": '" + code + "' is not an AWS region; use one the AWS provider knows, e.g. "
                    + "us-east-1, eu-west-1, ap-southeast-2");
        }
        return region;
    }

    private static String suggestOther(AwsRegion region) {
        return region.code().equals("eu-central-1") ? "eu-west-1" : "eu-central-1";
    }

    private <T> Optional<T> required(String name, Function<String, Optional<T>> parse, String fix) {
        String value = raw(name).orElse(null);
        if (value == null && source.isUndecryptable(key(name))) {
            return Optional.empty(); // a secret that cannot be decrypted here is set, just not checkable
        }
        if (value == null) {
            problems.add(key(name) + ": missing; " + fix.replaceFirst("^is not [^;]*; ", ""));
            return Optional.empty();
        }
        Optional<T> parsed = parse.apply(value);
        if (parsed.isEmpty()) {
            problems.add(key(name) + ": '" + value + "' " + fix);
        }
        return parsed;
    }

    private <T> T optional(String name, Function<String, Optional<T>> parse, T fallback, String fix) {
        String value = raw(name).orElse(null);
        if (value == null) {
            return fallback;
        }
        Optional<T> parsed = parse.apply(value);
        if (parsed.isEmpty()) {
            problems.add(key(name) + ": '" + value + "' " + fix);
        }
        return parsed.orElse(fallback);
    }

    private int integer(String name, int fallback, int min, int max, String range) {
        String value = raw(name).orElse(null);
        if (value == null) {
            return fallback;
        }
        if (!isInt(value)) {
            problems.add(key(name) + ": '" + value + "' is not a whole number; set a number such as " + fallback);
            return fallback;
        }
        int number = Integer.parseInt(value.trim());
        if (number < min || number > max) {
            problems.add(key(name) + ": '" + number + "' is out of range; "
                    + (range.isEmpty() ? "use " + min + " to " + max : range) + " (default " + fallback + ")");
        }
        return number;
    }

    private static boolean isInt(String text) {
        return text.trim().matches("^-?[0-9]{1,9}$");
    }

    private boolean bool(String name, boolean fallback) {
        String value = raw(name).orElse(null);
        if (value == null) {
            return fallback;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        problems.add(key(name) + ": '" + value + "' is not a boolean; set true or false (default " + fallback + ")");
        return fallback;
    }

    /** A key's raw value; an empty string counts as unset (project defaults may declare "" for optional keys). */
    private Optional<String> raw(String name) {
        if (source.isUndecryptable(key(name))) {
            return Optional.empty(); // not checked: the offline plan notes that it could not read it
        }
        return source.get(NS + ":" + name).filter(v -> !v.isEmpty());
    }

    private static String key(String name) {
        return NS + ":" + name;
    }

    private static Optional<List<String>> jsonStrings(String json) {
        try {
            JsonElement element = JsonParser.parseString(json);
            if (!element.isJsonArray()) {
                return Optional.empty();
            }
            JsonArray array = element.getAsJsonArray();
            List<String> values = new ArrayList<>();
            for (JsonElement item : array) {
                if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
                    return Optional.empty();
                }
                values.add(item.getAsString());
            }
            return Optional.of(values);
        } catch (JsonParseException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
