package io.multiregion.config;

import com.google.gson.JsonElement;
import io.multiregion.regions.ProviderSettings;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a stack's configuration into {@link StackSettings}, one concern at a time, checking everything at once: the
 * result is either valid settings or one {@link ConfigException} listing every problem (key, bad value, fix). Nothing
 * here touches the engine, so it runs before the first resource is registered.
 *
 * <p>To add a concern: write its settings record with its fields ({@link Field}, each with its meaning) and a
 * {@code read} method, read it in {@link #check}, list its keys in {@link #settings}, declare them in {@code Pulumi.yaml}
 * (a test ties both), add its record to {@link StackSettings}, and run {@code bin/config-reference} to write their rows
 * into the configuration reference ({@link ConfigurationReference}).
 */
public final class SettingsReader {

    public static final String NS = "multiregion";

    private SettingsReader() {
    }

    /**
     * What reading found: the settings when there is no problem, every problem, and the warnings.
     *
     * @param settings the settings, when {@code problems} is empty
     * @param problems every problem, secrets masked
     * @param warnings what is valid but probably not meant, secrets masked
     */
    public record Reading(Optional<StackSettings> settings, List<Problem> problems, List<Problem> warnings) {
    }

    /** Every key of the {@code multiregion} namespace this program reads, declared by the settings records. */
    public static List<Field<?>> settings() {
        return Stream.of(CoreSettings.KEYS, DeliverySettings.KEYS, StorageSettings.KEYS, List.<Field<?>>of(
                        NetworkSettings.KEY, InterRegionSettings.KEY, Sizing.KEY, DomainSettings.KEY, DatabaseSettings.KEY,
                        GovernanceSettings.KEY, FrontDoorSettings.KEY, OperationsSettings.KEY))
                .flatMap(List::stream).toList();
    }

    /** The names of those keys. */
    public static Set<String> keys() {
        return settings().stream().map(Field::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Reads and validates; throws {@link ConfigException} with every problem when anything is wrong. */
    public static StackSettings read(ConfigSource source, String project, String stack) {
        Reading reading = check(source, project, stack);
        return reading.settings().orElseThrow(() -> new ConfigException(stack, reading.problems()));
    }

    /** Reads and validates, returning what was found. */
    public static Reading check(ConfigSource source, String project, String stack) {
        Problems problems = new Problems();
        Fields in = Fields.keys(source, NS, problems);
        checkDefaultProvidersDisabled(source, problems);
        source.keys().ifPresent(keys -> checkNoUnknownKeys(source, problems, keys));

        StackContext context = CoreSettings.read(in, StackContext.of(project, stack));
        boolean standby = context.role().equals(Optional.of(Role.SECONDARY));
        DeliverySettings delivery = DeliverySettings.read(in, context, problems);
        StorageSettings storage = StorageSettings.read(in);
        NetworkSettings network = NetworkSettings.read(in, context);
        InterRegionSettings interRegion = InterRegionSettings.read(in);
        Sizing sizing = Sizing.read(in, standby);
        Optional<DomainSettings> domain = DomainSettings.read(in);
        DatabaseSettings database = DatabaseSettings.read(in);
        // the NAT gateways of the sizing go into the zones of this stack's network
        context.role().ifPresent(role -> Sizing.checkNatGateways(sizing, network.of(role).zones()).forEach(problems::add));
        ProviderSettings aws = ProviderReader.read(source, context, problems);
        GovernanceSettings governance = GovernanceSettings.read(in);
        FrontDoorSettings frontDoor = FrontDoorSettings.read(in, context.homeRegion(), domain);
        // every service the stack registers resources of, in each region it registers them in, offered there
        context.core().ifPresent(core -> RegionServices.check(core.role(), core.primaryRegion(), core.secondaryRegion(),
                delivery.path(), delivery.trigger(), RegionServices.Parts.of(core.role(), domain, interRegion, governance,
                        frontDoor), problems));
        OperationsSettings operations = OperationsSettings.read(in, standby);
        source.keys().ifPresent(keys -> context.role().ifPresent(role -> warnUnread(source, problems, keys, role, stack)));

        Function<Problem, Problem> mask = p -> masked(source, p);
        Optional<StackSettings> settings = !problems.isEmpty() ? Optional.empty() : Optional.of(new StackSettings(project,
                stack, context.core().orElseThrow(), delivery, storage, network, interRegion, sizing, domain, database, aws,
                frontDoor, problems.warnings().stream().map(mask).map(Problem::toString).toList(), governance,
                operations));
        return new Reading(settings, problems.problems().stream().map(mask).toList(),
                problems.warnings().stream().map(mask).toList());
    }

    private static void checkDefaultProvidersDisabled(ConfigSource source, Problems problems) {
        String key = "pulumi:disable-default-providers";
        String fix = "every AWS resource here goes through an explicit provider for its region, so default providers "
                + "must be off: add  pulumi:disable-default-providers: [\"*\"]  under config: in the stack file "
                + "(or pulumi config set --path 'pulumi:disable-default-providers[0]' '*')";
        Optional<String> value = source.get(key);
        boolean off = value.map(Fields::json).filter(JsonElement::isJsonArray).map(JsonElement::getAsJsonArray)
                .map(entries -> entries.asList().stream().anyMatch(e -> Field.isText(e)
                        && List.of("*", "aws").contains(e.getAsString()))).orElse(false);
        if (value.isEmpty()) {
            problems.add(new Problem(key, null, Problem.Kind.MISSING, "not set", fix));
        } else if (!off) {
            problems.add(new Problem(key, value.orElseThrow(), Problem.Kind.CONFLICT, "leaves the aws default provider on",
                    fix));
        }
    }

    /** A misspelt key would otherwise be ignored silently and its default used. */
    private static void checkNoUnknownKeys(ConfigSource source, Problems problems, Set<String> keys) {
        Set<String> known = keys();
        keys.stream().filter(k -> k.startsWith(NS + ":")).sorted().map(k -> k.substring(NS.length() + 1))
                .filter(name -> !known.contains(name)).forEach(name -> problems.add(new Problem(NS + ":" + name,
                        source.get(NS + ":" + name).orElse(""), Problem.Kind.UNKNOWN_KEY, "is set, but it is not a setting "
                        + "of this program" + Suggest.didYouMean(name, known).replace("did you mean ", "did you mean " + NS
                        + ":"), "remove or rename it (the settings are listed in docs/configuration.md, \"Configuration reference\")")));
    }

    /** A key set in a stack file whose role never reads it does nothing there: say which stack reads it. */
    private static void warnUnread(ConfigSource source, Problems problems, Set<String> keys, Role role, String stack) {
        for (Field<?> setting : settings().stream().sorted(Comparator.comparing(Field::name)).toList()) {
            String key = NS + ":" + setting.name();
            String value = source.get(key).orElse("");
            // the engine also hands the program the project's declared defaults: only a value set on purpose counts
            if (keys.contains(key) && !setting.readBy().contains(role) && !setting.isDefault(value)) {
                String readers = setting.readBy().stream().map(Role::value).sorted().collect(Collectors.joining(" and "));
                problems.warn(new Problem(key, value, Problem.Kind.NO_EFFECT, "is set for stack '" + stack + "' (role "
                        + role.value() + "), but only the " + readers + " stack reads it: it has no effect here",
                        "set it in that stack's file instead"));
            }
        }
    }

    /** A problem about a secret key shows {@link Problem#SECRET} instead of the value. */
    private static Problem masked(ConfigSource source, Problem problem) {
        int field = problem.key().indexOf('.', problem.key().indexOf(':'));
        String key = field < 0 ? problem.key() : problem.key().substring(0, field);
        return source.isSecret(key) ? problem.masked(source.get(key).orElse("")) : problem;
    }
}
