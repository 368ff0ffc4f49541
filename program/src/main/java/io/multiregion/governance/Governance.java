package io.multiregion.governance;

import com.pulumi.aws.iam.ServiceLinkedRole;
import com.pulumi.aws.iam.ServiceLinkedRoleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.config.GovernanceSettings;
import io.multiregion.config.ManagedRules;
import io.multiregion.regions.Arns;
import io.multiregion.regions.AwsRegion;
import io.multiregion.storage.RegionalKey;
import io.multiregion.storage.RegionalSupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The governance of one region, built by the stack of that region: AWS Config ({@link ConfigRecording}), Security Hub
 * ({@link SecurityHub}) and, in region A (the primary's), what exists once per account: the account trail
 * ({@link AccountTrail}), the finding aggregator and the service-linked role {@code AWSServiceRoleForConfig}. Each part
 * is switched by {@code multiregion:governance}; a part that is off registers nothing.
 *
 * <p>{@code AWSServiceRoleForConfig} exists once per account (a second CreateServiceLinkedRole fails: "Service role
 * name AWSServiceRoleForConfig has been taken in this account", as in common-voice/common-voice#2196 for another
 * service). The primary creates it, before anything else records; the secondary, deployed after the primary, names
 * it by its ARN and requires it. With {@code configServiceLinkedRole: false} the account must have it already.
 *
 * <p>The audit logs (the trail's files, log group and bucket; AWS Config's deliveries) are encrypted with a key of
 * their own per region, whose policy admits CloudTrail, CloudWatch Logs and AWS Config of this account only.
 */
public final class Governance extends ComponentResource {

    /** The service AWS Config's service-linked role belongs to, and the role's fixed name. */
    public static final String CONFIG_SERVICE = "config.amazonaws.com";
    public static final String CONFIG_ROLE = "AWSServiceRoleForConfig";

    /** The account trail, when built. */
    public final Optional<AccountTrail> trail;
    /** AWS Config, when recording or rules are on. */
    public final Optional<ConfigRecording> config;
    /** Security Hub, when the hub or the aggregator is on. */
    public final Optional<SecurityHub> securityHub;
    /** The service-linked role, when created here. */
    public final Optional<ServiceLinkedRole> configRole;
    /** The audit key, when anything needs it. */
    public final Optional<RegionalKey> key;

    /**
     * The governance is created in {@code region} through the provider its options carry.
     *
     * @param namePrefix       {@code <project>-<stack>}, in every fixed name
     * @param region           the stack's home region
     * @param linkedRegion     region A's stack: region B, which the finding aggregator links; this stack also builds
     *                         the account-wide parts. Empty in region B's stack.
     * @param parts            which parts to build
     * @param logRetentionDays retention of the account trail's log group (default 365)
     */
    public record Args(String namePrefix, AwsRegion region, Optional<AwsRegion> linkedRegion, GovernanceSettings parts,
                       int logRetentionDays) {

        /** Whether this is region A's stack, which owns what exists once per account. */
        public boolean homeRegion() {
            return linkedRegion.isPresent();
        }
    }

    public Governance(String name, Args args, RegionalSupport support, ComponentResourceOptions options) {
        super("multiregion:governance:Governance", name, options);
        GovernanceSettings parts = args.parts();
        AwsRegion region = args.region();
        boolean home = args.homeRegion();
        boolean accountTrail = home && parts.accountTrail();
        boolean recording = parts.config();

        this.key = accountTrail || recording ? Optional.of(support.dedicatedKey(name + "-key", region, this, "audit",
                args.namePrefix() + ": audit logs in " + region.code() + " (account trail, AWS Config deliveries)",
                (keyArn, account) -> recording ? ConfigRecording.keyStatements(keyArn, account) : List.of()))
                : Optional.empty();

        this.trail = accountTrail ? Optional.of(new AccountTrail(name + "-trail", new AccountTrail.Args(
                args.namePrefix() + "-account", key.orElseThrow(), args.logRetentionDays()), support,
                ComponentResourceOptions.builder().parent(this).build())) : Optional.empty();

        // AWSServiceRoleForConfig: created once per account, by region A's stack, for both regions' recorders.
        this.configRole = home && recording && parts.configServiceLinkedRole()
                ? Optional.of(new ServiceLinkedRole(name + "-config-role", ServiceLinkedRoleArgs.builder()
                .awsServiceName(CONFIG_SERVICE)
                .description("AWS Config: records the account's resources for both regions' recorders")
                .build(), CustomResourceOptions.builder().parent(this).build()))
                : Optional.empty();

        List<ManagedRules.Rule> rules = parts.configRules() ? ManagedRules.forRegion(home, parts.excludedRules()) : List.of();
        if (recording || !rules.isEmpty()) {
            Output<String> account = key.map(k -> k.accountId).orElseGet(() -> support.key(region).accountId);
            Output<String> roleArn = configRole.map(ServiceLinkedRole::arn).orElseGet(() -> account
                    .applyValue(id -> Arns.serviceLinkedRole(region, id, CONFIG_SERVICE, CONFIG_ROLE)));
            this.config = Optional.of(new ConfigRecording(name + "-config", ConfigRecording.Args.builder()
                    .namePrefix(args.namePrefix())
                    .region(region, home)
                    .recording(recording, parts.recordingFrequency())
                    .roleArn(roleArn)
                    .rules(rules)
                    .build(), key, support, ComponentResourceOptions.builder().parent(this).build()));
        } else {
            this.config = Optional.empty();
        }

        boolean aggregator = home && parts.findingAggregator();
        if (parts.securityHub() || aggregator) {
            Optional<Resource> recorded = config.flatMap(c -> c.recording).map(Resource.class::cast);
            this.securityHub = Optional.of(new SecurityHub(name + "-hub", new SecurityHub.Args(region,
                    parts.securityHub(), aggregator ? args.linkedRegion() : Optional.empty(), recorded),
                    ComponentResourceOptions.builder().parent(this).build()));
        } else {
            this.securityHub = Optional.empty();
        }

        registerOutputs(Map.of());
    }

    /**
     * What this stack built, as its {@code governance} output: the account trail's name (or empty), whether it enabled
     * Security Hub and the aggregator, the recorder's name (or empty) and the number of managed rules.
     */
    public Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accountTrail", trail.map(t -> t.name).orElse(""));
        out.put("securityHub", securityHub.flatMap(h -> h.hub).isPresent());
        out.put("findingAggregator", securityHub.flatMap(h -> h.aggregator).isPresent());
        out.put("configRecorder", config.flatMap(c -> c.recorderName).orElse(""));
        out.put("configRules", config.map(c -> c.rules.size()).orElse(0));
        return out;
    }
}
