package io.multiregion.config;

import io.multiregion.regions.AwsRegion;

/**
 * The application's DNS name and the Route 53 public hosted zone that holds it ({@code multiregion:domain}, set
 * the same in both stack files). Each region's load balancer gets a certificate for {@link #name()} (so failover
 * can send users to either region) and for its own name {@link #regionalName(AwsRegion)}.
 *
 * @param zoneId Route 53 hosted zone id, e.g. {@code Z0123456789ABCDEFGHIJ}
 * @param name   the application's name in that zone, e.g. {@code app.example.com} (lower case, no trailing dot)
 */
public record DomainSettings(String zoneId, String name) {

    /** The region's own name: {@code <region>.<name>}, e.g. {@code eu-west-1.app.example.com}. */
    public String regionalName(AwsRegion region) {
        return region.code() + "." + name;
    }
}
