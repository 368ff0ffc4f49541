package io.multiregion.offline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answers of the fake cloud to the AWS data sources the program calls, shared by the offline plan and the
 * tests: well-formed, clearly fake values for the region of the provider the call goes through, in that region's
 * partition.
 */
public final class FakeInvokes {
    private FakeInvokes() {
    }

    /** The account id of every fake answer. */
    public static final String ACCOUNT = "123456789012";

    /** The zones every region answers with: three, as most regions have. */
    public static List<String> zones(String region) {
        return List.of(region + "a", region + "b", region + "c");
    }

    /**
     * The answer to a data source, or empty for one the fake cloud does not know.
     *
     * @param token  the function's token, e.g. {@code aws:index/getAvailabilityZones:getAvailabilityZones}
     * @param region the region of the provider the call goes through, or null (then {@code us-east-1})
     */
    public static Optional<Map<String, Object>> answer(String token, String region) {
        return answer(token, region, Map.of(), ACCOUNT);
    }

    /** The answer to a data source called with these arguments, for {@link #ACCOUNT}. */
    public static Optional<Map<String, Object>> answer(String token, String region, Map<String, Object> args) {
        return answer(token, region, args, ACCOUNT);
    }

    /**
     * The arguments of a mocked call. Read reflectively: the SDK declares the field with a Guava type that is not on
     * this project's compile classpath.
     */
    public static Map<String, Object> arguments(com.pulumi.test.Mocks.CallArgs call) {
        try {
            Object value = com.pulumi.test.Mocks.CallArgs.class.getField("args").get(call);
            Map<String, Object> out = new LinkedHashMap<>();
            if (value instanceof Map<?, ?> map) {
                map.forEach((k, v) -> out.put(String.valueOf(k), v));
            }
            return out;
        } catch (ReflectiveOperationException e) {
            return Map.of();
        }
    }

    /** The AWS-managed prefix lists the fake cloud knows, by name ({@code {region}} for the region), and their maximum entries. */
    public static final Map<String, Integer> MANAGED_PREFIX_LISTS = Map.of(
            "com.amazonaws.global.cloudfront.origin-facing", 55,
            "com.amazonaws.{region}.route53-healthchecks", 25);

    /** The id the fake cloud gives an AWS-managed prefix list in a region: stable, well-formed. */
    public static String prefixListId(String listName, String region) {
        return "pl-" + FakeCloudState.hex(listName + "@" + region, 8);
    }

    /** The prefix of the public SSM parameters that name the current Amazon Linux AMIs. */
    public static final String AMAZON_LINUX_PARAMETERS = "/aws/service/ami-amazon-linux-latest/";

    /** The AMI id the fake cloud answers for a public Amazon Linux parameter in a region: stable, well-formed. */
    public static String amiId(String parameter, String region) {
        return "ami-0" + FakeCloudState.hex(parameter + "@" + region, 16);
    }

    /**
     * The answer to a data source, or empty for one the fake cloud does not know.
     *
     * @param token   the function's token
     * @param region  the region of the provider the call goes through, or null (then {@code us-east-1})
     * @param args    the call's arguments (e.g. the SSM parameter's name)
     * @param account the account id the answers use (the offline plan passes a placeholder)
     */
    public static Optional<Map<String, Object>> answer(String token, String region, Map<String, Object> args,
                                                       String account) {
        String name = region == null ? "us-east-1" : region;
        String partition = Partitions.partition(name);
        Map<String, Object> result = new LinkedHashMap<>();
        switch (token) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> {
                result.put("accountId", account);
                result.put("arn", "arn:" + partition + ":iam::" + account + ":user/offline-plan");
                result.put("userId", "AIDAOFFLINEPLAN000000");
                result.put("id", account);
            }
            case "aws:index/getPartition:getPartition" -> {
                result.put("partition", partition);
                String dnsSuffix = Partitions.dnsSuffix(name);
                result.put("dnsSuffix", dnsSuffix);
                result.put("reverseDnsPrefix", Partitions.reverseDnsPrefix(dnsSuffix));
                result.put("id", partition);
            }
            case "aws:index/getRegion:getRegion" -> {
                result.put("name", name);
                result.put("region", name);
                result.put("id", name);
                result.put("endpoint", "ec2." + name + "." + Partitions.dnsSuffix(name));
                result.put("description", "offline placeholder for " + name);
            }
            case "aws:index/getAvailabilityZones:getAvailabilityZones" -> {
                result.put("names", zones(name));
                result.put("zoneIds", List.of("az1", "az2", "az3").stream().map(z -> name + "-" + z).toList());
                result.put("groupNames", List.of(name));
                result.put("id", name);
            }
            case "aws:ssm/getParameter:getParameter" -> {
                // The public parameters AWS publishes for the latest Amazon Linux AMIs in every region
                // (Amazon EC2 User Guide, "Query for the latest Amazon Linux AMI IDs using Systems Manager Parameter
                // Store"); their ARNs carry no account.
                Object parameter = args == null ? null : args.get("name");
                if (!(parameter instanceof String p) || !p.startsWith(AMAZON_LINUX_PARAMETERS)) {
                    return Optional.empty();
                }
                String ami = amiId(p, name);
                result.put("arn", "arn:" + partition + ":ssm:" + name + "::parameter" + p);
                result.put("name", p);
                result.put("type", "String");
                result.put("value", ami);
                result.put("insecureValue", ami);
                result.put("version", 1);
                result.put("withDecryption", true);
                result.put("id", p);
            }
            case "aws:ec2/getManagedPrefixList:getManagedPrefixList" -> {
                // AWS-managed prefix lists, by name, with their maximum entries (Amazon VPC User Guide, "AWS-managed
                // prefix lists": their weights); their ids differ by region
                Object listName = args == null ? null : args.get("name");
                Integer maxEntries = listName instanceof String n ? MANAGED_PREFIX_LISTS.get(n.replace(name, "{region}"))
                        : null;
                if (maxEntries == null) {
                    return Optional.empty();
                }
                String id = prefixListId((String) listName, name);
                result.put("id", id);
                result.put("name", listName);
                result.put("maxEntries", maxEntries);
                result.put("addressFamily", "IPv4");
                result.put("ownerId", "AWS");
                result.put("arn", "arn:" + partition + ":ec2:" + name + ":aws:prefix-list/" + id);
                result.put("entries", List.of());
                result.put("tags", Map.of());
                result.put("version", 1);
                result.put("filters", List.of());
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(result);
    }
}
