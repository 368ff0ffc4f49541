package io.multiregion.config;

import java.util.Set;

/**
 * Which account and region singletons of governance this program creates ({@code multiregion:governance}, the same in
 * both stack files). Each part can be switched off for an account that already has it (from AWS Organizations,
 * Control Tower or an earlier setup): the program never creates a second one.
 *
 * @param accountTrail            primary: the multi-region account trail (default true)
 * @param securityHub             each stack: Security Hub in its region with the FSBP standard (default true)
 * @param findingAggregator       primary: Security Hub's finding aggregator in region A, linking B (default true)
 * @param config                  each stack: AWS Config's recorder, delivery channel and bucket in its region (default true)
 * @param configRules             each stack: the program's AWS Config managed rules in its region (default true)
 * @param configServiceLinkedRole primary: create {@code AWSServiceRoleForConfig}, which both regions' recorders use
 *                                (default true; false when the account already has it)
 * @param recordingFrequency      how AWS Config records changes: {@code CONTINUOUS} (default) or {@code DAILY}
 * @param excludedRules           managed-rule identifiers to leave out (default none)
 */
public record GovernanceSettings(boolean accountTrail, boolean securityHub, boolean findingAggregator, boolean config,
                                 boolean configRules, boolean configServiceLinkedRole, String recordingFrequency,
                                 Set<String> excludedRules) {

    public static final String CONTINUOUS = "CONTINUOUS";
    public static final String DAILY = "DAILY";

    public GovernanceSettings {
        excludedRules = Set.copyOf(excludedRules);
    }

    /** Everything on, the defaults. */
    public static GovernanceSettings defaults() {
        return new GovernanceSettings(true, true, true, true, true, true, CONTINUOUS, Set.of());
    }
}
