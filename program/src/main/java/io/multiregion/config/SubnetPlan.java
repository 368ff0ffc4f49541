package io.multiregion.config;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The subnets of one VPC, computed from its CIDR block and its zone count with the ipaddress library.
 *
 * <p>Layout, for a VPC of prefix length {@code n} and {@code z} zones, with {@code s = ceil(log2(z))} slot bits:
 * <pre>
 *   first half  (/n+1)  private (application) subnets, one /(n+1+s) per zone
 *   third quarter (/n+2) public subnets,                one /(n+2+s) per zone
 *   last quarter  (/n+2) isolated (data) subnets,       one /(n+2+s) per zone
 * </pre>
 * The application tier gets twice the addresses of the other two (its instances scale out). Zone {@code i} takes
 * slot {@code i} of each tier's range; slots beyond the zone count stay free for a later zone. For example
 * 10.10.0.0/16 with 3 zones: private 10.10.0.0/19, 10.10.32.0/19, 10.10.64.0/19; public 10.10.128.0/20,
 * 10.10.144.0/20, 10.10.160.0/20; isolated 10.10.192.0/20, 10.10.208.0/20, 10.10.224.0/20.
 *
 * <p>AWS's rules (Amazon VPC User Guide, "VPC CIDR blocks" and "Subnet CIDR blocks"): an IPv4 VPC or subnet
 * block is between /16 and /28, and AWS reserves 5 addresses of every subnet (network, router, DNS, future use,
 * broadcast). This program also keeps VPCs in the private ranges of RFC 1918.
 *
 * @param vpcCidr       the VPC's block, canonical ({@code 10.10.0.0/16})
 * @param publicCidrs   one public subnet per zone, in zone order
 * @param privateCidrs  one private (application) subnet per zone
 * @param isolatedCidrs one isolated (data) subnet per zone
 */
public record SubnetPlan(String vpcCidr, List<String> publicCidrs, List<String> privateCidrs, List<String> isolatedCidrs) {

    /** Largest VPC or subnet block AWS accepts (VPC User Guide, "VPC CIDR blocks"). */
    public static final int LARGEST_PREFIX = 16;
    /** Smallest VPC or subnet block AWS accepts (VPC User Guide, "VPC CIDR blocks", "Subnet sizing"). */
    public static final int SMALLEST_PREFIX = 28;
    /** Addresses AWS reserves in every subnet (VPC User Guide, "Subnet CIDR blocks"). */
    public static final int RESERVED_PER_SUBNET = 5;
    /** The private IPv4 ranges of RFC 1918. */
    public static final List<String> PRIVATE_RANGES = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");

    public SubnetPlan {
        publicCidrs = List.copyOf(publicCidrs);
        privateCidrs = List.copyOf(privateCidrs);
        isolatedCidrs = List.copyOf(isolatedCidrs);
    }

