package io.multiregion.iam;

import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One IAM policy statement whose resources, principals and condition values may be known now or only
 * after creation (ARNs). Rendered by {@link PolicyDocument}; every statement names its actions and its
 * resources: a statement without either, or with a bare {@code *} action, cannot be built.
 *
 * @param sid               statement id (letters and digits)
 * @param allow             Allow when true, Deny when false
 * @param actions           named actions, never a bare {@code *}
 * @param resources         resource ARNs
 * @param servicePrincipals service principals (resource policies only)
 * @param awsPrincipals     AWS principals (resource policies only)
 * @param conditions        conditions, all of which must hold
 */
public record Statement(
        String sid,
        boolean allow,
        List<String> actions,
        List<Value> resources,
        List<String> servicePrincipals,
        List<Value> awsPrincipals,
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
    public record Condition(String operator, String key, List<Value> values) {
        public Condition {
            values = List.copyOf(values);
        }

        public static Condition of(String operator, String key, Output<String> value) {
            return new Condition(operator, key, List.of(Value.of(value)));
        }

        public static Condition of(String operator, String key, String value) {
            return new Condition(operator, key, List.of(Value.of(value)));
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
        private final List<Value> resources = new ArrayList<>();
        private final List<String> servicePrincipals = new ArrayList<>();
        private final List<Value> awsPrincipals = new ArrayList<>();
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
            resources.add(Value.of(arn));
            return this;
        }

        public Builder resource(String arn) {
            resources.add(Value.of(arn));
            return this;
        }

        public Builder service(String principal) {
            servicePrincipals.add(principal);
            return this;
        }

        public Builder awsPrincipal(Output<String> principal) {
            awsPrincipals.add(Value.of(principal));
            return this;
        }

        public Builder awsPrincipal(String principal) {
            awsPrincipals.add(Value.of(principal));
            return this;
        }

        public Builder condition(String operator, String key, Output<String> value) {
            conditions.add(Condition.of(operator, key, value));
            return this;
        }

        public Builder condition(String operator, String key, String value) {
            conditions.add(Condition.of(operator, key, value));
            return this;
        }

        /** A condition with several values, any of which may match. */
        public Builder conditionAnyOf(String operator, String key, List<Output<String>> values) {
            conditions.add(new Condition(operator, key, values.stream().map(Value::of).toList()));
            return this;
        }

        public Statement build() {
            return new Statement(sid, allow, actions, resources, servicePrincipals, awsPrincipals, conditions);
        }
    }
}
