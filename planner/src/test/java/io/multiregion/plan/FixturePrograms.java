package io.multiregion.plan;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.StackReference;
import java.util.Map;
import java.util.function.Consumer;

/** Small programs the plan is tested on: each one exercises a feature real programs use. */
final class FixturePrograms {
    private FixturePrograms() {
    }

    /** A component with one child bucket in the region of the provider it is given. */
    static final class ReplicaPair extends ComponentResource {
        final Output<String> sourceArn;

        ReplicaPair(String name, Provider a, Provider b) {
            super("fixture:storage:ReplicaPair", name, ComponentResourceOptions.builder().build());
            var source = new BucketV2(name + "-source", BucketV2Args.builder().bucketPrefix("src-").build(),
                    CustomResourceOptions.builder().parent(this).provider(a).build());
            var replica = new BucketV2(name + "-replica", BucketV2Args.builder()
                    .bucketPrefix("rep-")
                    .tags(source.arn().applyValue(arn -> Map.of("source", arn)))
                    .build(),
                    CustomResourceOptions.builder().parent(this).provider(b).build());
            new BucketVersioningV2(name + "-replica-versioning", BucketVersioningV2Args.builder()
                    .bucket(replica.id())
                    .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder()
                            .status("Enabled").build())
                    .build(),
                    CustomResourceOptions.builder().parent(this).provider(b).build());
            this.sourceArn = source.arn();
            registerOutputs(Map.of("sourceArn", sourceArn));
        }
    }

    /** Two regions, a component spanning both, a secret config value, an invoke and the stack's exports. */
    static final Consumer<Context> PRIMARY = ctx -> {
        var config = ctx.config();
        var a = new Provider("aws-a", ProviderArgs.builder().region(config.require("primaryRegion")).build());
        var b = new Provider("aws-b", ProviderArgs.builder().region(config.require("secondaryRegion")).build());
        var pair = new ReplicaPair("artifacts", a, b);
        var token = config.requireSecret("token");
        var logs = new BucketV2("logs", BucketV2Args.builder()
                .bucket("fixture-logs")
                .tags(token.applyValue(t -> Map.of("token", t, "plain", "yes")))
                .build(), CustomResourceOptions.builder().provider(a).build());
        var identity = AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(),
                InvokeOptions.builder().provider(a).build());
        ctx.export("sourceArn", pair.sourceArn);
        ctx.export("accountId", identity.applyValue(i -> i.accountId()));
        ctx.export("region", Output.of(config.require("primaryRegion")));
        ctx.export("token", token);
        ctx.export("logsGrants", logs.grants());
    };

    /** Reads the primary's exports through a StackReference. */
    static final Consumer<Context> SECONDARY = ctx -> {
        var config = ctx.config();
        var b = new Provider("aws-b", ProviderArgs.builder().region(config.require("secondaryRegion")).build());
        var primary = new StackReference(config.require("primaryStack"));
        new BucketV2("mirror", BucketV2Args.builder()
                .bucket("fixture-mirror")
                .tags(Output.tuple(primary.output("region"), primary.output("sourceArn"))
                        .applyValue(t -> Map.of("primaryRegion", String.valueOf(t.t1), "source", String.valueOf(t.t2))))
                .build(), CustomResourceOptions.builder().provider(b).build());
        ctx.export("primaryRegion", primary.output("region"));
    };

    /** Fails like the real program does on invalid configuration. */
    static final Consumer<Context> INVALID = ctx -> {
        throw new IllegalStateException("invalid configuration:\n  - multiregion:role: 'tertiary' is not primary or secondary");
    };
}