    /** The plan for a valid CIDR and zone count; {@link IllegalArgumentException} listing the problems otherwise. */
    public static SubnetPlan of(String cidr, int zones) {
        List<Problem> problems = problems(cidr, zones);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems.stream().map(p -> p.at("cidr", cidr).toString())
                    .toList()));
        }
        IPAddress vpc = parse(cidr).orElseThrow();
        int n = vpc.getNetworkPrefixLength();
        int slots = slotBits(zones);
        IPAddress[] quarters = blocks(vpc, n + 2).toArray(IPAddress[]::new);
        IPAddress privateHalf = vpc.toPrefixBlock(n + 1);
        return new SubnetPlan(vpc.toCanonicalString(),
                first(blocks(quarters[2], n + 2 + slots), zones),
                first(blocks(privateHalf, n + 1 + slots), zones),
                first(blocks(quarters[3], n + 2 + slots), zones));
    }

    /** What is wrong with a VPC block for this many zones (each of the block, without its key): none when the plan can be made. */
    public static List<Problem> problems(String cidr, int zones) {
        List<Problem> problems = new ArrayList<>();
        Optional<IPAddress> parsed = parse(cidr);
        if (parsed.isEmpty()) {
            problems.add(Problem.of(Problem.Kind.MALFORMED, "is not an IPv4 CIDR block",
                    "write it as address/prefix, e.g. 10.10.0.0/16"));
            return problems;
        }
        IPAddress vpc = parsed.get();
        int n = vpc.getNetworkPrefixLength();
        if (!vpc.isPrefixBlock()) {
            problems.add(Problem.of(Problem.Kind.MALFORMED, "has host bits set",
                    "use the block's first address: " + vpc.toPrefixBlock().toCanonicalString()));
        }
        if (n < LARGEST_PREFIX || n > SMALLEST_PREFIX) {
            problems.add(Problem.of(Problem.Kind.OUT_OF_RANGE, "is a /" + n + "; AWS accepts VPC blocks from /"
                    + LARGEST_PREFIX + " to /" + SMALLEST_PREFIX + " (Amazon VPC User Guide, \"VPC CIDR blocks\")",
                    "use a prefix length in that range"));
        }
        if (!isPrivate(vpc)) {
            problems.add(Problem.of(Problem.Kind.REFUSED, "is not in a private range",
                    "use a block inside " + String.join(", ", PRIVATE_RANGES) + " (RFC 1918)"));
        }
        if (zones < 1) {
            problems.add(new Problem("", String.valueOf(zones), Problem.Kind.OUT_OF_RANGE, "zones cannot hold subnets",
                    "use at least 1 zone"));
            return problems;
        }
        int subnet = n + 2 + slotBits(zones);
        if (n >= LARGEST_PREFIX && n <= SMALLEST_PREFIX && subnet > SMALLEST_PREFIX) {
            int needed = SMALLEST_PREFIX - 2 - slotBits(zones);
            problems.add(Problem.of(Problem.Kind.CONFLICT, "is too small for public, private and isolated subnets in "
                    + zones + " zones: its public and isolated subnets would be /" + subnet + ", smaller than AWS's "
                    + "smallest subnet /" + SMALLEST_PREFIX + " (Amazon VPC User Guide, \"Subnet sizing\")",
                    "use a /" + needed + " or larger block"));
        }
        return problems;
    }

    /** Whether two CIDR blocks share an address; false when either is not a CIDR block. */
    public static boolean overlap(String a, String b) {
        Optional<IPAddress> x = parse(a).map(IPAddress::toPrefixBlock);
        Optional<IPAddress> y = parse(b).map(IPAddress::toPrefixBlock);
        return x.isPresent() && y.isPresent() && x.get().overlaps(y.get());
    }

    /** Whether {@code inner} lies entirely inside {@code outer}; false when either is not a CIDR block. */
    public static boolean contains(String outer, String inner) {
        Optional<IPAddress> x = parse(outer).map(IPAddress::toPrefixBlock);
        Optional<IPAddress> y = parse(inner).map(IPAddress::toPrefixBlock);
        return x.isPresent() && y.isPresent() && x.get().contains(y.get());
    }

    /** Addresses of a block that instances can use: its size less the 5 AWS reserves. */
    public static long usableAddresses(String cidr) {
        return parse(cidr).map(a -> a.toPrefixBlock().getCount().longValueExact() - RESERVED_PER_SUBNET).orElse(0L);
    }

    /** Every subnet of the plan, in tier order (public, private, isolated). */
    public List<String> all() {
        List<String> all = new ArrayList<>(publicCidrs);
        all.addAll(privateCidrs);
        all.addAll(isolatedCidrs);
        return List.copyOf(all);
    }

    /** Number of zones the plan covers. */
    public int zones() {
        return publicCidrs.size();
    }

    /** An IPv4 address with a prefix length, or empty. */
    public static Optional<IPAddress> parse(String cidr) {
        if (cidr == null || cidr.isBlank()) {
            return Optional.empty();
        }
        try {
            IPAddress address = new IPAddressString(cidr.trim()).toAddress();
            return address.isIPv4() && address.getNetworkPrefixLength() != null ? Optional.of(address) : Optional.empty();
        } catch (AddressStringException e) {
            return Optional.empty();
        }
    }

    private static boolean isPrivate(IPAddress block) {
        return PRIVATE_RANGES.stream().map(SubnetPlan::parse).flatMap(Optional::stream)
                .anyMatch(range -> range.contains(block.toPrefixBlock()));
    }

    /** ceil(log2(zones)): the bits that number one slot per zone. */
    static int slotBits(int zones) {
        return zones <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(zones - 1);
    }

    /** The blocks of prefix length {@code prefix} inside {@code block}, in address order. */
    private static List<IPAddress> blocks(IPAddress block, int prefix) {
        List<IPAddress> out = new ArrayList<>();
        Iterator<? extends IPAddress> it = block.toPrefixBlock().setPrefixLength(prefix, false).prefixBlockIterator();
        it.forEachRemaining(out::add);
        return out;
    }

    private static List<String> first(List<IPAddress> blocks, int count) {
        return blocks.subList(0, count).stream().map(IPAddress::toCanonicalString).toList();
    }
}
