package io.multiregion.governance;

import com.pulumi.aws.securityhub.Account;
import com.pulumi.aws.securityhub.AccountArgs;
import com.pulumi.aws.securityhub.FindingAggregator;
import com.pulumi.aws.securityhub.FindingAggregatorArgs;
import com.pulumi.aws.securityhub.StandardsSubscription;
import com.pulumi.aws.securityhub.StandardsSubscriptionArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.regions.Arns;
import io.multiregion.regions.AwsRegion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Security Hub (the CSPM API, {@code securityhub}) in one region: the hub, with the default standards off, the AWS
 * Foundational Security Best Practices standard subscribed by its ARN in this region and partition, and in region A
 * the finding aggregator that links region B.
 *
 * <ul>
 *   <li>Enabling the hub with {@code EnableDefaultStandards} on subscribes FSBP (and CIS 1.2) by itself, and the
 *       explicit subscription then fails with {@code ResourceConflictException: Standards is already enabled}
 *       (RoboFinSystems/robosystems#813; the switch came with terraform-provider-aws#13100).</li>
 *   <li>Standard ARNs are regional: {@code arn:<partition>:securityhub:<region>::standards/...} (Security Hub API
 *       Reference, DescribeStandards; the provider's StandardsSubscription documentation lists them so).</li>
 *   <li>The finding aggregator is created in the region that aggregates (AWS CloudFormation User Guide,
 *       AWS::SecurityHub::FindingAggregator), one per account; here in A, linking B only.</li>
 *   <li>Its controls evaluate what AWS Config records: with the recorder of this region the subscription waits for
 *       recording, so that the first checks find configuration items (Security Hub User Guide, "Enabling and
 *       configuring AWS Config").</li>
 * </ul>
 * With {@code hub} off (the account has Security Hub in this region already) nothing but the aggregator is created,
 * and it needs the account's hub in A.
 */
public final class SecurityHub extends ComponentResource {

    /** The FSBP standard's name and version in its ARN. */
    public static final String FSBP = "aws-foundational-security-best-practices/v/1.0.0";
    /** Control findings per control across standards (Security Hub API Reference, EnableSecurityHub). */
    public static final String CONSOLIDATED_FINDINGS = "SECURITY_CONTROL";

    /** The hub, when this component enabled it. */
    public final Optional<Account> hub;
    /** The FSBP subscription, when this component enabled the hub. */
    public final Optional<StandardsSubscription> standard;
    /** The aggregator, when this component created it. */
    public final Optional<FindingAggregator> aggregator;

    /**
     * @param region        the hub's region
     * @param hub           enable the hub and subscribe FSBP (false: the account has them in this region)
     * @param linkedRegion  region A's stack: the region whose findings the aggregator links (B); empty: no aggregator
     * @param recording     this region's recorder status, when the program records the region
     */
    public record Args(AwsRegion region, boolean hub, Optional<AwsRegion> linkedRegion, Optional<Resource> recording) {
    }

    public SecurityHub(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:governance:SecurityHub", name, options);
        List<Resource> afterHub = new ArrayList<>();
        if (args.hub()) {
            Account account = new Account(name, AccountArgs.builder()
                    // FSBP is subscribed below, by itself: the default standards would collide with it.
                    .enableDefaultStandards(false)
                    .autoEnableControls(true)
                    .controlFindingGenerator(CONSOLIDATED_FINDINGS)
                    .build(),
                    CustomResourceOptions.builder().parent(this).build());
            afterHub.add(account);
            List<Resource> beforeStandard = new ArrayList<>(afterHub);
            args.recording().ifPresent(beforeStandard::add);
            this.standard = Optional.of(new StandardsSubscription(name + "-fsbp", StandardsSubscriptionArgs.builder()
                    .standardsArn(standardArn(args.region()))
                    .build(),
                    // a standard needs the hub (and its checks, the region's recording).
                    CustomResourceOptions.builder().parent(this).dependsOn(beforeStandard).build()));
            this.hub = Optional.of(account);
        } else {
            this.hub = Optional.empty();
            this.standard = Optional.empty();
        }
        this.aggregator = args.linkedRegion().map(linked -> new FindingAggregator(name + "-aggregator",
                FindingAggregatorArgs.builder()
                        .linkingMode("SPECIFIED_REGIONS")
                        .specifiedRegions(List.of(linked.code()))
                        .build(),
                // the aggregator needs Security Hub enabled in its own region.
                CustomResourceOptions.builder().parent(this).dependsOn(afterHub).build()));

        registerOutputs(Map.of());
    }

    /** The FSBP standard's ARN in a region: regional, in the region's partition. */
    public static String standardArn(AwsRegion region) {
        return Arns.securityHubStandard(region, FSBP);
    }
}
