package io.multiregion.security;

import io.multiregion.testing.AuthorizationData;
import io.multiregion.testing.PolicyView;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.StandardRuns;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every policy the program writes (role policies, trust policies, key policies, bucket policies), checked
 * against AWS's authorization data ({@link AuthorizationData}): each action exists, each resource ARN is of a
 * resource type that each action of its statement accepts, and each condition key applies to each action.
 * A statement that fails here is one AWS would accept and then never apply.
 */
class AuthorizationTest {
    static Stream<String> runs() {
        return StandardRuns.ALL.stream();
    }

    record Found(String where, PolicyView.StatementView statement) {
    }

    private static List<Found> statements(ProgramRun run) {
        List<Found> out = new ArrayList<>();
        PolicyView.documents(run).forEach(d -> d.getValue().statements().forEach(s -> out.add(new Found(d.getKey(), s))));
        return out;
    }

    @ParameterizedTest(name = "{0}: every action exists and every resource is of a type each action accepts")
    @MethodSource("runs")
    void resourcesFitActions(String name) {
        List<String> faults = new ArrayList<>();
        List<Found> found = statements(StandardRuns.get(name));
        assertTrue(found.size() > 10, "statements found: " + found.size());
        for (Found f : found) {
            PolicyView.StatementView s = f.statement();
            for (String action : s.actions()) {
                if (!s.allows() && action.equals("s3:*")) {
                    continue; // the TLS-only deny covers every S3 action on the bucket and its objects
                }
                List<String> expanded = AuthorizationData.expand(action);
                if (expanded.isEmpty()) {
                    faults.add(f.where() + " " + s.sid() + ": " + action + " expands to no known action");
                }
                for (String one : expanded) {
                    var rule = AuthorizationData.rule(one);
                    if (rule.isEmpty()) {
                        faults.add(f.where() + " " + s.sid() + ": " + one + " is not in the authorization data");
                        continue;
                    }
                    if (one.equals("sts:AssumeRole") && s.resources().isEmpty()) {
                        continue; // a trust policy: the role is the resource
                    }
                    for (String resource : s.resources()) {
                        boolean fits = rule.get().acceptsOnlyStar() ? resource.equals("*") : rule.get().accepts(resource);
                        if (!fits) {
                            faults.add(f.where() + " " + s.sid() + ": " + one + " does not take " + resource);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), faults);
    }

    @ParameterizedTest(name = "{0}: every condition key applies to every action of its statement")
    @MethodSource("runs")
    void conditionKeysApply(String name) {
        List<String> faults = new ArrayList<>();
        for (Found f : statements(StandardRuns.get(name))) {
            PolicyView.StatementView s = f.statement();
            for (Map<String, List<String>> byKey : s.conditions().values()) {
                for (String key : byKey.keySet()) {
                    for (String action : s.actions()) {
                        for (String one : AuthorizationData.expand(action)) {
                            AuthorizationData.rule(one).filter(r -> !r.appliesTo(key)).ifPresent(r ->
                                    faults.add(f.where() + " " + s.sid() + ": " + key + " does not apply to " + one));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), faults);
    }

    @Test
    @DisplayName("the table itself: documented wildcards expand, unknown actions are reported")
    void table() {
        assertEquals(List.of("kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:GenerateDataKeyPair",
                "kms:GenerateDataKeyPairWithoutPlaintext"), AuthorizationData.expand("kms:GenerateDataKey*"));
        assertTrue(AuthorizationData.rule("s3:GetObjectt").isEmpty());
        var describe = AuthorizationData.rule("kms:DescribeKey").orElseThrow();
        assertFalse(describe.appliesTo("kms:EncryptionContext:aws:logs:arn"), "DescribeKey carries no encryption context");
        assertTrue(AuthorizationData.rule("kms:Decrypt").orElseThrow().appliesTo("kms:EncryptionContext:aws:logs:arn"));
        var put = AuthorizationData.rule("logs:PutLogEvents").orElseThrow();
        assertFalse(put.accepts("arn:aws:logs:eu-west-1:123456789012:log-group:/aws/codebuild/x"),
                "PutLogEvents takes log streams, not the bare log group");
        assertTrue(put.accepts("arn:aws:logs:eu-west-1:123456789012:log-group:/aws/codebuild/x:log-stream:*"));
        var streams = AuthorizationData.rule("logs:DescribeLogStreams").orElseThrow();
        assertFalse(streams.accepts("arn:aws:logs:eu-west-1:123456789012:log-group:/vpc/flow"),
                "IAM matches log-group actions against log-group:NAME:*, never the bare ARN");
        assertTrue(streams.accepts("arn:aws:logs:eu-west-1:123456789012:log-group:/vpc/flow:*"));
        var heartbeat = AuthorizationData.rule("ssm:UpdateInstanceInformation").orElseThrow();
        assertFalse(heartbeat.acceptsOnlyStar(), "it takes the instance resource type");
        assertTrue(heartbeat.accepts("arn:aws:ec2:eu-west-1:123456789012:instance/*"));
        assertTrue(AuthorizationData.rule("ssmmessages:OpenDataChannel").orElseThrow().acceptsOnlyStar());
        var pass = AuthorizationData.rule("iam:PassRole").orElseThrow();
        assertTrue(pass.appliesTo("iam:PassedToService") && !pass.appliesTo("ec2:CreateAction"));
        assertTrue(AuthorizationData.rule("ec2:CreateTags").orElseThrow().appliesTo("ec2:CreateAction"));
        assertTrue(AuthorizationData.rule("ec2:RunInstances").orElseThrow().accepts("arn:aws:ec2:eu-west-1::image/*"),
                "Amazon's AMIs have no account in their ARN");
    }
}
