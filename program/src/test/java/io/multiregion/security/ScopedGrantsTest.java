package io.multiregion.security;

import io.multiregion.compute.AppTier;
import io.multiregion.offline.FakeCloudState;
import io.multiregion.regions.AwsRegion;
import io.multiregion.testing.PolicyView;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import io.multiregion.testing.StandardRuns;
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
 * Grants that AWS would accept and never apply, or that reach further than their use, in every policy of every
 * standard run: CodeDeploy's service role for a group built from a launch template, Session Manager's registration,
 * and the log-group form of CloudWatch Logs actions.
 */
class ScopedGrantsTest {
    private static final String ACCOUNT = "123456789012";

    static Stream<String> runs() {
        return StandardRuns.ALL.stream();
    }

    /** The CodeDeploy service role and its inline policy. */
    private record CodeDeployRole(Registered role, Registered policy) {
    }

    private static CodeDeployRole codeDeployRole(ProgramRun run) {
        List<Registered> roles = run.where(r -> r.type().equals("aws:iam/role:Role") && PolicyView.parse(r.text("assumeRolePolicy"))
                .statements().get(0).principals().getOrDefault("Service", List.of()).contains("codedeploy.amazonaws.com"));
        assertEquals(1, roles.size());
        Registered role = roles.get(0);
        String roleId = FakeCloudState.autoName(role.name()); // a role's id is its (generated) name
        List<Registered> policies = run.where(r -> r.type().equals("aws:iam/rolePolicy:RolePolicy")
                && roleId.equals(r.text("role")));
        assertEquals(1, policies.size(), "one inline policy beside the managed AWSCodeDeployRole");
        return new CodeDeployRole(role, policies.get(0));
    }

    @ParameterizedTest(name = "{0}: CodeDeploy's role adds exactly RunInstances, CreateTags and PassRole, scoped")
    @MethodSource("runs")
    void codeDeployRoleLaunchesFromTheTemplate(String name) {
        ProgramRun run = StandardRuns.get(name);
        CodeDeployRole cd = codeDeployRole(run);
        String region = cd.role().providerRegion();
        PolicyView policy = PolicyView.parse(cd.policy().text("policy"));
        assertEquals(List.of("ec2:RunInstances", "ec2:CreateTags", "iam:PassRole"), policy.allActions(),
                "CodeDeploy User Guide, \"Step 2: Create a service role for CodeDeploy\" (launch template)");
        assertFalse(policy.allResources().contains("*"));
        policy.statements().forEach(s -> assertTrue(s.allows()));

        String partition = new AwsRegion(region).partition();
        String ec2 = "arn:" + partition + ":ec2:" + region + ":" + ACCOUNT + ":";
        Registered template = run.one("aws:ec2/launchTemplate:LaunchTemplate");
        PolicyView.StatementView launch = policy.sid("LaunchFromTemplate");
        assertEquals(List.of(ec2 + "launch-template/" + template.name() + "-id", ec2 + "instance/*", ec2 + "volume/*",
                ec2 + "network-interface/*", ec2 + "subnet/*", ec2 + "security-group/*",
                "arn:" + partition + ":ec2:" + region + "::image/*"), launch.resources(), "this tier's template only, this account and region");
        PolicyView.StatementView tag = policy.sid("TagAtLaunch");
        assertEquals(List.of("RunInstances"), tag.condition("StringEquals", "ec2:CreateAction"), "tagging at launch only");
        assertTrue(tag.resources().stream().allMatch(r -> r.startsWith(ec2)));

        Registered instanceRole = run.where(r -> r.type().equals("aws:iam/role:Role") && PolicyView.parse(r.text("assumeRolePolicy"))
                .statements().get(0).principals().getOrDefault("Service", List.of()).contains(AppTier.INSTANCE_SERVICE)).get(0);
        PolicyView.StatementView pass = policy.sid("PassInstanceRole");
        assertEquals(List.of("arn:" + partition + ":iam::" + ACCOUNT + ":role/"
                        + FakeCloudState.autoName(instanceRole.name())), pass.resources(),
                "the instances' role only");
        assertEquals(List.of(AppTier.INSTANCE_SERVICE), pass.condition("StringEquals", "iam:PassedToService"));

        PolicyView.StatementView trust = PolicyView.parse(cd.role().text("assumeRolePolicy")).statements().get(0);
        assertEquals(Map.of("Service", List.of("codedeploy.amazonaws.com")), trust.principals());
        assertEquals(List.of(ACCOUNT), trust.condition("StringEquals", "aws:SourceAccount"),
                "CodeDeploy User Guide, \"Cross-service confused deputy prevention\"");
        Registered group = run.one("aws:codedeploy/deploymentGroup:DeploymentGroup");
        assertTrue(group.dependsOn(cd.policy()), "the role may launch before CodeDeploy first uses it");
    }

    @ParameterizedTest(name = "{0}: ssm:UpdateInstanceInformation on the account's instances in the region, never *")
    @MethodSource("runs")
    void sessionManagerScopedToInstances(String name) {
        ProgramRun run = StandardRuns.get(name);
        int found = 0;
        for (Map.Entry<String, PolicyView> document : PolicyView.documents(run)) {
            for (PolicyView.StatementView s : document.getValue().statements()) {
                if (s.actions().contains("ssm:UpdateInstanceInformation")) {
                    found++;
                    String region = run.one("aws:autoscaling/group:Group").providerRegion();
                    assertEquals(List.of("ssm:UpdateInstanceInformation"), s.actions(), "alone: the channels take only *");
                    assertEquals(List.of("arn:" + new AwsRegion(region).partition() + ":ec2:" + region + ":" + ACCOUNT
                            + ":instance/*"), s.resources(),
                            document.getKey());
                }
            }
        }
        assertEquals(1, found);
    }

    @ParameterizedTest(name = "{0}: every log-group action is granted on log-group:NAME:*, the form IAM matches")
    @MethodSource("runs")
    void logGroupActionsOnTheFormIamMatches(String name) {
        List<String> faults = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, PolicyView> document : PolicyView.documents(StandardRuns.get(name))) {
            for (PolicyView.StatementView s : document.getValue().statements()) {
                for (String resource : s.resources()) {
                    if (resource.contains(":logs:") && resource.contains(":log-group:") && !resource.contains(":log-stream:")) {
                        checked++;
                        if (!resource.endsWith(":*")) {
                            faults.add(document.getKey() + " " + s.sid() + " " + s.actions() + " on " + resource);
                        }
                    }
                }
            }
        }
        assertTrue(checked >= 1, "the flow-logs role lists its streams");
        assertEquals(List.of(), faults, "CloudWatch Logs User Guide: the bare log-group ARN is for tagging actions only");
    }
}
