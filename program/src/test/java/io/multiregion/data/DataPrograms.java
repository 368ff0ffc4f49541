package io.multiregion.data;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.kms.KeyPolicy;
import com.pulumi.aws.kms.KeyPolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.config.DatabaseSettings;
import io.multiregion.config.DatabaseSizing;
import io.multiregion.iam.PolicyDocument;
import io.multiregion.iam.Statement;
import io.multiregion.images.ImageRepositories;
import io.multiregion.network.Connectable;
import io.multiregion.regions.AwsRegion;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Test programs that build the data tier and the images alone, as the two stacks will: the primary stack builds
 * the pairs (global cluster, credentials, repositories) and A's cluster; the secondary stack builds B's cluster,
 * joining the global cluster whose identifier the primary exported. Keys, subnets, VPC and the application's
 * security group are made-up values or stand-in resources: they belong to other tiers.
 */
final class DataPrograms {
    private DataPrograms() {
    }

    static final AwsRegion A = new AwsRegion("eu-west-1");
    static final AwsRegion B = new AwsRegion("eu-central-1");
    static final String APP_SG_A = "sg-0app000000000000a";
    static final String APP_SG_B = "sg-0app000000000000b";
    static final String VPC_A = "vpc-0aaaaaaaaaaaaaaaa";
    static final String VPC_B = "vpc-0bbbbbbbbbbbbbbbb";
    static final List<String> SUBNETS_A = List.of("subnet-0a1", "subnet-0a2", "subnet-0a3");
    static final List<String> SUBNETS_B = List.of("subnet-0b1", "subnet-0b2");
    static final DatabaseSizing PRIMARY_SIZING = new DatabaseSizing("db.r6g.xlarge", 2);
    static final DatabaseSizing STANDBY_SIZING = new DatabaseSizing("db.r6g.large", 1);

    /** A random source that draws the same passwords for the same seed. */
    static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The password a {@link #seeded} source draws first. */
    static String firstPassword(long seed) {
        return MasterPassword.generate(seeded(seed));
    }

    private static Provider provider(AwsRegion region) {
        return new Provider("aws-" + region.code(), ProviderArgs.builder().region(region.code()).build());
    }

    /** A stand-in for a region's key: the key and its separate policy. */
    private record StandInKey(Key key, KeyPolicy policy) {
    }

    private static StandInKey key(AwsRegion region, Provider provider) {
        CustomResourceOptions in = CustomResourceOptions.builder().provider(provider).build();
        Key key = new Key("key-" + region.code(), KeyArgs.builder().enableKeyRotation(true).build(), in);
        KeyPolicy policy = new KeyPolicy("key-" + region.code() + "-policy", KeyPolicyArgs.builder()
                .keyId(key.id())
                .policy(PolicyDocument.of(Statement.allow("Account").actions("kms:DescribeKey").resource(key.arn())
                        .awsPrincipal("arn:aws:iam::123456789012:root").build()))
                .build(), in);
        return new StandInKey(key, policy);
    }

    /** A stand-in for the application tier: a name and a security group, which the database admits. */
    record StandInApp(String connectionName, Output<String> securityGroup) implements Connectable {
    }

    /** A region's cluster of the project, with this test's log retention and protection. */
    static RegionalCluster.Args.Builder cluster(String stack, DatabaseSettings db, DatabaseSizing sizing,
                                                AwsRegion region) {
        return RegionalCluster.Args.builder()
                .names("multiregion", stack)
                .region(region)
                .database(db)
                .sizing(sizing)
                .logRetentionDays(365);
    }

    /** The primary stack's data tier and images; exports what the tests and the secondary read. */
    static Consumer<Context> primary(DatabaseSettings db, DatabaseSizing sizing, SecureRandom random) {
        return ctx -> {
            Provider a = provider(A);
            Provider b = provider(B);
            StandInKey keyA = key(A, a);
            StandInKey keyB = key(B, b);
            ComponentResourceOptions inA = ComponentResourceOptions.builder().providers(a).build();

            GlobalDatabase global = new GlobalDatabase("database", new GlobalDatabase.Args(
                    "multiregion", ctx.stackName(), db.engine(), db.engineVersion(), true), inA);
            DatabaseCredentials credentials = new DatabaseCredentials("database-credentials", DatabaseCredentials.Args.builder()
                    .names("multiregion", ctx.stackName())
                    .primary(A, keyA.key().arn())
                    .replica(B, keyB.key().arn())
                    .database(db)
                    .host(global.writerEndpoint)
                    .recoveryWindowDays(30)
                    .build(), random, inA);
            RegionalCluster cluster = new RegionalCluster("database-" + A.code(), cluster(ctx.stackName(), db, sizing, A)
                    .primary(true, Optional.of(credentials.masterPassword))
                    .globalCluster(global.identifier, global.engineVersion)
                    .subnets(Output.of(VPC_A), Output.of(SUBNETS_A))
                    .key(keyA.key().arn(), List.<Resource>of(keyA.policy()))
                    .build(), inA);
            cluster.allowFrom(new StandInApp("app", Output.of(APP_SG_A)), CustomResourceOptions.builder().provider(a).build());
            ImageRepositories images = new ImageRepositories("images", ImageRepositories.Args.builder()
                    .names("multiregion", ctx.stackName())
                    .primary(A, a, keyA.key().arn())
                    .replica(B, b, keyB.key().arn())
                    .build(), ComponentResourceOptions.builder().build());

            List<Statement> appA = new ArrayList<>(credentials.grantRead("Database", A));
            appA.addAll(images.in(A).pullStatements("Images"));
            List<Statement> appB = new ArrayList<>(credentials.grantRead("Database", B));
            appB.addAll(images.in(B).pullStatements("Images"));
            ctx.export("globalClusterIdentifier", global.identifier);
            ctx.export("writerEndpoint", global.writerEndpoint);
            ctx.export("secretArn", credentials.secretArn);
            ctx.export("replicaArn", credentials.replicaArn);
            ctx.export("keyArnA", keyA.key().arn());
            ctx.export("keyArnB", keyB.key().arn());
            ctx.export("repositoryArnA", images.primary.arn());
            ctx.export("repositoryArnB", images.replica.arn());
            ctx.export("appPolicyA", PolicyDocument.of(appA));
            ctx.export("appPolicyB", PolicyDocument.of(appB));
        };
    }

    /** The secondary stack's data tier: B's cluster, joining the global cluster the primary exported. */
    static Consumer<Context> secondary(DatabaseSettings db, DatabaseSizing sizing, String globalClusterIdentifier) {
        return ctx -> {
            Provider b = provider(B);
            StandInKey keyB = key(B, b);
            RegionalCluster cluster = new RegionalCluster("database-" + B.code(), cluster(ctx.stackName(), db, sizing, B)
                    .globalCluster(Output.of(globalClusterIdentifier), Output.of(db.engineVersion()))
                    .subnets(Output.of(VPC_B), Output.of(SUBNETS_B))
                    .key(keyB.key().arn(), List.<Resource>of(keyB.policy()))
                    .build(), ComponentResourceOptions.builder().providers(b).build());
            cluster.allowFrom(new StandInApp("app", Output.of(APP_SG_B)), CustomResourceOptions.builder().provider(b).build());
            ctx.export("keyArnB", keyB.key().arn());
        };
    }
}
