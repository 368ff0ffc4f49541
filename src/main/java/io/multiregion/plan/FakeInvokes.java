package io.multiregion.plan;

import io.multiregion.regions.AwsRegion;

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
        String name = region == null ? "us-east-1" : region;
        String partition = AwsRegion.parse(name).map(AwsRegion::partition).orElse("aws");
        Map<String, Object> result = new LinkedHashMap<>();
        switch (token) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> {
                result.put("accountId", ACCOUNT);
                result.put("arn", "arn:" + partition + ":iam::" + ACCOUNT + ":user/offline-plan");
                result.put("userId", "AIDAOFFLINEPLAN000000");
                result.put("id", ACCOUNT);
            }
            case "aws:index/getPartition:getPartition" -> {
                result.put("partition", partition);
                result.put("dnsSuffix", partition.equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com");
                result.put("reverseDnsPrefix", partition.equals("aws-cn") ? "cn.com.amazonaws" : "com.amazonaws");
                result.put("id", partition);
            }
            case "aws:index/getRegion:getRegion" -> {
                result.put("name", name);
                result.put("region", name);
                result.put("id", name);
                result.put("endpoint", "ec2." + name + ".amazonaws.com");
                result.put("description", "offline placeholder for " + name);
            }
            case "aws:index/getAvailabilityZones:getAvailabilityZones" -> {
                result.put("names", zones(name));
                result.put("zoneIds", List.of("az1", "az2", "az3").stream().map(z -> name + "-" + z).toList());
                result.put("groupNames", List.of(name));
                result.put("id", name);
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(result);
    }
}
