package io.multiregion.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.multiregion.regions.ProviderSettings;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code aws:} stack config that users put there for the default provider ({@code aws:profile},
 * {@code aws:allowedAccountIds}, {@code aws:assumeRole}...). Explicit providers ignore that namespace, so each
 * setting is either passed to every provider the program creates or refused with the reason; none is ignored.
 * Setting names and types: Pulumi AWS provider, "Configuration" (the provider's inputs).
 */
public final class ProviderReader implements ConcernReader<ProviderSettings> {

    /** The namespace. */
    public static final String AWS = "aws";

    private enum Kind { TEXT, SECRET, BOOL, INT, TEXTS, TAGS, ASSUME_ROLE, WEB_IDENTITY, IGNORE_TAGS }

    /** Every provider setting passed through, by its config name (the provider input of the same name). */
    private static final Map<String, Kind> PASSED = new LinkedHashMap<>();

    static {
        PASSED.put("profile", Kind.TEXT);
        PASSED.put("allowedAccountIds", Kind.TEXTS);
        PASSED.put("forbiddenAccountIds", Kind.TEXTS);
        PASSED.put("assumeRole", Kind.ASSUME_ROLE);
        PASSED.put("assumeRoleWithWebIdentity", Kind.WEB_IDENTITY);
        PASSED.put("sharedCredentialsFiles", Kind.TEXTS);
        PASSED.put("sharedConfigFiles", Kind.TEXTS);
        PASSED.put("accessKey", Kind.SECRET);
        PASSED.put("secretKey", Kind.SECRET);
        PASSED.put("token", Kind.SECRET);
        PASSED.put("skipCredentialsValidation", Kind.BOOL);
        PASSED.put("skipMetadataApiCheck", Kind.BOOL);
        PASSED.put("skipRequestingAccountId", Kind.BOOL);
        PASSED.put("skipRegionValidation", Kind.BOOL);
        PASSED.put("insecure", Kind.BOOL);
        PASSED.put("s3UsePathStyle", Kind.BOOL);
        PASSED.put("useFipsEndpoint", Kind.BOOL);
        PASSED.put("useDualstackEndpoint", Kind.BOOL);
        PASSED.put("maxRetries", Kind.INT);
        PASSED.put("tokenBucketRateLimiterCapacity", Kind.INT);
        PASSED.put("retryMode", Kind.TEXT);
        PASSED.put("stsRegion", Kind.TEXT);
        PASSED.put("customCaBundle", Kind.TEXT);
        PASSED.put("httpProxy", Kind.TEXT);
        PASSED.put("httpsProxy", Kind.TEXT);
        PASSED.put("noProxy", Kind.TEXT);
        PASSED.put("ec2MetadataServiceEndpoint", Kind.TEXT);
        PASSED.put("ec2MetadataServiceEndpointMode", Kind.TEXT);
        PASSED.put("s3UsEast1RegionalEndpoint", Kind.TEXT);
        PASSED.put("defaultTags", Kind.TAGS);
        PASSED.put("ignoreTags", Kind.IGNORE_TAGS);
    }

    /** Settings refused, with the reason and the fix. */
    private static final Map<String, String> REFUSED = Map.of(
            "endpoints", "custom service endpoints cannot be right for the two regions this program deploys to; remove it "
                    + "(for a local AWS emulator, run the offline plan instead: bin/plan)");

    private static final Set<String> ASSUME_ROLE_FIELDS = Set.of("roleArn", "sessionName", "externalId", "duration",
            "policy", "policyArns", "tags", "transitiveTagKeys", "sourceIdentity");
    private static final Set<String> WEB_IDENTITY_FIELDS = Set.of("roleArn", "sessionName", "webIdentityToken",
            "webIdentityTokenFile", "duration", "policy", "policyArns");

    /** The {@code aws:} names this program honours, for misspelling suggestions and the README. */
    public static Set<String> honoured() {
        Set<String> names = new HashSet<>(PASSED.keySet());
        names.add("region");
        return names;
    }

    @Override
    public List<Setting> settings() {
        return List.of(); // it reads the aws: namespace, not multiregion:
    }

    @Override
    public ProviderSettings read(ConfigInput in, StackContext stack) {
        ConfigSource source = in.source();
        Problems problems = in.problems();
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> secrets = new HashSet<>();
        Set<String> present = new HashSet<>();
        source.keys().ifPresent(keys -> keys.stream().filter(k -> k.startsWith(AWS + ":"))
                .forEach(k -> present.add(k.substring(AWS.length() + 1))));
        // sources that cannot list their keys are still asked for every honoured one
        present.addAll(PASSED.keySet().stream().filter(n -> source.get(AWS + ":" + n).isPresent()).toList());
        if (source.get(AWS + ":region").isPresent()) {
            present.add("region");
        }

        for (String name : present.stream().sorted().toList()) {
            String key = AWS + ":" + name;
            String value = source.get(key).orElse("");
            if (source.isUndecryptable(key)) {
                problems.warn(key + ": a secure value that cannot be decrypted here; it is passed to every provider "
                        + "when deployed");
                continue;
            }
            if (name.equals("region")) {
                checkRegion(problems, stack, value);
            } else if (REFUSED.containsKey(name)) {
                problems.add(key + ": is set, but it is not passed to this program's providers: " + REFUSED.get(name));
            } else if (!PASSED.containsKey(name)) {
                String suggestion = Suggest.didYouMean(name, honoured());
                problems.add(key + ": '" + (source.isSecret(key) ? "[secret]" : value) + "' is not a setting of the AWS "
                        + "provider" + (suggestion.isEmpty() ? "." : suggestion) + " Remove or rename it (the honoured aws: "
                        + "settings are listed in README.md, Credentials and provider settings)");
            } else {
                parse(problems, key, name, value).ifPresent(v -> values.put(name, v));
                if (PASSED.get(name) == Kind.SECRET || source.isSecret(key)) {
                    secrets.add(name);
                }
            }
        }
        return new ProviderSettings(values, secrets);
    }

    /** {@code aws:region} cannot apply to two providers: accepted only as the stack's own region, and said so. */
    private static void checkRegion(Problems problems, StackContext stack, String value) {
        String fix = "each provider takes its region from multiregion:primaryRegion and multiregion:secondaryRegion";
        Optional<String> home = stack.homeRegion().map(r -> r.code());
        if (home.isPresent() && !home.get().equals(value)) {
            problems.add("aws:region: '" + value + "' is not this stack's region " + home.get() + "; " + fix
                    + ": remove aws:region (pulumi config rm aws:region)");
        } else {
            problems.warn("aws:region: '" + value + "' is not used: " + fix + "; you may remove it");
        }
    }

    private static Optional<Object> parse(Problems problems, String key, String name, String value) {
        Kind kind = PASSED.get(name);
        switch (kind) {
            case TEXT, SECRET -> {
                return Optional.of(value);
            }
            case BOOL -> {
                if (value.equals("true") || value.equals("false")) {
                    return Optional.of(Boolean.parseBoolean(value));
                }
                problems.add(key + ": '" + value + "' is not a boolean; set true or false");
                return Optional.empty();
            }
            case INT -> {
                if (ConfigInput.isInt(value) && Integer.parseInt(value.trim()) >= 0) {
                    return Optional.of(Integer.parseInt(value.trim()));
                }
                problems.add(key + ": '" + value + "' is not a whole number of 0 or more; set e.g. 25");
                return Optional.empty();
            }
            case TEXTS -> {
                Optional<List<String>> list = ConfigInput.jsonStrings(value);
                if (list.isEmpty()) {
                    problems.add(key + ": '" + value + "' is not a list; write it as a YAML list, e.g. [\"123456789012\"]");
                    return Optional.empty();
                }
                if (name.endsWith("AccountIds")) {
                    list.get().stream().filter(id -> !id.matches("^[0-9]{12}$")).forEach(id -> problems.add(key + ": '"
                            + id + "' is not an AWS account id; use the 12 digits, quoted"));
                }
                return Optional.of(list.get());
            }
            case TAGS -> {
                return object(problems, key, value, Set.of("tags"), "{tags: {team: web}}").map(o -> {
                    Map<String, String> tags = new LinkedHashMap<>();
                    if (o.has("tags") && o.get("tags").isJsonObject()) {
                        o.getAsJsonObject("tags").entrySet().forEach(e -> tags.put(e.getKey(), text(e.getValue())));
                    }
                    return tags;
                });
            }
            case IGNORE_TAGS -> {
                return object(problems, key, value, Set.of("keys", "keyPrefixes"), "{keyPrefixes: [\"kubernetes.io/\"]}")
                        .map(o -> plain(o));
            }
            case ASSUME_ROLE -> {
                return object(problems, key, value, ASSUME_ROLE_FIELDS, "{roleArn: arn:aws:iam::123456789012:role/deploy}")
                        .filter(o -> requireRoleArn(problems, key, o)).map(o -> plain(o));
            }
            case WEB_IDENTITY -> {
                return object(problems, key, value, WEB_IDENTITY_FIELDS, "{roleArn: ..., webIdentityTokenFile: /path}")
                        .filter(o -> requireRoleArn(problems, key, o)).map(o -> plain(o));
            }
            default -> throw new IllegalStateException("unhandled kind " + kind);
        }
    }

    private static boolean requireRoleArn(Problems problems, String key, JsonObject o) {
        String arn = o.has("roleArn") ? text(o.get("roleArn")) : "";
        if (!arn.matches("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$")) {
            problems.add(key + ".roleArn: '" + arn + "' is not an IAM role ARN; set roleArn to the role to assume, e.g. "
                    + "arn:aws:iam::123456789012:role/deploy");
            return false;
        }
        return true;
    }

    private static Optional<JsonObject> object(Problems problems, String key, String value, Set<String> fields,
                                               String example) {
        Optional<JsonObject> parsed = StructuredValue.parse(value).filter(JsonElement::isJsonObject)
                .map(JsonElement::getAsJsonObject);
        parsed.ifPresent(o -> o.keySet().stream().filter(f -> !fields.contains(f)).sorted().forEach(f -> problems.add(key
                + "." + f + ": is not a field of " + key + Suggest.didYouMean(f, fields) + " (fields: "
                + String.join(", ", fields.stream().sorted().toList()) + ")")));
        if (parsed.isPresent()) {
            return parsed;
        }
        problems.add(key + ": '" + value + "' is not a structured value; write it as a YAML map, e.g. " + example);
        return Optional.empty();
    }

    /** A JSON object as plain Java values: text, lists of text and maps of text. */
    private static Map<String, Object> plain(JsonObject o) {
        Map<String, Object> out = new LinkedHashMap<>();
        o.entrySet().forEach(e -> {
            JsonElement v = e.getValue();
            if (v.isJsonArray()) {
                out.put(e.getKey(), ConfigInput.jsonStrings(v.toString()).orElse(List.of()));
            } else if (v.isJsonObject()) {
                Map<String, String> inner = new LinkedHashMap<>();
                v.getAsJsonObject().entrySet().forEach(i -> inner.put(i.getKey(), text(i.getValue())));
                out.put(e.getKey(), inner);
            } else if (!v.isJsonNull()) {
                out.put(e.getKey(), text(v));
            }
        });
        return out;
    }

    private static String text(JsonElement e) {
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }
}
