package io.multiregion.config;

import io.multiregion.regions.AwsRegion;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which stack this is and where.
 *
 * @param role            {@code multiregion:role}: primary or secondary (required)
 * @param primaryRegion   {@code multiregion:primaryRegion}: region A (required in both stack files)
 * @param secondaryRegion {@code multiregion:secondaryRegion}: region B (required in both stack files)
 * @param primaryStack    {@code multiregion:primaryStack}: the primary's {@code org/project/stack} (secondary only)
 */
public record CoreSettings(Role role, AwsRegion primaryRegion, AwsRegion secondaryRegion, Optional<String> primaryStack) {

    private static final List<String> REGION_CODES = AwsRegion.all().stream().map(AwsRegion::code).toList();

    static final Field<Role> ROLE = Field.choice("role", null, List.of(Role.values()), Role::value, "a role")
            .shownDefault("required")
            .doc("`primary` or `secondary`: which half of the deployment this stack is.");
    static final Field<String> PRIMARY_REGION = region("primaryRegion")
            .doc("Region A (e.g. `eu-west-1`). Set in both stack files, identical. Must be a region the AWS "
                    + "provider knows.");
    static final Field<String> SECONDARY_REGION = region("secondaryRegion")
            .doc("Region B (e.g. `eu-central-1`). Set in both stack files; different from A, same partition.");
    static final Field<String> PRIMARY_STACK = Field.text("primaryStack", null).only(Role.SECONDARY)
            .rule(Field.matching(Pattern.compile("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"),
                    "is not a fully qualified stack name", "use <organization>/<project>/<stack>, e.g. acme/multiregion/primary"))
            .shownDefault("required in `secondary`")
            .doc("Full name `<org>/<project>/<stack>` of the primary stack, for the StackReference; its project part "
                    + "must be this project.");

    static final List<Field<?>> KEYS = List.of(ROLE, PRIMARY_REGION, SECONDARY_REGION, PRIMARY_STACK);

    /** The region whose slice this stack builds: A for the primary, B for the secondary. */
    public AwsRegion homeRegion() {
        return role == Role.PRIMARY ? primaryRegion : secondaryRegion;
    }

    /** A region code: well formed (lower case, hyphens), and a region the AWS provider knows. */
    private static Field<String> region(String name) {
        return Field.text(name, null)
                .rule(code -> AwsRegion.wellFormed(code) ? List.of() : List.of(Problem.of(Problem.Kind.MALFORMED,
                        "is not a region code" + Suggest.didYouMean(code, REGION_CODES),
                        "write it like eu-west-1 (lower case, no spaces)")))
                .rule(code -> AwsRegion.parse(code).isPresent() ? List.of() : List.of(Problem.of(Problem.Kind.NOT_ONE_OF,
                        "is not an AWS region" + Suggest.didYouMean(code, REGION_CODES),
                        "use one the AWS provider knows, e.g. us-east-1, eu-west-1, ap-southeast-2")))
                .shownDefault("required");
    }

    /** What the stack is: the context every other concern reads with; a missing or invalid part is empty. */
    static StackContext read(Fields in, StackContext stack) {
        String roleFix = "set it to " + ROLE.choices() + " in Pulumi." + stack.stack() + ".yaml (pulumi config set "
                + in.key(ROLE) + " " + roleGuess(stack.stack()) + ")";
        Optional<Role> role = in.require(ROLE.hint(roleFix), roleFix, "the stack cannot be built without it");
        Optional<AwsRegion> a = region(in, PRIMARY_REGION, "eu-west-1");
        Optional<AwsRegion> b = region(in, SECONDARY_REGION, "eu-central-1");
        if (a.isPresent() && b.isPresent() && a.equals(b)) {
            in.add(SECONDARY_REGION, b.orElseThrow().code(), Problem.Kind.CONFLICT, "is the same as " + in.key(PRIMARY_REGION),
                    "the standby must be in another region, e.g. " + (a.orElseThrow().code().equals("eu-central-1")
                            ? "eu-west-1" : "eu-central-1"));
        } else if (a.isPresent() && b.isPresent() && !a.orElseThrow().partition().equals(b.orElseThrow().partition())) {
            in.add(SECONDARY_REGION, b.orElseThrow().code(), Problem.Kind.CONFLICT, "is in partition "
                    + b.orElseThrow().partition() + " but " + in.key(PRIMARY_REGION) + " '" + a.orElseThrow() + "' is in "
                    + a.orElseThrow().partition(), "S3 replication cannot cross partitions: choose two regions of one partition");
        }
        Optional<String> primaryStack = role.equals(Optional.of(Role.SECONDARY))
                ? in.require(PRIMARY_STACK, "the secondary stack reads the replica bucket and key from the primary stack: "
                + "set it to the primary's full name, e.g. pulumi config set " + in.key(PRIMARY_STACK) + " <org>/"
                + stack.project() + "/primary", "the secondary reads the primary stack it names")
                : in.find(PRIMARY_STACK);
        primaryStack.filter(ref -> !ref.split("/")[1].equals(stack.project())).ifPresent(ref -> in.add(PRIMARY_STACK, ref,
                Problem.Kind.CONFLICT, "names project '" + ref.split("/")[1] + "', not this project '" + stack.project()
                        + "'", "use <organization>/" + stack.project() + "/<stack>"));
        return new StackContext(stack.project(), stack.stack(), role, a, b, primaryStack);
    }

    private static Optional<AwsRegion> region(Fields in, Field<String> field, String example) {
        return in.require(field, "set it to an AWS region code in both stack files, e.g. pulumi config set " + in.key(field)
                + " " + example, "every resource of the stack needs both regions").flatMap(AwsRegion::parse);
    }

    /** The role a stack's name suggests, for the fix of a missing or misspelt role. */
    private static String roleGuess(String stackName) {
        String name = stackName.toLowerCase(Locale.ROOT);
        return name.contains("second") ? "secondary" : name.contains("primary") ? "primary" : "<primary|secondary>";
    }
}
