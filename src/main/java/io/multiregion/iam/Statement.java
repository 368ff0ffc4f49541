package io.multiregion.iam;

import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One IAM policy statement whose resources, principals and condition values may be Pulumi outputs
 * (ARNs known only after creation). Rendered by {@link PolicyDocument}; every statement names its
 * actions and its resources: a statement without either cannot be built.
 *
 * @param sid              statement id (letters and digits)
 * @param allow            Allow when true, Deny when false
 * @param actions          named actions, never a bare {@code *}
 * @param resources        resource ARNs
 * @param servicePrincipals service principals (resource policies only)
 * @param awsPrincipals    AWS principals (resource policies only)
 * @param conditions       conditions, all of which must hold
 */
public record Statement(
        String sid,
        boolean allow,
        List<String> actions,
        List<Output<String>> resources,
        List<String> servicePrincipals,
        List<Output<String>> awsPrincipals,
        List<Condition> conditions) {

    public Statement {
        Objects.requireNonNull(sid, "sid");
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        servicePrincipals = List.copyOf(servicePrincipals);
        awsPrincipals = List.copyOf(awsPrincipals);
        conditions = List.copyOf(conditions);
        if (actions.isEmpty() || actions.stream().anyMatch(a -> a.equals("*") || a.equals("*:*"))) {
            throw new IllegalArgumentException("statement " + sid + " must name its actions: " + actions);
        }
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("statement " + sid + " must name its resources");
        }
    }

    /** A condition: {@code operator} (e.g. StringEquals) on {@code key} with one or more values. */
    public record Condition(String operator, String key, List<Output<String>> values) {
        public Condition {
            values = List.copyOf(values);
        }
    }

    public static Builder allow(String sid) {
        return new Builder(sid, true);
    }

    public static Builder deny(String sid) {
        return new Builder(sid, false);
    }

    /** Fluent construction of a {@link Statement}. */
    public static final class Builder {
        private final String sid;
        private final boolean allow;
        private final List<String> actions = new ArrayList<>();
        private final List<Output<String>> resources = new ArrayList<>();
        private final List<String> servicePrincipals = new ArrayList<>();
        private final List<Output<String>> awsPrincipals = new ArrayList<>();
        private final List<Condition> conditions = new ArrayList<>();

        private Builder(String sid, boolean allow) {
            this.sid = sid;
            this.allow = allow;
        }

        public Builder actions(List<String> names) {
            actions.addAll(names);
            return this;
        }

        public Builder actions(String... names) {
            return actions(List.of(names));
        }

        public Builder resource(Output<String> arn) {
            resources.add(arn);
            return this;
        }

        public Builder resource(String arn) {
            return resource(Output.of(arn));
        }

        public Builder resources(List<Output<String>> arns) {
            resources.addAll(arns);
            return this;
        }

        public Builder service(String principal) {
            servicePrincipals.add(principal);
            return this;
        }

        public Builder awsPrincipal(Output<String> principal) {
            awsPrincipals.add(principal);
            return this;
        }

        public Builder condition(String operator, String key, Output<String> value) {
            conditions.add(new Condition(operator, key, List.of(value)));
            return this;
        }

        public Builder condition(String operator, String key, String value) {
            return condition(operator, key, Output.of(value));
        }

        public Builder condition(String operator, String key, List<Output<String>> values) {
            conditions.add(new Condition(operator, key, values));
            return this;
        }

        public Statement build() {
            return new Statement(sid, allow, actions, resources, servicePrincipals, awsPrincipals, conditions);
        }
    }
}
