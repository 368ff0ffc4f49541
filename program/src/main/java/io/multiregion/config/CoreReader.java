package io.multiregion.config;

import io.multiregion.regions.AwsRegion;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the stack's role, its two regions and, for the secondary, the primary stack's name. */
public final class CoreReader implements ConcernReader<StackContext> {

    private static final Pattern STACK_REF = Pattern.compile("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$");

    @Override
    public List<Setting> settings() {
        return List.of(
                Setting.both("role", "string", null),
                Setting.both("primaryRegion", "string", null),
                Setting.both("secondaryRegion", "string", null),
                Setting.only(Role.SECONDARY, "primaryStack", "string", "\"\""));
    }

    /** What the stack is: the context every other concern reads with; a missing or invalid part is empty. */
    @Override
    public StackContext read(ConfigInput in, StackContext stack) {
        Problems problems = in.problems();
        String roleFix = "set it to " + Role.choices() + " in Pulumi." + stack.stack() + ".yaml (pulumi config set "
                + "multiregion:role " + roleGuess(stack.stack()) + ")";
        Optional<Role> role = in.required("role", Role::parse, roleFix, "is not a role"
                + in.raw("role").map(v -> Suggest.didYouMean(v, List.of("primary", "secondary"))).orElse("")
                + "; " + roleFix);
        Optional<AwsRegion> primaryRegion = region(in, "primaryRegion");
        Optional<AwsRegion> secondaryRegion = region(in, "secondaryRegion");
        primaryRegion.ifPresent(a -> secondaryRegion.ifPresent(b -> checkRegionPair(problems, a, b)));

        Optional<String> primaryStack = in.raw("primaryStack");
        if (role.equals(Optional.of(Role.SECONDARY)) && primaryStack.isEmpty()
                && !in.reportUndecryptable("primaryStack", "the secondary reads the primary stack it names")) {
            problems.add(ConfigInput.key("primaryStack") + ": missing; the secondary stack reads the replica bucket and key "
                    + "from the primary stack: set it to the primary's full name, e.g. pulumi config set "
                    + "multiregion:primaryStack <org>/" + stack.project() + "/primary");
        }
        primaryStack.ifPresent(ref -> {
            if (!STACK_REF.matcher(ref).matches()) {
                problems.add(ConfigInput.key("primaryStack") + ": '" + ref + "' is not a fully qualified stack name; use "
                        + "<organization>/<project>/<stack>, e.g. acme/" + stack.project() + "/primary");
            } else if (!ref.split("/")[1].equals(stack.project())) {
                problems.add(ConfigInput.key("primaryStack") + ": '" + ref + "' names project '" + ref.split("/")[1]
                        + "', not this project '" + stack.project() + "'; use <organization>/" + stack.project() + "/<stack>");
            }
        });
        return new StackContext(stack.project(), stack.stack(), role, primaryRegion, secondaryRegion, primaryStack);
    }

    /** The role a stack's name suggests, for the fix of a missing or misspelt role. */
    private static String roleGuess(String stackName) {
        return stackName.toLowerCase(java.util.Locale.ROOT).contains("second") ? "secondary"
                : stackName.toLowerCase(java.util.Locale.ROOT).contains("primary") ? "primary" : "<primary|secondary>";
    }

    private static Optional<AwsRegion> region(ConfigInput in, String name) {
        String code = in.raw(name).orElse(null);
        if (code == null) {
            if (in.reportUndecryptable(name, "every resource of the stack needs both regions")) {
                return Optional.empty();
            }
            in.problems().add(ConfigInput.key(name) + ": missing; set it to an AWS region code in both stack files, e.g. "
                    + "pulumi config set multiregion:" + name + (name.startsWith("primary") ? " eu-west-1" : " eu-central-1"));
            return Optional.empty();
        }
        List<String> known = AwsRegion.all().stream().map(AwsRegion::code).toList();
        if (!AwsRegion.wellFormed(code)) {
            in.problems().add(ConfigInput.key(name) + ": '" + code + "' is not a region code" + Suggest.didYouMean(code, known)
                    + "; write it like eu-west-1 (lower case, no spaces)");
            return Optional.empty();
        }
        Optional<AwsRegion> region = AwsRegion.parse(code);
        if (region.isEmpty()) {
            in.problems().add(ConfigInput.key(name) + ": '" + code + "' is not an AWS region" + Suggest.didYouMean(code, known)
                    + "; use one the AWS provider knows, e.g. us-east-1, eu-west-1, ap-southeast-2");
        }
        return region;
    }

    private static void checkRegionPair(Problems problems, AwsRegion primary, AwsRegion secondary) {
        if (primary.equals(secondary)) {
            problems.add(ConfigInput.key("secondaryRegion") + ": '" + secondary
                    + "' is the same as multiregion:primaryRegion; the standby must be in another region, e.g. "
                    + (primary.code().equals("eu-central-1") ? "eu-west-1" : "eu-central-1"));
        } else if (!primary.partition().equals(secondary.partition())) {
            problems.add(ConfigInput.key("secondaryRegion") + ": '" + secondary + "' is in partition " + secondary.partition()
                    + " but multiregion:primaryRegion '" + primary + "' is in " + primary.partition()
                    + "; S3 replication cannot cross partitions: choose two regions of one partition");
        }
    }
}
