package io.multiregion.regions;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderAssumeRoleArgs;
import com.pulumi.aws.inputs.ProviderAssumeRoleWithWebIdentityArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.aws.inputs.ProviderIgnoreTagsArgs;
import com.pulumi.core.Output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One explicit AWS provider per region, created on first use and reused (as CDK's per-region support
 * stacks are). A stack may only reach the regions it is allowed: the secondary stack is not allowed
 * region A at all, so it can be updated while region A is impaired (static stability).
 *
 * <p>Every provider gets the {@code aws:} settings of the stack's config ({@link ProviderSettings}): explicit
 * providers do not read that namespace by themselves, so a profile, an assumed role or an allowed-accounts guard
 * set there would otherwise be ignored.
 */
public final class ProviderRegistry {

    /**
     * @param project   the project, for default tags
     * @param stack     the stack, for default tags
     * @param role      the stack's role ({@code primary} or {@code secondary}), for default tags and messages
     * @param allowed   the regions this stack may register resources in
     * @param aws       the {@code aws:} settings passed to every provider (default: none)
     */
    public record Args(String project, String stack, String role, Set<AwsRegion> allowed, ProviderSettings aws) {
        public Args {
            allowed = Set.copyOf(allowed);
        }
    }

    /**
     * Where global services are controlled: CloudFront, CLOUDFRONT-scoped WAF web ACLs and the ACM certificates
     * CloudFront uses live in US East (N. Virginia) (CloudFront Developer Guide, "Supported Regions"; ACM User Guide,
     * "Supported Regions": "To use an ACM certificate with Amazon CloudFront, you must request or import the
     * certificate in the US East (N. Virginia) region"; WAF Developer Guide: CLOUDFRONT scope is us-east-1), and so do
     * the Route 53 and CloudFront metrics.
     */
    public static final AwsRegion GLOBAL_REGION = new AwsRegion("us-east-1");
    /** The global provider's logical name: one provider, separate from any region's, even when a region is us-east-1. */
    public static final String GLOBAL_PROVIDER = "aws-global";

    private final Args args;
    private final Map<AwsRegion, Provider> providers = new LinkedHashMap<>();
    private Provider global;

    public ProviderRegistry(Args args) {
        this.args = args;
    }

    /** The provider for a region; refuses regions this stack must not touch. */
    public Provider forRegion(AwsRegion region) {
        if (!args.allowed().contains(region)) {
            throw new IllegalStateException("the " + args.role() + " stack must not register resources in "
                    + region + " (allowed: " + args.allowed() + "); it must stay deployable while that region is impaired");
        }
        return providers.computeIfAbsent(region, this::create);
    }

    /**
     * The dedicated provider for global services, in {@link #GLOBAL_REGION}, created on first use. It is used for
     * the front door's global resources and nothing else (a region's resources always go through
     * {@link #forRegion}), so that a stack's reach into us-east-1 is exactly its global services. Only the aws
     * partition has these services there; the configuration refuses a front door elsewhere.
     */
    public Provider global() {
        if (args.allowed().stream().anyMatch(r -> !r.partition().equals(GLOBAL_REGION.partition()))) {
            throw new IllegalStateException("the " + args.role() + " stack's regions " + args.allowed()
                    + " are not in the " + GLOBAL_REGION.partition() + " partition, which alone has CloudFront's global "
                    + "services in " + GLOBAL_REGION);
        }
        if (global == null) {
            global = create(GLOBAL_PROVIDER, GLOBAL_REGION);
        }
        return global;
    }

    private Provider create(AwsRegion region) {
        return create("aws-" + region.code(), region);
    }

