package io.multiregion.regions;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;
import software.amazon.awssdk.regions.ServiceMetadata;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a region offers, read from AWS's own endpoint data as the AWS SDK for Java ships it
 * ({@code software.amazon.awssdk:regions}: {@code endpoints.json}, through {@link ServiceMetadata}): a service is offered
 * in a region when the data lists an endpoint for it there, or, for a global service such as IAM, when it lists the
 * global endpoint of the region's partition. The data is as current as the dependency's version
 * ({@link #dataSource()}); no region list is kept by hand.
 *
 * <pre>{@code RegionCapabilities.of(region).offers(Service.CODEPIPELINE)}</pre>
 */
public final class RegionCapabilities {

    /** The regions with an endpoint, per service, read once. */
    private static final Map<Service, Set<Region>> ENDPOINTS = new EnumMap<>(Service.class);

    private final AwsRegion region;

    private RegionCapabilities(AwsRegion region) {
        this.region = Objects.requireNonNull(region, "region");
    }

    /** The capabilities of one region. */
    public static RegionCapabilities of(AwsRegion region) {
        return new RegionCapabilities(region);
    }

    public AwsRegion region() {
        return region;
    }

    /** Whether AWS's endpoint data lists the service in this region (or, for a global service, in its partition). */
    public boolean offers(Service service) {
        Set<Region> endpoints = endpoints(service);
        Region here = Region.of(region.code());
        if (endpoints.contains(here)) {
            return true;
        }
        return endpoints.stream().filter(Region::isGlobalRegion)
                .anyMatch(global -> region.partition().equals(partitionOf(global)));
    }

    /** The services of {@code needed} this region does not offer, in their declaration order. */
    public Set<Service> missing(Collection<Service> needed) {
        Set<Service> out = EnumSet.noneOf(Service.class);
        needed.stream().filter(s -> !offers(s)).forEach(out::add);
        return out;
    }

    /** The regions of a partition that offer every one of the services, in the SDK's order. */
    public static List<AwsRegion> offering(String partition, Collection<Service> services) {
        return AwsRegion.all().stream().filter(r -> r.partition().equals(partition))
                .filter(r -> of(r).missing(services).isEmpty()).toList();
    }

    /** Where the data comes from, with the version in use, e.g. {@code software.amazon.awssdk:regions 2.59.1}. */
    public static String dataSource() {
        return "AWS's endpoint data, software.amazon.awssdk:regions " + SDK_VERSION;
    }

    /** The version of the SDK's regions module on the classpath, from its own Maven metadata. */
    public static final String SDK_VERSION = sdkVersion();

    private static String sdkVersion() {
        try (InputStream in = Region.class.getResourceAsStream(
                "/META-INF/maven/software.amazon.awssdk/regions/pom.properties")) {
            if (in == null) {
                return "(version unknown)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown)";
        }
    }

    private static synchronized Set<Region> endpoints(Service service) {
        return ENDPOINTS.computeIfAbsent(service, s -> {
            ServiceMetadata metadata = ServiceMetadata.of(s.endpointPrefix());
            return metadata == null ? Set.of() : Set.copyOf(metadata.regions());
        });
    }

    private static String partitionOf(Region region) {
        RegionMetadata metadata = region.metadata();
        return metadata == null ? "" : metadata.partition().id();
    }

    @Override
    public String toString() {
        return region + " offers " + EnumSet.allOf(Service.class).stream().filter(this::offers).map(Service::title)
                .collect(Collectors.joining(", "));
    }
}
