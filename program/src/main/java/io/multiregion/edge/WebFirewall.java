package io.multiregion.edge;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.wafv2.WebAcl;
import com.pulumi.aws.wafv2.WebAclArgs;
import com.pulumi.aws.wafv2.WebAclLoggingConfiguration;
import com.pulumi.aws.wafv2.WebAclLoggingConfigurationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionAllowArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationRedactedFieldArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationRedactedFieldSingleHeaderArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionBlockArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionNoneArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleVisibilityConfigArgs;
import com.pulumi.aws.wafv2.inputs.WebAclVisibilityConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.config.FrontDoorSettings;
import io.multiregion.naming.Names;
import io.multiregion.values.Outputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The front door's web application firewall: a WAF web ACL of {@code CLOUDFRONT} scope, which exists only in
 * us-east-1 (WAF API Reference, CreateWebACL, Scope: "CLOUDFRONT ... you must also specify the Region US East (N.
 * Virginia)"); place the component there by the global provider in its options. The distribution names it by its
 * ARN ({@code webAclId}): the association resource refuses CloudFront (terraform-provider-aws#28753; WAF API
 * Reference, AssociateWebACL: "For Amazon CloudFront, don't use this call").
 *
 * <p>Rules, in this order: AWS's IP reputation list, the core rule set (common), known bad inputs, and a rate-based
 * rule per client address. Its capacity is {@link #CAPACITY} WCUs of the 1,500 the base price covers (WAF Developer
 * Guide, "Web ACL capacity units (WCUs) in AWS WAF"): 25 + 700 + 200 + 2. Its logs go to a log group whose name
 * starts with {@code aws-waf-logs-}, with the {@code authorization} and {@code cookie} headers redacted.
 */
public final class WebFirewall extends ComponentResource {

    /** One rule of the web ACL with its capacity (WCUs). */
    public record Rule(String name, int priority, int capacity) {
    }

    /**
     * The AWS managed rule groups, with the capacity AWS publishes for each (WAF Developer Guide, "Baseline rule
     * groups": Core rule set 700, Known bad inputs 200; "IP reputation rule groups": Amazon IP reputation list 25).
     */
    public static final List<Rule> MANAGED = List.of(
            new Rule("AWSManagedRulesAmazonIpReputationList", 0, 25),
            new Rule("AWSManagedRulesCommonRuleSet", 1, 700),
            new Rule("AWSManagedRulesKnownBadInputsRuleSet", 2, 200));
    /** The rate-based rule: 2 WCUs, no custom keys or scope-down (WAF Developer Guide, "Using rate-based rule statements"). */
    public static final Rule RATE_LIMIT = new Rule("RateLimitPerClientAddress", 3, 2);
    /** The web ACL's capacity, in WCUs. */
    public static final int CAPACITY = MANAGED.stream().mapToInt(Rule::capacity).sum() + RATE_LIMIT.capacity();
    /** WCUs the base price of a web ACL covers (WAF Developer Guide, "Web ACL capacity units (WCUs) in AWS WAF"). */
    public static final int PRICED_CAPACITY = 1500;
    /** Web ACL names: 1 to 128 characters of letters, digits, hyphens and underscores (WAF API Reference, CreateWebACL). */
    public static final int NAME = 128;
    /** Web ACL descriptions: 1 to 256 characters (WAF API Reference, CreateWebACL). */
    public static final int DESCRIPTION = 256;
    /** The characters WAF accepts in a description (same reference). */
    public static final Pattern DESCRIPTION_PATTERN = Pattern.compile("^[\\w+=:#@/\\-,.][\\w+=:#@/\\-,.\\s]+[\\w+=:#@/\\-,.]$");

    static {
        if (CAPACITY > PRICED_CAPACITY) {
            throw new IllegalStateException("web ACL capacity " + CAPACITY + " WCUs exceeds " + PRICED_CAPACITY);
        }
    }

    /**
     * @param project   the project, in the name
     * @param stack     the stack, in the name (two stacks in one account never share a web ACL)
     * @param rateLimit the rate-based rule's limit and window
     * @param logs      the log group the web ACL logs to, named {@code aws-waf-logs-*}
     * @param logAccess what the delivery needs first (the log group's resource policy)
     */
    public record Args(String project, String stack, FrontDoorSettings.RateLimit rateLimit, LogGroup logs,
                       Resource logAccess) {
    }

    /** The web ACL's ARN: what the distribution's {@code webAclId} takes. */
    @Export(name = "webAclArn", refs = {String.class}, tree = "[0]")
    public final Output<String> webAclArn;

