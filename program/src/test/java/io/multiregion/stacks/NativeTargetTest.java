package io.multiregion.stacks;

import io.multiregion.regions.AwsRegion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** B's CodeDeploy names in native delivery: the same from the primary's own name and from the secondary's reference. */
class NativeTargetTest {

    @ParameterizedTest(name = "{0} / {1} in {2} -> {3}")
    @CsvSource({
            "multiregion, primary, eu-central-1, multiregion-primary-eu-central-1",
            "multiregion, acme-corp/multiregion/primary, eu-central-1, multiregion-primary-eu-central-1",
            "multiregion, organization/multiregion/prod-a, ap-southeast-4, multiregion-prod-a-ap-southeast-4",
            "shop, prod-a, us-gov-west-1, shop-prod-a-us-gov-west-1",
            "shop, a-primary-stack-name-so-long-that-the-application-name-would-pass-the-limit-codedeploy-sets-on-it, eu-west-1, "})
    void namesFromWhatBothStacksKnow(String project, String primaryStack, String b, String application) {
        StackContract.NativeTarget target = StackContract.nativeTarget(project, primaryStack, new AwsRegion(b),
                project + "-deploy");
        if (application != null) {
            assertEquals(application, target.applicationName());
        }
        assertEquals(project + "-deploy-group", target.deploymentGroupName());
        // CodeDeploy application names: letters, digits, '.', '-', '_', at most 100 characters (DeployTarget.Args)
        assertTrue(target.applicationName().matches("^[A-Za-z0-9._-]{1,100}$"), target.applicationName());
    }
}