    private Provider create(String providerName, AwsRegion region) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (args.aws().values().get("defaultTags") instanceof Map<?, ?> userTags) {
            userTags.forEach((k, v) -> tags.put(String.valueOf(k), String.valueOf(v)));
        }
        // the program's own tags win: the stack's resources are found by them
        tags.putAll(Map.of("project", args.project(), "stack", args.stack(), "role", args.role(), "managed-by", "pulumi"));
        ProviderArgs.Builder builder = ProviderArgs.builder()
                .region(region.code())
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(tags).build());
        args.aws().values().forEach((name, value) -> apply(builder, name, value, args.aws().secrets().contains(name)));
        return new Provider(providerName, builder.build());
    }

    /** One {@code aws:} setting onto the provider input of the same name. */
    @SuppressWarnings("unchecked")
    private static void apply(ProviderArgs.Builder b, String name, Object value, boolean secret) {
        switch (name) {
            case "defaultTags" -> {
                // merged into the program's tags above
            }
            case "profile" -> b.profile(text(value, secret));
            case "accessKey" -> b.accessKey(text(value, secret));
            case "secretKey" -> b.secretKey(text(value, secret));
            case "token" -> b.token(text(value, secret));
            case "retryMode" -> b.retryMode(text(value, secret));
            case "stsRegion" -> b.stsRegion(text(value, secret));
            case "customCaBundle" -> b.customCaBundle(text(value, secret));
            case "httpProxy" -> b.httpProxy(text(value, secret));
            case "httpsProxy" -> b.httpsProxy(text(value, secret));
            case "noProxy" -> b.noProxy(text(value, secret));
            case "ec2MetadataServiceEndpoint" -> b.ec2MetadataServiceEndpoint(text(value, secret));
            case "ec2MetadataServiceEndpointMode" -> b.ec2MetadataServiceEndpointMode(text(value, secret));
            case "s3UsEast1RegionalEndpoint" -> b.s3UsEast1RegionalEndpoint(text(value, secret));
            case "allowedAccountIds" -> b.allowedAccountIds((List<String>) value);
            case "forbiddenAccountIds" -> b.forbiddenAccountIds((List<String>) value);
            case "sharedCredentialsFiles" -> b.sharedCredentialsFiles((List<String>) value);
            case "sharedConfigFiles" -> b.sharedConfigFiles((List<String>) value);
            case "skipCredentialsValidation" -> b.skipCredentialsValidation((Boolean) value);
            case "skipMetadataApiCheck" -> b.skipMetadataApiCheck((Boolean) value);
            case "skipRequestingAccountId" -> b.skipRequestingAccountId((Boolean) value);
            case "skipRegionValidation" -> b.skipRegionValidation((Boolean) value);
            case "insecure" -> b.insecure((Boolean) value);
            case "s3UsePathStyle" -> b.s3UsePathStyle((Boolean) value);
            case "useFipsEndpoint" -> b.useFipsEndpoint((Boolean) value);
            case "useDualstackEndpoint" -> b.useDualstackEndpoint((Boolean) value);
            case "maxRetries" -> b.maxRetries((Integer) value);
            case "tokenBucketRateLimiterCapacity" -> b.tokenBucketRateLimiterCapacity((Integer) value);
            case "ignoreTags" -> {
                Map<String, Object> o = (Map<String, Object>) value;
                b.ignoreTags(ProviderIgnoreTagsArgs.builder()
                        .keys((List<String>) o.getOrDefault("keys", List.of()))
                        .keyPrefixes((List<String>) o.getOrDefault("keyPrefixes", List.of())).build());
            }
            case "assumeRole" -> {
                Map<String, Object> o = (Map<String, Object>) value;
                var role = ProviderAssumeRoleArgs.builder().roleArn((String) o.get("roleArn"));
                text(o, "sessionName", role::sessionName);
                text(o, "externalId", role::externalId);
                text(o, "duration", role::duration);
                text(o, "policy", role::policy);
                text(o, "sourceIdentity", role::sourceIdentity);
                texts(o, "policyArns", role::policyArns);
                texts(o, "transitiveTagKeys", role::transitiveTagKeys);
                if (o.get("tags") instanceof Map<?, ?> m) {
                    role.tags((Map<String, String>) m);
                }
                b.assumeRole(role.build());
            }
            case "assumeRoleWithWebIdentity" -> {
                Map<String, Object> o = (Map<String, Object>) value;
                var role = ProviderAssumeRoleWithWebIdentityArgs.builder().roleArn((String) o.get("roleArn"));
                text(o, "sessionName", role::sessionName);
                text(o, "webIdentityToken", token -> role.webIdentityToken(Output.ofSecret(token)));
                text(o, "webIdentityTokenFile", role::webIdentityTokenFile);
                text(o, "duration", role::duration);
                text(o, "policy", role::policy);
                texts(o, "policyArns", role::policyArns);
                b.assumeRoleWithWebIdentity(role.build());
            }
            default -> throw new IllegalArgumentException("aws:" + name + " has no provider input here");
        }
    }

    /** A text field of a structured setting onto its builder method, when set. */
    private static void text(Map<String, Object> o, String field, Consumer<String> setter) {
        if (o.get(field) instanceof String s) {
            setter.accept(s);
        }
    }

    /** A list-of-text field of a structured setting onto its builder method, when set. */
    @SuppressWarnings("unchecked")
    private static void texts(Map<String, Object> o, String field, Consumer<List<String>> setter) {
        if (o.get(field) instanceof List<?> l) {
            setter.accept((List<String>) l);
        }
    }

    private static Output<String> text(Object value, boolean secret) {
        return secret ? Output.ofSecret((String) value) : Output.of((String) value);
    }
}
