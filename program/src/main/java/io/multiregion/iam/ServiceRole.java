package io.multiregion.iam;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import io.multiregion.naming.Names;

import java.util.List;

/**
 * A role that exactly one AWS service may assume, with its permissions as one inline policy (no managed
 * policies, so nothing grants more than the statements given here: FSBP IAM.1 and IAM.21).
 *
 * @param role   the role (auto-named from its logical name, within the IAM limit)
 * @param policy its inline policy; depend on it, not on the role, before the service first uses the role
 */
public record ServiceRole(Role role, RolePolicy policy) {

    /**
     * @param name        logical name of the role and its policy
     * @param service     the only service principal that may assume the role
     * @param trust       extra conditions on the trust (e.g. {@code aws:SourceArn}), or none
     * @param description what the role is for
     * @param permissions the role's statements
     * @param options     parent and provider
     */
    public static ServiceRole create(String name, String service, List<Statement.Condition> trust, String description,
                                     List<Statement> permissions, CustomResourceOptions options) {
        Role role = new Role(Names.autoNamed(name, Names.IAM_ROLE), RoleArgs.builder()
                .description(description)
                .assumeRolePolicy(PolicyDocument.trust(service, trust))
                .build(), options);
        RolePolicy policy = new RolePolicy(name, RolePolicyArgs.builder()
                .role(role.id())
                .policy(PolicyDocument.of(permissions))
                .build(), options);
        return new ServiceRole(role, policy);
    }

    public Output<String> arn() {
        return role.arn();
    }
}
