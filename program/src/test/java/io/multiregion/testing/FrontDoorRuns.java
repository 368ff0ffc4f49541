package io.multiregion.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.HashMap;
import java.util.Map;

/**
 * Both stacks with the front door's other shapes, from their stack files with a change: with a domain (CloudFront,
 * its certificate and DNS failover for writes), with the failover drill ({@code activeRegion: secondary}), and with
 * DNS failover alone ({@code cloudFront: false}). A secondary reads what its primary exported in the same shape (the
 * sample exports where the primary is the stack file's). Each run once, then shared (see {@link StandardRuns}).
 */
public final class FrontDoorRuns {
    private FrontDoorRuns() {
    }

    /** The domain of these runs. */
    public static final String ZONE_ID = DomainRuns.ZONE_ID;
    public static final String NAME = DomainRuns.NAME;
    public static final String DOMAIN = "{\"zoneId\":\"" + ZONE_ID + "\",\"name\":\"" + NAME + "\"}";

    /** A stack file's configuration, with a domain or not, and these fields of multiregion:frontDoor changed. */
    public static Map<String, String> config(String stack, boolean domain, Map<String, Object> frontDoor) {
        Map<String, String> config = new HashMap<>(StackFiles.config(stack));
        if (domain) {
            config.put("multiregion:domain", DOMAIN);
        }
        JsonObject value = config.containsKey("multiregion:frontDoor")
                ? JsonParser.parseString(config.get("multiregion:frontDoor")).getAsJsonObject() : new JsonObject();
        frontDoor.forEach((field, v) -> {
            if (v instanceof Boolean b) {
                value.addProperty(field, b);
            } else if (v instanceof Number n) {
                value.addProperty(field, n);
            } else {
                value.addProperty(field, String.valueOf(v));
            }
        });
        config.put("multiregion:frontDoor", value.toString());
        return config;
    }


    private static ProgramRun primaryDnsOnly;

    /** The primary with a domain (CloudFront and DNS failover): the standard run of {@link DomainRuns}. */
    static ProgramRun primaryWithDomain() {
        return DomainRuns.primary();
    }

    /** The primary with a domain and DNS failover alone. */
    static synchronized ProgramRun primaryDnsOnly() {
        if (primaryDnsOnly == null) {
            primaryDnsOnly = ProgramRun.with("primary", config("primary", true, Map.of("cloudFront", false)), Map.of());
        }
        return primaryDnsOnly;
    }

    static ProgramRun run(String name) {
        return switch (name) {
            case "primary/domain" -> primaryWithDomain();
            case "secondary/domain" -> DomainRuns.secondary();
            case "secondary/drill" -> ProgramRun.with("secondary",
                    config("secondary", false, Map.of("activeRegion", "secondary")), Samples.primaryOutputs());
            case "secondary/domain-drill" -> ProgramRun.with("secondary",
                    config("secondary", true, Map.of("activeRegion", "secondary")), primaryWithDomain().exports());
            case "primary/dns" -> primaryDnsOnly();
            case "secondary/dns" -> ProgramRun.with("secondary", config("secondary", true, Map.of("cloudFront", false)),
                    primaryDnsOnly().exports());
            default -> throw new IllegalArgumentException("no front door run named " + name);
        };
    }
}
