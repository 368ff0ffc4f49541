package io.multiregion.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and checks {@code multiregion:governance}, one structured value, the same in both stack files:
 * <pre>
 * multiregion:governance:
 *   accountTrail: true              # primary: the multi-region account trail
 *   securityHub: true               # each stack: Security Hub and the FSBP standard in its region
 *   findingAggregator: true         # primary: the finding aggregator in A, linking B
 *   config: true                    # each stack: AWS Config recorder, delivery channel, bucket
 *   configRules: true               # each stack: the program's managed rules
 *   configServiceLinkedRole: true   # primary: create AWSServiceRoleForConfig
 *   recordingFrequency: CONTINUOUS  # or DAILY
 *   excludedRules: []               # managed-rule identifiers to leave out
 * </pre>
 * Every field is optional; unset, every part is on.
 */
public final class GovernanceReader {
    private GovernanceReader() {
    }

    /** The key this reader owns, without the {@code multiregion:} namespace. */
    public static final String KEY = "governance";
    /** The booleans of the fixed contract, then this program's own fields. */
    public static final List<String> FIELDS = List.of("accountTrail", "securityHub", "findingAggregator", "config",
            "configRules", "configServiceLinkedRole", "recordingFrequency", "excludedRules");
    /** Recording frequencies AWS Config accepts (AWS Config API Reference, RecordingMode). */
    public static final List<String> FREQUENCIES = List.of(GovernanceSettings.CONTINUOUS, GovernanceSettings.DAILY);

    public static GovernanceSettings read(ConfigSource source, List<String> problems) {
        Optional<JsonObject> given = StructuredValue.read(source, KEY, FIELDS, "a governance field",
                "set it as a map in both stack files, e.g. {\"accountTrail\": false} for an account that already has "
                        + "a multi-region trail", problems);
        if (given.isEmpty()) {
            return GovernanceSettings.defaults();
        }
        JsonObject object = given.orElseThrow();
        boolean accountTrail = bool(object, "accountTrail", problems);
        boolean securityHub = bool(object, "securityHub", problems);
        boolean findingAggregator = bool(object, "findingAggregator", problems);
        boolean config = bool(object, "config", problems);
        boolean configRules = bool(object, "configRules", problems);
        boolean serviceLinkedRole = bool(object, "configServiceLinkedRole", problems);

        String frequency = GovernanceSettings.CONTINUOUS;
        JsonElement rawFrequency = object.get("recordingFrequency");
        if (rawFrequency != null && !rawFrequency.isJsonNull()) {
            if (rawFrequency instanceof JsonPrimitive p && p.isString() && FREQUENCIES.contains(p.getAsString())) {
                frequency = p.getAsString();
            } else {
                problems.add(qualified("recordingFrequency") + ": '" + text(rawFrequency) + "' is not a recording "
                        + "frequency of AWS Config; set CONTINUOUS (every change) or DAILY (one configuration item per "
                        + "resource and day)");
            }
        }
        return new GovernanceSettings(accountTrail, securityHub, findingAggregator, config, configRules,
                serviceLinkedRole, frequency, excludedRules(object.get("excludedRules"), problems));
    }

    /**
     * What is valid but needs the account's own AWS Config in the stack's region: Security Hub's FSBP controls and
     * the managed rules evaluate what a recorder records, and with {@code config: false} this program builds none.
     */
    public static List<String> warnings(GovernanceSettings settings) {
        List<String> warnings = new java.util.ArrayList<>();
        if (!settings.config() && (settings.securityHub() || settings.configRules())) {
            warnings.add(SettingsReader.NS + ":" + KEY + ".config is false while "
                    + (settings.securityHub() ? "securityHub" : "configRules") + " is on: they need the account's own "
                    + "AWS Config recorder in this stack's region (check with aws configservice "
                    + "describe-configuration-recorder-status); without one, set configRules false, and expect FSBP "
                    + "controls without data");
        }
        return warnings;
    }

    private static boolean bool(JsonObject object, String field, List<String> problems) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            return true;
        }
        if (value instanceof JsonPrimitive p && p.isBoolean()) {
            return p.getAsBoolean();
        }
        problems.add(qualified(field) + ": '" + text(value) + "' is not a boolean; set true (the program creates it) or "
                + "false (the account already has it)");
        return true;
    }

    private static Set<String> excludedRules(JsonElement value, List<String> problems) {
        Set<String> rules = new LinkedHashSet<>();
        if (value == null || value.isJsonNull()) {
            return rules;
        }
        String known = String.join(", ", ManagedRules.ALL.stream().map(ManagedRules.Rule::identifier).toList());
        if (!value.isJsonArray()) {
            problems.add(qualified("excludedRules") + ": '" + text(value) + "' is not a list; set a list of managed-rule "
                    + "identifiers, e.g. [RDS_CLUSTER_MULTI_AZ_ENABLED]");
            return rules;
        }
        for (JsonElement item : value.getAsJsonArray()) {
            String identifier = item instanceof JsonPrimitive p && p.isString() ? p.getAsString() : null;
            if (identifier == null || !ManagedRules.identifiers().contains(identifier)) {
                problems.add(qualified("excludedRules") + ": '" + text(item) + "' is not a managed rule this program "
                        + "deploys; use one of " + known);
            } else if (!rules.add(identifier)) {
                problems.add(qualified("excludedRules") + ": '" + identifier + "' is listed twice; list each rule once");
            }
        }
        return rules;
    }

    private static String text(JsonElement value) {
        return value instanceof JsonPrimitive p && p.isString() ? p.getAsString() : value.toString();
    }

    private static String qualified(String field) {
        return SettingsReader.NS + ":" + KEY + "." + field;
    }
}
