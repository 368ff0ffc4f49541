package io.multiregion.iam;

import com.pulumi.core.Output;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Renders statements to IAM policy JSON with the AWS SDK's typed policy builder, once every output
 * they mention is known. No policy JSON is ever built by string concatenation.
 */
public final class PolicyDocument {
    private PolicyDocument() {
    }

    public static Output<String> of(Statement... statements) {
        return of(List.of(statements));
    }

    public static Output<String> of(List<Statement> statements) {
        List<Output<String>> parts = new ArrayList<>();
        for (Statement s : statements) {
            parts.addAll(s.resources());
            parts.addAll(s.awsPrincipals());
            s.conditions().forEach(c -> parts.addAll(c.values()));
        }
        List<Statement> frozen = List.copyOf(statements);
        return Output.all(parts).applyValue(values -> render(frozen, values));
    }

    /** A trust policy letting exactly one AWS service assume a role, under the given conditions. */
    public static Output<String> trust(String servicePrincipal, List<Statement.Condition> conditions) {
        List<Output<String>> parts = new ArrayList<>();
        conditions.forEach(c -> parts.addAll(c.values()));
        List<Statement.Condition> frozen = List.copyOf(conditions);
        return Output.all(parts).applyValue(values -> {
            Iterator<String> it = values.iterator();
            IamStatement.Builder sb = IamStatement.builder().sid("TrustService").effect(IamEffect.ALLOW)
                    .addAction("sts:AssumeRole").addPrincipal(IamPrincipalType.SERVICE, servicePrincipal);
            for (Statement.Condition c : frozen) {
                List<String> vs = new ArrayList<>();
                c.values().forEach(v -> vs.add(String.valueOf(it.next())));
                sb.addConditions(c.operator(), c.key(), vs);
            }
            return IamPolicy.builder().version("2012-10-17").addStatement(sb.build()).build().toJson();
        });
    }

    private static String render(List<Statement> statements, List<String> values) {
        Iterator<String> it = values.iterator();
        IamPolicy.Builder policy = IamPolicy.builder().version("2012-10-17");
        for (Statement s : statements) {
            IamStatement.Builder sb = IamStatement.builder().sid(s.sid())
                    .effect(s.allow() ? IamEffect.ALLOW : IamEffect.DENY)
                    .actionIds(s.actions());
            for (int i = 0; i < s.resources().size(); i++) {
                sb.addResource(String.valueOf(it.next()));
            }
            for (String service : s.servicePrincipals()) {
                sb.addPrincipal(IamPrincipalType.SERVICE, service);
            }
            for (int i = 0; i < s.awsPrincipals().size(); i++) {
                sb.addPrincipal(IamPrincipalType.AWS, String.valueOf(it.next()));
            }
            for (Statement.Condition c : s.conditions()) {
                List<String> vs = new ArrayList<>();
                for (int i = 0; i < c.values().size(); i++) {
                    vs.add(String.valueOf(it.next()));
                }
                sb.addConditions(c.operator(), c.key(), vs);
            }
            policy.addStatement(sb.build());
        }
        return policy.build().toJson();
    }
}
