package io.multiregion.config;

import io.multiregion.regions.AwsRegion;
import io.multiregion.regions.ProviderSettings;

import java.util.List;
import java.util.Optional;

/**
 * Every setting of one stack, one record per concern, read and validated by {@link SettingsReader}. Immutable;
 * built only when the whole configuration is valid. Only the stack compositions read it: components take
 * {@code Args} records of exactly what they use.
 *
 * @param project  Pulumi project name (used in physical names and tags)
 * @param stack    Pulumi stack name
 * @param core     role and regions
 * @param delivery the delivery path
 * @param storage  log retention, key deletion window, object versions, protection
 * @param network  both regions' VPCs
 * @param interRegion the inter-region network (the Transit Gateway pair and each region's attachment)
 * @param sizing   this stack's sizing (active in the primary, warm standby in the secondary)
 * @param domain   the application's DNS name and hosted zone, when set
 * @param database the Aurora global database's engine, version, port, backups and names
 * @param aws      the {@code aws:} provider settings passed to every provider
 * @param frontDoor CloudFront, WAF, DNS failover and the failover drill
 * @param warnings what is valid but probably not meant (for example a key that this stack's role never reads)
 * @param governance which governance singletons the stack creates in its region
 * @param operations alarm thresholds, the notification address and the patch window
 */
public record StackSettings(String project, String stack, CoreSettings core, DeliverySettings delivery,
                            StorageSettings storage, NetworkSettings network, InterRegionSettings interRegion, Sizing sizing,
                            Optional<DomainSettings> domain, DatabaseSettings database, ProviderSettings aws,
                            FrontDoorSettings frontDoor, List<String> warnings, GovernanceSettings governance,
                            OperationsSettings operations) {

    public StackSettings {
        warnings = List.copyOf(warnings);
    }

    public Role role() {
        return core.role();
    }

    public AwsRegion primaryRegion() {
        return core.primaryRegion();
    }

    public AwsRegion secondaryRegion() {
        return core.secondaryRegion();
    }

    /** The region this stack's own workload lives in: A for the primary, B for the secondary. */
    public AwsRegion homeRegion() {
        return core.homeRegion();
    }

    public Optional<String> primaryStack() {
        return core.primaryStack();
    }
}
