package io.multiregion.config;

import com.google.gson.JsonObject;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which account and region singletons of governance this program creates ({@code multiregion:governance}, the same in
 * both stack files). Each part can be switched off for an account that already has it (from AWS Organizations, Control
 * Tower or an earlier setup): the program never creates a second one. Every field is optional; unset, every part is on.
 * <pre>
 * multiregion:governance: {accountTrail: true, securityHub: true, findingAggregator: true, config: true,
 *                          configRules: true, configServiceLinkedRole: true, recordingFrequency: CONTINUOUS,
 *                          excludedRules: []}
 * </pre>
 *
 * @param accountTrail            primary: the multi-region account trail
 * @param securityHub             each stack: Security Hub in its region with the FSBP standard
 * @param findingAggregator       primary: Security Hub's finding aggregator in region A, linking B
 * @param config                  each stack: AWS Config's recorder, delivery channel and bucket in its region
 * @param configRules             each stack: the program's AWS Config managed rules in its region
 * @param configServiceLinkedRole primary: create {@code AWSServiceRoleForConfig}, which both regions' recorders use
 *                                (false when the account already has it)
 * @param recordingFrequency      how AWS Config records changes: {@code CONTINUOUS} or {@code DAILY}
 * @param excludedRules           managed-rule identifiers to leave out
 */
public record GovernanceSettings(boolean accountTrail, boolean securityHub, boolean findingAggregator, boolean config,
                                 boolean configRules, boolean configServiceLinkedRole, String recordingFrequency,
                                 Set<String> excludedRules) {

    public static final String CONTINUOUS = "CONTINUOUS";
    public static final String DAILY = "DAILY";

    static final Field<Boolean> ACCOUNT_TRAIL = part("accountTrail")
            .doc("Read by the primary only. The multi-region account trail in A (management events, KMS, "
                    + "validation, CloudWatch Logs, its own bucket). False when the account has a multi-region trail "
                    + "of management events.");
    static final Field<Boolean> SECURITY_HUB = part("securityHub")
            .doc("Read by each stack, for its region. Security Hub with default standards off and FSBP v1.0.0 "
                    + "subscribed. False when the region's hub exists.");
    static final Field<Boolean> FINDING_AGGREGATOR = part("findingAggregator")
            .doc("Read by the primary only. The finding aggregator in A, linking B. False when the account has "
                    + "one.");
    static final Field<Boolean> CONFIG = part("config")
            .doc("Read by each stack, for its region. AWS Config's recorder (every supported type; global IAM "
                    + "types in A only), delivery channel to a KMS-encrypted bucket and recording. False when the "
                    + "region has a recorder.");
    static final Field<Boolean> CONFIG_RULES = part("configRules")
            .doc("Read by each stack, for its region. The program's AWS Config managed rules (24 in A, 22 in B); "
                    + "with `config: false` they use the account's recorder.");
    static final Field<Boolean> SERVICE_LINKED_ROLE = part("configServiceLinkedRole")
            .doc("Read by the primary only. Create `AWSServiceRoleForConfig`, which both recorders use. False "
                    + "when the account has it (`aws iam get-role --role-name AWSServiceRoleForConfig`).");
    /** Recording frequencies AWS Config accepts (AWS Config API Reference, RecordingMode). */
    static final Field<String> RECORDING_FREQUENCY = Field.choice("recordingFrequency", CONTINUOUS,
            List.of(CONTINUOUS, DAILY), f -> f, "a recording frequency of AWS Config").hint("set CONTINUOUS (every change) "
            + "or DAILY (one configuration item per resource and day)")
            .doc("Read by each stack. `CONTINUOUS` or `DAILY` (AWS Config RecordingMode).");
    static final Field<List<String>> EXCLUDED_RULES = Field.texts("excludedRules", List.of(), Field.expect(
            ManagedRules.identifiers()::contains, Problem.Kind.NOT_ONE_OF, "is not a managed rule this program deploys",
            "use one of " + String.join(", ", ManagedRules.ALL.stream().map(ManagedRules.Rule::identifier).toList())), true)
            .hint("set a list of managed-rule identifiers, e.g. [RDS_CLUSTER_MULTI_AZ_ENABLED]")
            .doc("Read by each stack. Managed-rule identifiers of `config/ManagedRules` to leave out, for example one "
                    + "a region does not offer. Each once.");
    static final Field<JsonObject> KEY = Field.object("governance", List.of(ACCOUNT_TRAIL, SECURITY_HUB,
            FINDING_AGGREGATOR, CONFIG, CONFIG_RULES, SERVICE_LINKED_ROLE, RECORDING_FREQUENCY, EXCLUDED_RULES),
            "{accountTrail: false} for an account that already has a multi-region trail")
            .shownDefault("every part on")
            .doc("Which governance singletons the stacks create: the account trail, Security Hub, the finding "
                    + "aggregator, AWS Config and its rules (see below and [governance.md](governance.md)).");

    public GovernanceSettings {
        excludedRules = Set.copyOf(excludedRules);
    }

    private static Field<Boolean> part(String name) {
        return Field.bool(name, true).hint("set true (the program creates it) or false (the account already has it)");
    }

    /** Everything on, the defaults. */
    public static GovernanceSettings defaults() {
        return read(Fields.none());
    }

    /**
     * The settings. Valid, but worth a warning: Security Hub's FSBP controls and the managed rules evaluate what a
     * recorder records, and with {@code config: false} this program builds none in the stack's region.
     */
    static GovernanceSettings read(Fields in) {
        Fields o = in.object(KEY);
        GovernanceSettings read = new GovernanceSettings(o.get(ACCOUNT_TRAIL), o.get(SECURITY_HUB),
                o.get(FINDING_AGGREGATOR), o.get(CONFIG), o.get(CONFIG_RULES), o.get(SERVICE_LINKED_ROLE),
                o.get(RECORDING_FREQUENCY), new LinkedHashSet<>(o.get(EXCLUDED_RULES)));
        if (!read.config && (read.securityHub || read.configRules)) {
            o.warn(CONFIG, false, Problem.Kind.NO_EFFECT, "while " + (read.securityHub ? "securityHub" : "configRules")
                    + " is on: they need the account's own AWS Config recorder in this stack's region (check with aws "
                    + "configservice describe-configuration-recorder-status)", "without one, set configRules false, and "
                    + "expect FSBP controls without data");
        }
        return read;
    }
}
