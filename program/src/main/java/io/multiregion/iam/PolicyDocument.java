package io.multiregion.iam;

import com.pulumi.core.Output;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders statements to IAM policy JSON with the AWS SDK's typed policy builder, once every pending value
 * they mention is known: one engine output per document, however many statements and ARNs it has. No
 * policy JSON is ever built by string concatenation.
 */
public final class PolicyDocument {
    private PolicyDocument() {
    }

    public static Output<String> of(Statement... statements) {
        return of(List.of(statements));
    }

    public static Output<String> of(List<Statement> statements) {
        List<Statement> frozen = List.copyOf(statements);
        List<Value.Pending> pending = new ArrayList<>();
        for (Statement s : frozen) {
            collect(s.resources(), pending);
            collect(s.awsPrincipals(), pending);
            s.conditions().forEach(c -> collect(c.values(), pending));
        }
        return resolve(pending, resolved -> render(frozen, resolved));
    }

    /** A trust policy letting exactly one AWS service assume a role, under the given conditions. */
    public static Output<String> trust(String servicePrincipal, List<Statement.Condition> conditions) {
        List<Statement.Condition> frozen = List.copyOf(conditions);
        List<Value.Pending> pending = new ArrayList<>();
        frozen.forEach(c -> collect(c.values(), pending));
        return resolve(pending, resolved -> {
            IamStatement.Builder sb = IamStatement.builder().sid("TrustService").effect(IamEffect.ALLOW)
                    .addAction("sts:AssumeRole").addPrincipal(IamPrincipalType.SERVICE, servicePrincipal);
            frozen.forEach(c -> sb.addConditions(c.operator(), c.key(), texts(c.values(), resolved)));
            return IamPolicy.builder().version("2012-10-17").addStatement(sb.build()).build().toJson();
        });
    }

    private interface Renderer {
        String render(Map<Value.Pending, String> resolved);
    }

    private static Output<String> resolve(List<Value.Pending> pending, Renderer renderer) {
        if (pending.isEmpty()) {
            return Output.of(renderer.render(Map.of()));
        }
        List<Output<String>> outputs = pending.stream().map(Value.Pending::output).toList();
        return Output.all(outputs).applyValue(values -> {
            Map<Value.Pending, String> resolved = new IdentityHashMap<>();
            for (int i = 0; i < pending.size(); i++) {
                resolved.put(pending.get(i), values.get(i));
            }
            return renderer.render(resolved);
        });
    }

    private static void collect(List<Value> values, List<Value.Pending> into) {
        for (Value v : values) {
            if (v instanceof Value.Pending p) {
                into.add(p);
            }
        }
    }

    private static List<String> texts(List<Value> values, Map<Value.Pending, String> resolved) {
        List<String> out = new ArrayList<>();
        for (Value v : values) {
            // A value the engine reports as absent is rendered as "null" rather than failing the program.
            out.add(v instanceof Value.Known k ? k.text() : String.valueOf(resolved.get((Value.Pending) v)));
        }
        return out;
    }

    private static String render(List<Statement> statements, Map<Value.Pending, String> resolved) {
        IamPolicy.Builder policy = IamPolicy.builder().version("2012-10-17");
        for (Statement s : statements) {
            IamStatement.Builder sb = IamStatement.builder().sid(s.sid())
                    .effect(s.allow() ? IamEffect.ALLOW : IamEffect.DENY)
                    .actionIds(s.actions());
            texts(s.resources(), resolved).forEach(sb::addResource);
            s.servicePrincipals().forEach(service -> sb.addPrincipal(IamPrincipalType.SERVICE, service));
            texts(s.awsPrincipals(), resolved).forEach(p -> sb.addPrincipal(IamPrincipalType.AWS, p));
            s.conditions().forEach(c -> sb.addConditions(c.operator(), c.key(), texts(c.values(), resolved)));
            policy.addStatement(sb.build());
        }
        return policy.build().toJson();
    }
}
