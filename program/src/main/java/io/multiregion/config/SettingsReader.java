package io.multiregion.config;

import io.multiregion.regions.ProviderSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a stack's configuration into {@link StackSettings}, one concern at a time, checking everything at once:
 * the result is either valid settings or one {@link ConfigException} listing every problem (key, bad value, fix).
 * Nothing here touches the engine, so it runs before the first resource is registered.
 *
 * <p>To add a concern: write its settings record and a {@link ConcernReader}, add the reader to {@link #CONCERNS},
 * declare its keys in {@code Pulumi.yaml} (a test ties both), and add its record to {@link StackSettings}.
 */
public final class SettingsReader {

    public static final String NS = ConfigInput.NS;

    static final CoreReader CORE = new CoreReader();
    static final DeliveryReader DELIVERY = new DeliveryReader();
    static final StorageReader STORAGE = new StorageReader();
    static final ProviderReader PROVIDERS = new ProviderReader();

    /** Both regions' VPC blocks and zones. */
    static final ConcernReader<NetworkSettings> NETWORK = ConcernReader.of(Setting.both("network", "object", null),
            (source, stack, problems) -> NetworkReader.read(source, problems));

    /** The inter-region network: on or off, and both gateways' ASNs. */
    static final ConcernReader<InterRegionSettings> INTER_REGION = ConcernReader.of(
            Setting.both(InterRegionReader.KEY, "object", null),
            (source, stack, problems) -> InterRegionReader.read(source, problems));

    /** The stack's sizing: its defaults depend on the role (active or warm standby). */
    static final ConcernReader<Sizing> SIZING = ConcernReader.of(Setting.both(SizingReader.KEY, "object", null),
            (source, stack, problems) -> SizingReader.read(source, stack.role().equals(Optional.of(Role.SECONDARY)), problems));

    /** The application's DNS name and hosted zone, optional. */
    static final ConcernReader<Optional<DomainSettings>> DOMAIN = ConcernReader.of(
            Setting.both(DomainReader.KEY, "object", null), (source, stack, problems) -> DomainReader.read(source, problems));

    /** The Aurora global database: engine, version, port, backups, windows, user and database names. */
    static final ConcernReader<DatabaseSettings> DATABASE = ConcernReader.of(Setting.both("database", "object", null),
            (source, stack, problems) -> DatabaseReader.read(source, problems));

    /** Which governance singletons (account trail, Security Hub, finding aggregator, AWS Config) the stacks create. */
    static final ConcernReader<GovernanceSettings> GOVERNANCE = ConcernReader.of(
            Setting.both(GovernanceReader.KEY, "object", null), (source, stack, problems) -> GovernanceReader.read(source, problems));

    /** The front door: CloudFront, WAF, DNS failover and the failover drill; read by both stacks. */
    static final ConcernReader<FrontDoorSettings> FRONT_DOOR = ConcernReader.of(
            Setting.both(FrontDoorReader.KEY, "object", null), (source, stack, problems) -> FrontDoorReader.read(source, problems));

    /** Alarm thresholds, the notification address and the patch window: the patch window's default depends on the role. */
    static final ConcernReader<OperationsSettings> OPERATIONS = ConcernReader.of(
            Setting.both(OperationsReader.KEY, "object", null), (source, stack, problems) -> OperationsReader.read(source,
                    stack.role().equals(Optional.of(Role.SECONDARY)), problems));

    /** Every concern, in the order they are read. */
    public static final List<ConcernReader<?>> CONCERNS = List.of(CORE, DELIVERY, STORAGE, NETWORK, INTER_REGION, SIZING,
            DOMAIN, DATABASE, PROVIDERS, GOVERNANCE, FRONT_DOOR, OPERATIONS);

    private SettingsReader() {
    }

    /** Every key of the {@code multiregion} namespace this program reads, as the readers declare them. */
    public static List<Setting> settings() {
        return CONCERNS.stream().flatMap(c -> c.settings().stream()).toList();
    }

    /** The names of those keys. */
    public static Set<String> keys() {
        Set<String> names = new TreeSet<>();
        settings().forEach(s -> names.add(s.name()));
        return names;
    }

    /** Reads and validates; throws {@link ConfigException} with every problem when anything is wrong. */
    public static StackSettings read(ConfigSource source, String project, String stack) {
        Problems problems = new Problems();
        ConfigInput in = new ConfigInput(source, problems);
        checkDefaultProvidersDisabled(source, problems);
        source.keys().ifPresent(keys -> checkNoUnknownKeys(source, problems, keys));

        StackContext context = CORE.read(in, StackContext.of(project, stack));
        DeliverySettings delivery = DELIVERY.read(in, context);
        StorageSettings storage = STORAGE.read(in, context);
        NetworkSettings network = NETWORK.read(in, context);
        InterRegionSettings interRegion = INTER_REGION.read(in, context);
        Sizing sizing = SIZING.read(in, context);
        Optional<DomainSettings> domain = DOMAIN.read(in, context);
        DatabaseSettings database = DATABASE.read(in, context);
        // the NAT gateways of the sizing go into the zones of this stack's network
        context.role().ifPresent(role -> SizingReader.checkNatGateways(sizing, network.of(role).zones())
                .forEach(problems::add));
        ProviderSettings aws = PROVIDERS.read(in, context);
        GovernanceSettings governance = GOVERNANCE.read(in, context);
        // CloudFront and DNS failover are on by default where the partition has CloudFront's global services; an
        // explicit true elsewhere is refused below
        FrontDoorSettings frontDoor = context.homeRegion()
                .map(home -> FrontDoorReader.forPartition(source, FRONT_DOOR.read(in, context), home))
                .orElseGet(() -> FRONT_DOOR.read(in, context));
        // the front door's partition and domain
        context.homeRegion().ifPresent(home -> FrontDoorReader.checkWith(source, frontDoor, domain, home, problems));
        // every service the stack registers resources of, in each region it registers them in, offered there
        context.core().ifPresent(core -> RegionServices.check(core.role(), core.primaryRegion(), core.secondaryRegion(),
                delivery.path(), delivery.trigger(), RegionServices.Parts.of(core.role(), domain, interRegion, governance,
                        frontDoor), problems));
        GovernanceReader.warnings(governance).forEach(problems::warn);
        OperationsSettings operations = OPERATIONS.read(in, context);
        source.keys().ifPresent(keys -> context.role().ifPresent(role -> warnUnread(source, problems, keys, role, stack)));

        if (!problems.isEmpty()) {
            throw new ConfigException(stack, problems.problems().stream().map(p -> maskSecrets(source, p)).toList());
        }
        return new StackSettings(project, stack, context.core().orElseThrow(), delivery, storage, network, interRegion,
                sizing, domain, database, aws, frontDoor, problems.warnings(), governance, operations);
    }

    private static void checkDefaultProvidersDisabled(ConfigSource source, Problems problems) {
        String fix = "every AWS resource here goes through an explicit provider for its region, so default providers "
                + "must be off: add  pulumi:disable-default-providers: [\"*\"]  under config: in the stack file "
                + "(or pulumi config set --path 'pulumi:disable-default-providers[0]' '*')";
        String value = source.get("pulumi:disable-default-providers").orElse(null);
        if (value == null) {
            problems.add("pulumi:disable-default-providers: not set; " + fix);
            return;
        }
        List<String> entries = ConfigInput.jsonStrings(value).orElse(List.of());
        if (!(entries.contains("*") || entries.contains("aws"))) {
            problems.add("pulumi:disable-default-providers: '" + value + "' leaves the aws default provider on; " + fix);
        }
    }

    /** A misspelt key would otherwise be ignored silently and its default used. */
    private static void checkNoUnknownKeys(ConfigSource source, Problems problems, Set<String> keys) {
        Set<String> known = keys();
        keys.stream().filter(k -> k.startsWith(NS + ":")).sorted().forEach(k -> {
            String name = k.substring(NS.length() + 1);
            if (!known.contains(name)) {
                String value = source.get(k).orElse(""); // masked below when secret
                String suggestion = Suggest.didYouMean(name, known).replace("did you mean ", "did you mean multiregion:");
                problems.add(k + ": '" + value + "' is set, but it is not a setting of this program"
                        + (suggestion.isEmpty() ? "." : suggestion)
                        + " Remove or rename it (the settings are listed in README.md, Configuration reference)");
            }
        });
    }

    /** A key set in a stack file whose role never reads it does nothing there: say which stack reads it. */
    private static void warnUnread(ConfigSource source, Problems problems, Set<String> keys, Role role, String stack) {
        Map<String, Setting> byKey = new LinkedHashMap<>();
        settings().forEach(s -> byKey.put(s.key(), s));
        List<String> unread = new ArrayList<>();
        for (String key : new TreeSet<>(keys)) {
            Setting setting = byKey.get(key);
            // the engine also hands the program the project's declared defaults: only a value set on purpose counts
            if (setting != null && !setting.readBy().contains(role) && !setting.isDefault(source.get(key).orElse(""))) {
                String readers = String.join(" and ", setting.readBy().stream().map(Role::value).sorted().toList());
                unread.add(key + " is set for stack '" + stack + "' (role " + role.value() + "), but only the " + readers
                        + " stack reads it: it has no effect here; set it in that stack's file instead");
            }
        }
        unread.forEach(problems::warn);
    }

    /** A problem about a secret key shows {@code [secret]} instead of the value. */
    private static String maskSecrets(ConfigSource source, String problem) {
        int colon = problem.indexOf(": ");
        String qualifiedKey = colon > 0 ? problem.substring(0, colon) : "";
        if (!qualifiedKey.isEmpty() && source.isSecret(qualifiedKey)) {
            String value = source.get(qualifiedKey).orElse("");
            return value.isEmpty() ? problem : problem.replace("'" + value + "'", "[secret]").replace(value, "[secret]");
        }
        return problem;
    }
}
