package io.multiregion.config;

import com.google.gson.JsonObject;
import io.multiregion.regions.ProviderSettings;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the {@code aws:} stack config that users put there for the default provider ({@code aws:profile},
 * {@code aws:allowedAccountIds}, {@code aws:assumeRole}...). Explicit providers ignore that namespace, so each setting
 * is either passed to every provider the program creates or refused with the reason; none is ignored. Setting names
 * and types: Pulumi AWS provider, "Configuration" (the provider's inputs).
 */
public final class ProviderReader {
    private ProviderReader() {
    }

    /** The namespace. */
    public static final String AWS = "aws";

    private static final Field<String> ROLE_ARN = Field.text("roleArn", null).rule(Field.matching(
            Pattern.compile("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$"), "is not an IAM role ARN",
            "set roleArn to the role to assume, e.g. arn:aws:iam::123456789012:role/deploy"));
    private static final List<Field<?>> ASSUME_ROLE = List.of(ROLE_ARN, Field.text("sessionName", null),
            Field.text("externalId", null), Field.text("duration", null), Field.text("policy", null),
            texts("policyArns"), Field.textMap("tags"), texts("transitiveTagKeys"), Field.text("sourceIdentity", null));
    private static final List<Field<?>> WEB_IDENTITY = List.of(ROLE_ARN, Field.text("sessionName", null),
            Field.text("webIdentityToken", null), Field.text("webIdentityTokenFile", null), Field.text("duration", null),
            Field.text("policy", null), texts("policyArns"));
    private static final Field<List<String>> ACCOUNT_IDS = Field.texts("allowedAccountIds", null, Field.matching(
            Pattern.compile("^[0-9]{12}$"), "is not an AWS account id", "use the 12 digits, quoted"), false)
            .hint("write it as a YAML list, e.g. [\"123456789012\"]");
    private static final Field<Integer> COUNT = Field.whole("maxRetries", null).range(0, Integer.MAX_VALUE,
            "set a whole number of 0 or more, e.g. 25");

    /** Every provider setting passed through, by its config name (the provider input of the same name). */
    private static final Map<String, Field<?>> PASSED = new LinkedHashMap<>();
    /** The settings whose values are secrets. */
    private static final Set<String> SECRETS = Set.of("accessKey", "secretKey", "token");

    static {
        Stream.of("profile", "accessKey", "secretKey", "token", "retryMode", "stsRegion", "customCaBundle", "httpProxy",
                "httpsProxy", "noProxy", "ec2MetadataServiceEndpoint", "ec2MetadataServiceEndpointMode",
                "s3UsEast1RegionalEndpoint").forEach(n -> PASSED.put(n, Field.text(n, null)));
        Stream.of("skipCredentialsValidation", "skipMetadataApiCheck", "skipRequestingAccountId", "skipRegionValidation",
                "insecure", "s3UsePathStyle", "useFipsEndpoint", "useDualstackEndpoint")
                .forEach(n -> PASSED.put(n, Field.bool(n, false)));
        Stream.of("maxRetries", "tokenBucketRateLimiterCapacity").forEach(n -> PASSED.put(n, COUNT.renamed(n)));
        Stream.of("allowedAccountIds", "forbiddenAccountIds").forEach(n -> PASSED.put(n, ACCOUNT_IDS.renamed(n)));
        Stream.of("sharedCredentialsFiles", "sharedConfigFiles").forEach(n -> PASSED.put(n, texts(n)));
        PASSED.put("defaultTags", Field.object("defaultTags", List.of(Field.textMap("tags")), "{tags: {team: web}}"));
        PASSED.put("ignoreTags", Field.object("ignoreTags", List.of(texts("keys"), texts("keyPrefixes")),
                "{keyPrefixes: [\"kubernetes.io/\"]}"));
        PASSED.put("assumeRole", Field.object("assumeRole", ASSUME_ROLE, "{roleArn: arn:aws:iam::123456789012:role/deploy}"));
        PASSED.put("assumeRoleWithWebIdentity", Field.object("assumeRoleWithWebIdentity", WEB_IDENTITY,
                "{roleArn: ..., webIdentityTokenFile: /path}"));
    }

    /** Settings refused, with the reason and the fix. */
    private static final Map<String, String> REFUSED = Map.of(
            "endpoints", "custom service endpoints cannot be right for the two regions this program deploys to; remove it "
                    + "(for a local AWS emulator, run the offline plan instead: bin/plan)");

    private static Field<List<String>> texts(String name) {
        return Field.texts(name, null, Field.any(), false);
    }

    /** The {@code aws:} names this program honours, for misspelling suggestions and docs/configuration.md. */
    public static Set<String> honoured() {
        Set<String> names = new TreeSet<>(PASSED.keySet());
        names.add("region");
        return names;
    }

    static ProviderSettings read(ConfigSource source, StackContext stack, Problems problems) {
        Fields in = Fields.keys(source, AWS, problems);
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> secrets = new HashSet<>();
        Set<String> present = new TreeSet<>();
        source.keys().ifPresent(keys -> keys.stream().filter(k -> k.startsWith(AWS + ":"))
                .forEach(k -> present.add(k.substring(AWS.length() + 1))));
        // sources that cannot list their keys are still asked for every honoured one
        honoured().stream().filter(n -> source.get(AWS + ":" + n).isPresent()).forEach(present::add);
        for (String name : present) {
            String key = AWS + ":" + name;
            String value = source.get(key).orElse("");
            Field<?> field = PASSED.get(name);
            if (name.equals("region")) {
                checkRegion(problems, stack, value);
            } else if (REFUSED.containsKey(name)) {
                problems.add(new Problem(key, null, Problem.Kind.REFUSED, "is set, but it is not passed to this program's "
                        + "providers", REFUSED.get(name)));
            } else if (field == null) {
                problems.add(new Problem(key, value, Problem.Kind.UNKNOWN_KEY, "is not a setting of the AWS provider"
                        + Suggest.didYouMean(name, honoured()), "remove or rename it (the honoured aws: settings are "
                        + "listed in docs/configuration.md, \"Credentials and provider settings\")"));
            } else {
                read(in, field).ifPresent(v -> values.put(name, v));
                if (SECRETS.contains(name) || source.isSecret(key)) {
                    secrets.add(name);
                }
            }
        }
        return new ProviderSettings(values, secrets);
    }

    /** A setting's value as the provider takes it: text, a boolean, a number, a list, or a map of the fields set. */
    @SuppressWarnings("unchecked")
    private static Optional<Object> read(Fields in, Field<?> field) {
        if (!field.type().equals("object") || !Fields.json(in.raw(field).orElse("")).isJsonObject()) {
            return in.find(field).map(v -> (Object) v);
        }
        Fields o = in.object((Field<JsonObject>) field);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field<?> f : field.fields()) {
            Optional<?> value = f == ROLE_ARN ? o.require(ROLE_ARN, "set roleArn to the role to assume, e.g. "
                    + "arn:aws:iam::123456789012:role/deploy", "") : o.find(f);
            value.ifPresent(v -> out.put(f.name(), v));
        }
        Object value = field.name().equals("defaultTags") ? out.getOrDefault("tags", Map.of()) : out;
        return o.clean() ? Optional.of(value) : Optional.empty();
    }

    /** {@code aws:region} cannot apply to two providers: accepted only as the stack's own region, and said so. */
    private static void checkRegion(Problems problems, StackContext stack, String value) {
        String fix = "each provider takes its region from multiregion:primaryRegion and multiregion:secondaryRegion";
        Optional<String> home = stack.homeRegion().map(r -> r.code());
        if (home.isPresent() && !home.orElseThrow().equals(value)) {
            problems.add(new Problem("aws:region", value, Problem.Kind.CONFLICT, "is not this stack's region "
                    + home.orElseThrow(), fix + ": remove aws:region (pulumi config rm aws:region)"));
        } else {
            problems.warn(new Problem("aws:region", value, Problem.Kind.NO_EFFECT, "is not used: " + fix,
                    "you may remove it"));
        }
    }
}