    public WebFirewall(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:edge:WebFirewall", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        String aclName = Names.fit(args.project() + "-" + args.stack() + "-front-door", NAME);

        List<WebAclRuleArgs> rules = new ArrayList<>();
        for (Rule rule : MANAGED) {
            rules.add(WebAclRuleArgs.builder()
                    .name(rule.name()).priority(rule.priority())
                    // a rule group's own rule actions apply (none overridden)
                    .overrideAction(WebAclRuleOverrideActionArgs.builder()
                            .none(WebAclRuleOverrideActionNoneArgs.builder().build()).build())
                    .statement(WebAclRuleStatementArgs.builder()
                            .managedRuleGroupStatement(WebAclRuleStatementManagedRuleGroupStatementArgs.builder()
                                    .vendorName("AWS").name(rule.name()).build())
                            .build())
                    .visibilityConfig(visibility(rule.name()))
                    .build());
        }
        rules.add(WebAclRuleArgs.builder()
                .name(RATE_LIMIT.name()).priority(RATE_LIMIT.priority())
                .action(WebAclRuleActionArgs.builder().block(WebAclRuleActionBlockArgs.builder().build()).build())
                .statement(WebAclRuleStatementArgs.builder()
                        .rateBasedStatement(WebAclRuleStatementRateBasedStatementArgs.builder()
                                .limit(args.rateLimit().limit())
                                .evaluationWindowSec(args.rateLimit().windowSeconds())
                                .aggregateKeyType("IP")
                                .build())
                        .build())
                .visibilityConfig(visibility(RATE_LIMIT.name()))
                .build());

        WebAcl acl = new WebAcl(name + "-acl", WebAclArgs.builder()
                .name(aclName)
                .description(description("The front door of " + args.project() + ", stack " + args.stack()))
                .scope("CLOUDFRONT")
                .defaultAction(WebAclDefaultActionArgs.builder().allow(WebAclDefaultActionAllowArgs.builder().build())
                        .build())
                .rules(rules)
                .visibilityConfig(WebAclVisibilityConfigArgs.builder()
                        .cloudwatchMetricsEnabled(true).sampledRequestsEnabled(true).metricName(aclName).build())
                .build(), child);
        this.webAclArn = acl.arn();

        new WebAclLoggingConfiguration(name + "-logging", WebAclLoggingConfigurationArgs.builder()
                .resourceArn(acl.arn())
                .logDestinationConfigs(Outputs.listOf(args.logs().arn()))
                .redactedFields(redact("authorization"), redact("cookie"))
                .build(),
                // WAF checks that it may deliver to the log group when logging is turned on; the delivery service's
                // permission is the program's resource policy, not one WAF would write (see EdgeLogs)
                CustomResourceOptions.builder().parent(this).dependsOn(args.logAccess()).build());

        registerOutputs(Map.of("webAclArn", webAclArn));
    }

    /**
     * A web ACL's description: 1 to 256 of letters, digits, spaces and {@code _+=:#@/-,.}, neither starting nor ending
     * with a space (WAF API Reference, CreateWebACL, Description pattern
     * {@code ^[\w+=:#@/\-,\.][\w+=:#@/\-,\.\s]+[\w+=:#@/\-,\.]$}); anything else becomes a hyphen.
     */
    static String description(String text) {
        String clean = text.replaceAll("[^\\w+=:#@/\\-,. ]", "-").strip();
        return clean.length() <= DESCRIPTION ? clean : clean.substring(0, DESCRIPTION).strip();
    }

    /** CloudWatch metrics and sampled requests for one rule. */
    private static WebAclRuleVisibilityConfigArgs visibility(String metricName) {
        return WebAclRuleVisibilityConfigArgs.builder()
                .cloudwatchMetricsEnabled(true).sampledRequestsEnabled(true).metricName(metricName).build();
    }

    /** A header kept out of the logs. */
    private static WebAclLoggingConfigurationRedactedFieldArgs redact(String header) {
        return WebAclLoggingConfigurationRedactedFieldArgs.builder()
                .singleHeader(WebAclLoggingConfigurationRedactedFieldSingleHeaderArgs.builder().name(header).build())
                .build();
    }

    /** The rule names in priority order, for documentation and tests. */
    public static List<String> ruleNames() {
        List<String> names = new ArrayList<>(MANAGED.stream().map(Rule::name).toList());
        names.add(RATE_LIMIT.name());
        return names;
    }

    /** A rule's capacity by name, when it is one of this web ACL's. */
    public static Optional<Integer> capacity(String ruleName) {
        return MANAGED.stream().filter(r -> r.name().equals(ruleName)).map(Rule::capacity).findFirst()
                .or(() -> RATE_LIMIT.name().equals(ruleName) ? Optional.of(RATE_LIMIT.capacity()) : Optional.empty());
    }
}
