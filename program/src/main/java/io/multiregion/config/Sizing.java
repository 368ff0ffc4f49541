package io.multiregion.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How big a stack's slice of the application is: one structured value, {@code multiregion:sizing}, per stack file
 * (read by {@link SizingReader}). The primary runs the active application, the secondary a smaller warm standby
 * that can grow to the primary's load after a failover.
 *
 * @param instanceType    EC2 instance type of the application tier, a value of
 *                        {@code com.pulumi.aws.ec2.enums.InstanceType} (e.g. {@code m7i.large})
 * @param minSize         Auto Scaling group minimum
 * @param desiredCapacity Auto Scaling group desired capacity when the stack is deployed
 * @param maxSize         Auto Scaling group maximum
 * @param natGateways     NAT gateways of the region's VPC (one per zone in the primary, fewer in a standby)
 * @param dbInstanceClass the class of this region's Aurora instances (memory optimised: global databases refuse
 *                        burstable classes)
 * @param dbInstances     this region's Aurora instances (a writer and readers in A, readers in B)
 */
public record Sizing(String instanceType, int minSize, int desiredCapacity, int maxSize, int natGateways,
                     String dbInstanceClass, int dbInstances) {

    /** This region's database sizing. */
    public DatabaseSizing database() {
        return new DatabaseSizing(dbInstanceClass, dbInstances);
    }

    /** Families whose attribute letters contain {@code g} are AWS Graviton (arm64), plus the first, {@code a1}. */
    private static final Pattern TYPE = Pattern.compile("^([a-z]+)([0-9]+)([a-z]*)(-[a-z0-9]+)?\\.([a-z0-9]+)$");
    private static final Pattern MULTIPLE_XLARGE = Pattern.compile("^([0-9]+)xlarge$");

    /** The CPU architecture of the instance type: {@code arm64} for Graviton families, {@code x86_64} otherwise. */
    public String architecture() {
        return architectureOf(instanceType);
    }

    /** {@link #architecture()} of any instance type name. */
    public static String architectureOf(String instanceType) {
        Matcher m = TYPE.matcher(instanceType);
        if (!m.matches()) {
            return "x86_64";
        }
        boolean graviton = m.group(3).contains("g") || (m.group(1).equals("a") && m.group(2).equals("1"));
        return graviton ? "arm64" : "x86_64";
    }

    /**
     * Default vCPUs of one instance, when the size alone says so: {@code large} is 2, {@code xlarge} 4 and
     * {@code Nxlarge} 4&times;N in every family that publishes these sizes (Amazon EC2 Instance Types guide,
     * "Specifications" tables, default vCPUs). Empty for nano/micro/small/medium/metal sizes, which differ between
     * families, and for the HPC families, which run one thread per core.
     */
    public Optional<Integer> vcpus() {
        return vcpusOf(instanceType);
    }

    /** {@link #vcpus()} of any instance type name. */
    public static Optional<Integer> vcpusOf(String instanceType) {
        Matcher m = TYPE.matcher(instanceType);
        if (!m.matches() || m.group(1).equals("hpc")) {
            return Optional.empty();
        }
        String size = m.group(5);
        if (size.equals("large")) {
            return Optional.of(2);
        }
        if (size.equals("xlarge")) {
            return Optional.of(4);
        }
        Matcher multiple = MULTIPLE_XLARGE.matcher(size);
        return multiple.matches() ? Optional.of(4 * Integer.parseInt(multiple.group(1))) : Optional.empty();
    }
}
