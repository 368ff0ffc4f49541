package io.multiregion.offline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What AWS answers when a resource is created, by type, shared by the tests' fake cloud (deploy mode: real-looking
 * values) and the offline plan (preview mode: each value AWS assigns is a placeholder naming the resource and the
 * output, such as {@code ${multiregion-release-source.bucket}}).
 *
 * <p>One table row per resource type: the output holding the physical name and the input that sets it, the values
 * AWS assigns (ids, generated names), the outputs derived from them (ARNs in the shape of the Service Authorization
 * Reference's "Resource types defined by ..." tables, DNS names, URLs) and which output is the resource's id (the
 * provider's import id: a bucket's id is its name, a key's its key id, a load balancer's its ARN). A type that is not
 * in the table gets a generic ARN and an id of its own. ARNs use the region's partition and DNS suffix.
 *
 * <p>Keys starting with {@code _} are values AWS assigns that are no output of the resource (the random part of a
 * load balancer's ARN). In a preview every value keeps its shape, placeholders in place of what AWS assigns
 * ({@code arn:aws:kms:eu-west-1:123456789012:key/${k.keyId}},
 * {@code arn:aws:elasticloadbalancing:...:loadbalancer/app/${web.name}/${web.lbId}}), so that programs that parse an
 * ARN (its account, its region) work on placeholders too.
 */
public final class FakeCloudState {
    private FakeCloudState() {
    }

    /** The value AWS would assign to an output, given the logical name: real-looking or a placeholder. */
    @FunctionalInterface
    public interface Assigner {
        /**
         * @param output      the output (or hidden key, without its {@code _}) AWS assigns
         * @param deployValue the real-looking value a deployment's fake cloud answers
         */
        String value(String output, String deployValue);
    }

    /** Deploy mode: every assigned value is real-looking. */
    public static final Assigner DEPLOY = (output, deployValue) -> deployValue;

    /** Preview mode: every assigned value is the placeholder of its output. */
    public static Assigner preview(Function<String, String> placeholder) {
        return (output, deployValue) -> placeholder.apply(output);
    }

    /**
     * The id and state AWS answers for one created resource.
     *
     * @param id    the resource's id
     * @param state the inputs plus every output the table knows for the type
     */
    public record Answer(String id, Map<String, Object> state) {
    }

    /** The physical name AWS gives an auto-named resource in deploy mode: the logical name and a fixed suffix. */
    public static String autoName(String logicalName) {
        return logicalName + "-a1b2c3d";
    }

    /**
     * One row of the table.
     *
     * @param nameOutput  output holding the physical name, or null
     * @param prefixInput input that sets a name prefix (AWS appends a random suffix), or null
     * @param assigned    values AWS assigns, by output (or hidden key), with their deploy value from the logical name
     * @param computed    values that follow from the inputs alone (known in a preview too), by output or hidden key
     * @param derived     outputs built from templates over {@code {partition}}, {@code {region}}, {@code {account}},
     *                    {@code {dnsSuffix}} and the other values, in order
     * @param idOf        the value that is the resource's id, or null for an id of its own
     */
    private record Shape(String nameOutput, String prefixInput, Map<String, Function<String, String>> assigned,
                         Map<String, Function<Map<String, Object>, String>> computed, Map<String, String> derived,
                         String idOf, Map<String, Object> constants) {
    }

    private static final class Row {
        private String nameOutput;
        private String prefixInput;
        private final Map<String, Function<String, String>> assigned = new LinkedHashMap<>();
        private final Map<String, Function<Map<String, Object>, String>> computed = new LinkedHashMap<>();
        private final Map<String, String> derived = new LinkedHashMap<>();
        private String idOf;
        private final Map<String, Object> constants = new LinkedHashMap<>();

        /** A value every new resource of the type starts with (a first version number, a status). */
        Row constant(String output, Object value) {
            constants.put(output, value);
            return this;
        }

        Row name(String output, String prefix) {
            nameOutput = output;
            prefixInput = prefix;
            return this;
        }

        Row assigned(String key, Function<String, String> deploy) {
            assigned.put(key, deploy);
            return this;
        }

        Row computed(String key, Function<Map<String, Object>, String> value) {
            computed.put(key, value);
            return this;
        }

        Row derived(String output, String template) {
            derived.put(output, template);
            return this;
        }

        Row id(String key) {
            idOf = key;
            return this;
        }

        Shape shape() {
            return new Shape(nameOutput, prefixInput, Map.copyOf(assigned), Map.copyOf(computed),
                    Collections.unmodifiableMap(new LinkedHashMap<>(derived)), idOf, Map.copyOf(constants));
        }
    }

    private static final Map<String, Shape> TABLE = table();

    private static Row row() {
        return new Row();
    }

    /** An EC2-style id: prefix and 17 hex digits, stable per logical name. */
    private static Function<String, String> ec2Id(String prefix) {
        return name -> prefix + "-0" + hex(prefix + name, 16);
    }

    private static Function<String, String> uuid() {
        return name -> {
            String h = hex("uuid" + name, 32);
            return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                    + "-" + h.substring(20, 32);
        };
    }

    private static String ec2Arn(String resourceType) {
        return "arn:{partition}:ec2:{region}:{account}:" + resourceType + "/{id}";
    }

    private static Row ec2(String prefix, String resourceType) {
        return row().assigned("id", ec2Id(prefix)).derived("arn", ec2Arn(resourceType))
                .derived("ownerId", "{account}").id("id");
    }

    private static Object input(Map<String, Object> inputs, String key) {
        return inputs.get(key);
    }

    private static Map<String, Shape> table() {
        Map<String, Row> t = new LinkedHashMap<>();
        // S3: arn:${Partition}:s3:::${BucketName}; a bucket's id is its name.
        Row bucket = row().name("bucket", "bucketPrefix")
                .derived("arn", "arn:{partition}:s3:::{bucket}")
                .derived("bucketDomainName", "{bucket}.s3.{dnsSuffix}")
                .derived("bucketRegionalDomainName", "{bucket}.s3.{region}.{dnsSuffix}")
                .id("bucket");
        t.put("aws:s3/bucketV2:BucketV2", bucket);
        t.put("aws:s3/bucket:Bucket", bucket);
        // KMS: arn:${Partition}:kms:${Region}:${Account}:key/${KeyId} and alias/${Alias}; a key's id is its key id.
        t.put("aws:kms/key:Key", row().assigned("keyId", name -> name + "-0000-1111")
                .derived("arn", "arn:{partition}:kms:{region}:{account}:key/{keyId}").id("keyId"));
        t.put("aws:kms/alias:Alias", row().name("name", "namePrefix")
                .derived("arn", "arn:{partition}:kms:{region}:{account}:{name}")
                .derived("targetKeyArn", "arn:{partition}:kms:{region}:{account}:key/{targetKeyId}").id("name"));
        // IAM: arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}, policy/..., instance-profile/...
        t.put("aws:iam/role:Role", row().name("name", "namePrefix")
                .assigned("uniqueId", name -> "AROA" + hex("role" + name, 17).toUpperCase(Locale.ROOT))
                .derived("arn", "arn:{partition}:iam::{account}:role/{name}").id("name"));
        t.put("aws:iam/policy:Policy", row().name("name", "namePrefix")
                .assigned("policyId", name -> "ANPA" + hex("policy" + name, 17).toUpperCase(Locale.ROOT))
                .derived("arn", "arn:{partition}:iam::{account}:policy/{name}").id("arn"));
        t.put("aws:iam/instanceProfile:InstanceProfile", row().name("name", "namePrefix")
                .assigned("uniqueId", name -> "AIPA" + hex("profile" + name, 17).toUpperCase(Locale.ROOT))
                .derived("arn", "arn:{partition}:iam::{account}:instance-profile/{name}").id("name"));
        t.put("aws:iam/rolePolicy:RolePolicy", row().name("name", "namePrefix").derived("_id", "{role}:{name}")
                .id("_id"));
        // Delivery: CodePipeline arn:...:codepipeline:${Region}:${Account}:${PipelineName}; CodeBuild project/...;
        // CodeConnections connection/${ConnectionId}; CodeDeploy application:${ApplicationName} and
        // deploymentgroup:${ApplicationName}/${DeploymentGroupName}.
        t.put("aws:codepipeline/pipeline:Pipeline", row().name("name", null)
                .derived("arn", "arn:{partition}:codepipeline:{region}:{account}:{name}").id("name"));
        t.put("aws:codebuild/project:Project", row().name("name", null)
                .derived("arn", "arn:{partition}:codebuild:{region}:{account}:project/{name}").id("arn"));
        t.put("aws:codestarconnections/connection:Connection", row().name("name", null)
                .assigned("_connectionId", name -> "0b0b0b0b-1111-2222-3333-444444444444")
                .computed("connectionStatus", in -> "PENDING") // created PENDING until the handshake
                .derived("arn", "arn:{partition}:codeconnections:{region}:{account}:connection/{_connectionId}")
                .id("arn"));
        t.put("aws:codedeploy/application:Application", row().name("name", null)
                .assigned("applicationId", uuid())
                .derived("arn", "arn:{partition}:codedeploy:{region}:{account}:application:{name}").id("name"));
        t.put("aws:codedeploy/deploymentGroup:DeploymentGroup", row().name("deploymentGroupName", null)
                .assigned("deploymentGroupId", uuid())
                .derived("arn", "arn:{partition}:codedeploy:{region}:{account}:deploymentgroup:{appName}/"
                        + "{deploymentGroupName}")
                .id("deploymentGroupId"));
        // Logs, events, trails, alarms, dashboards, topics, queues.
        t.put("aws:cloudwatch/logGroup:LogGroup", row().name("name", "namePrefix")
                .derived("arn", "arn:{partition}:logs:{region}:{account}:log-group:{name}").id("name"));
        t.put("aws:cloudwatch/eventRule:EventRule", row().name("name", "namePrefix")
                .derived("arn", "arn:{partition}:events:{region}:{account}:rule/{name}").id("name"));
        t.put("aws:cloudtrail/trail:Trail", row().name("name", null)
                .derived("arn", "arn:{partition}:cloudtrail:{region}:{account}:trail/{name}")
                .derived("homeRegion", "{region}").id("arn")); // cloudtrail/trail.go: d.SetId(TrailARN)
        t.put("aws:cloudwatch/metricAlarm:MetricAlarm", row().name("name", null)
                .derived("arn", "arn:{partition}:cloudwatch:{region}:{account}:alarm:{name}").id("name"));
        t.put("aws:cloudwatch/dashboard:Dashboard", row().name("dashboardName", null)
                .derived("dashboardArn", "arn:{partition}:cloudwatch::{account}:dashboard/{dashboardName}")
                .id("dashboardName"));
        t.put("aws:sns/topic:Topic", row().name("name", "namePrefix")
                .derived("arn", "arn:{partition}:sns:{region}:{account}:{name}").id("arn"));
        t.put("aws:sqs/queue:Queue", row().name("name", "namePrefix")
                .derived("arn", "arn:{partition}:sqs:{region}:{account}:{name}")
                .derived("url", "https://sqs.{region}.{dnsSuffix}/{account}/{name}").id("url"));
        // EC2: arn:${Partition}:ec2:${Region}:${Account}:vpc/${VpcId}, subnet/..., security-group/..., ...
        t.put("aws:ec2/vpc:Vpc", ec2("vpc", "vpc")
                .assigned("defaultSecurityGroupId", ec2Id("sg"))
                .assigned("defaultNetworkAclId", ec2Id("acl"))
                .assigned("defaultRouteTableId", ec2Id("rtb"))
                .assigned("mainRouteTableId", ec2Id("rtb"))
                .assigned("dhcpOptionsId", ec2Id("dopt")));
        t.put("aws:ec2/subnet:Subnet", ec2("subnet", "subnet"));
        t.put("aws:ec2/securityGroup:SecurityGroup", ec2("sg", "security-group").name("name", "namePrefix"));
        // a new launch template has one version, version 1, which is also its default (EC2 User Guide, "Modify a
        // launch template (manage launch template versions)")
        t.put("aws:ec2/launchTemplate:LaunchTemplate", ec2("lt", "launch-template").name("name", "namePrefix")
                .constant("latestVersion", 1).constant("defaultVersion", 1));
        t.put("aws:ec2/routeTable:RouteTable", ec2("rtb", "route-table"));
        t.put("aws:ec2/internetGateway:InternetGateway", ec2("igw", "internet-gateway"));
        t.put("aws:ec2/natGateway:NatGateway", ec2("nat", "natgateway"));
        t.put("aws:ec2/eip:Eip", ec2("eipalloc", "elastic-ip").derived("allocationId", "{id}"));
        t.put("aws:ec2/flowLog:FlowLog", ec2("fl", "vpc-flow-log"));
        t.put("aws:ec2/vpcEndpoint:VpcEndpoint", ec2("vpce", "vpc-endpoint"));
        t.put("aws:ec2/networkAcl:NetworkAcl", ec2("acl", "network-acl"));
        t.put("aws:ec2transitgateway/transitGateway:TransitGateway", ec2("tgw", "transit-gateway"));
        t.put("aws:ec2transitgateway/vpcAttachment:VpcAttachment", ec2("tgw-attach", "transit-gateway-attachment"));
        t.put("aws:ec2transitgateway/peeringAttachment:PeeringAttachment",
                ec2("tgw-attach", "transit-gateway-attachment"));
        t.put("aws:ec2transitgateway/routeTable:RouteTable", ec2("tgw-rtb", "transit-gateway-route-table"));
        // Elastic Load Balancing v2: loadbalancer/app/${LoadBalancerName}/${LoadBalancerId},
        // targetgroup/${TargetGroupName}/${TargetGroupId}, listener/app/${LoadBalancerName}/${LoadBalancerId}/${ListenerId};
        // their ids are their ARNs.
        Row lb = row().name("name", "namePrefix")
                .assigned("_lbId", name -> hex("lb" + name, 16))
                .computed("_kind", in -> switch (String.valueOf(input(in, "loadBalancerType"))) {
                    case "network" -> "net";
                    case "gateway" -> "gwy";
                    default -> "app";
                })
                .derived("arnSuffix", "{_kind}/{name}/{_lbId}")
                .derived("arn", "arn:{partition}:elasticloadbalancing:{region}:{account}:loadbalancer/{_kind}/{name}/{_lbId}")
                .derived("dnsName", "{name}-{_lbId}.{region}.elb.{dnsSuffix}")
                .id("arn");
        t.put("aws:lb/loadBalancer:LoadBalancer", lb);
        t.put("aws:alb/loadBalancer:LoadBalancer", lb);
        Row tg = row().name("name", "namePrefix")
                .assigned("_tgId", name -> hex("tg" + name, 16))
                .derived("arnSuffix", "targetgroup/{name}/{_tgId}")
                .derived("arn", "arn:{partition}:elasticloadbalancing:{region}:{account}:targetgroup/{name}/{_tgId}")
                .id("arn");
        t.put("aws:lb/targetGroup:TargetGroup", tg);
        t.put("aws:alb/targetGroup:TargetGroup", tg);
        Row listener = row().assigned("_listenerId", name -> hex("listener" + name, 16))
                .computed("_listenerOf", in -> String.valueOf(input(in, "loadBalancerArn"))
                        .replaceFirst(":loadbalancer/", ":listener/"))
                .derived("arn", "{_listenerOf}/{_listenerId}")
                .id("arn");
        t.put("aws:lb/listener:Listener", listener);
        t.put("aws:alb/listener:Listener", listener);
        // Auto Scaling: autoScalingGroup:${GroupId}:autoScalingGroupName/${GroupFriendlyName}; its id is its name.
        t.put("aws:autoscaling/group:Group", row().name("name", "namePrefix")
                .assigned("_groupId", uuid())
                .derived("arn", "arn:{partition}:autoscaling:{region}:{account}:autoScalingGroup:{_groupId}:"
                        + "autoScalingGroupName/{name}")
                .id("name"));
        // RDS: cluster:${DbClusterInstanceName}, db:${DbInstanceName}, global-cluster:${GlobalCluster} (no region),
        // subgrp:${SubnetGroupName}; ids are the identifiers.
        t.put("aws:rds/cluster:Cluster", row().name("clusterIdentifier", "clusterIdentifierPrefix")
                .assigned("clusterResourceId", name -> "cluster-" + hex("cluster" + name, 26).toUpperCase(Locale.ROOT))
                .assigned("_dnsId", name -> "abc123")
                .derived("arn", "arn:{partition}:rds:{region}:{account}:cluster:{clusterIdentifier}")
                .derived("endpoint", "{clusterIdentifier}.cluster-{_dnsId}.{region}.rds.{dnsSuffix}")
                .derived("readerEndpoint", "{clusterIdentifier}.cluster-ro-{_dnsId}.{region}.rds.{dnsSuffix}")
                .id("clusterIdentifier"));
        t.put("aws:rds/clusterInstance:ClusterInstance", row().name("identifier", "identifierPrefix")
                .assigned("dbiResourceId", name -> "db-" + hex("db" + name, 26).toUpperCase(Locale.ROOT))
                .derived("arn", "arn:{partition}:rds:{region}:{account}:db:{identifier}")
                .id("identifier"));
        t.put("aws:rds/globalCluster:GlobalCluster", row().name("globalClusterIdentifier", null)
                .assigned("globalClusterResourceId", name -> "cluster-" + hex("global" + name, 26)
                        .toUpperCase(Locale.ROOT))
                .assigned("_dnsId", name -> "abc123")
                .derived("arn", "arn:{partition}:rds::{account}:global-cluster:{globalClusterIdentifier}")
                // the global writer endpoint (Aurora User Guide, "Connecting to Amazon Aurora global databases")
                .derived("endpoint", "{globalClusterIdentifier}.global-{_dnsId}.global.rds.{dnsSuffix}")
                .id("globalClusterIdentifier"));
        t.put("aws:rds/subnetGroup:SubnetGroup", row().name("name", "namePrefix")
                .derived("arn", "arn:{partition}:rds:{region}:{account}:subgrp:{name}").id("name"));
        // Secrets Manager: secret:${SecretId}, where AWS appends six random characters to the name; id is the ARN.
        t.put("aws:secretsmanager/secret:Secret", row().name("name", "namePrefix")
                .assigned("_suffix", name -> "AbCdEf")
                .derived("arn", "arn:{partition}:secretsmanager:{region}:{account}:secret:{name}-{_suffix}")
                .id("arn"));
        // ECR: repository/${RepositoryName}; its id is its name.
        t.put("aws:ecr/repository:Repository", row().name("name", null)
                .derived("arn", "arn:{partition}:ecr:{region}:{account}:repository/{name}")
                .derived("registryId", "{account}")
                .derived("repositoryUrl", "{account}.dkr.ecr.{region}.{dnsSuffix}/{name}")
                .id("name"));
        // ACM: certificate/${CertificateId}; its id is its ARN.
        t.put("aws:acm/certificate:Certificate", row().assigned("_certificateId", uuid())
                .derived("arn", "arn:{partition}:acm:{region}:{account}:certificate/{_certificateId}")
                .id("arn"));
        // CloudFront distribution/${DistributionId}, Route 53 hostedzone/${Id} and healthcheck/${Id} (global, no
        // region or account), WAFv2 ${Scope}/webacl/${Name}/${Id}.
        t.put("aws:cloudfront/distribution:Distribution", row()
                .assigned("id", name -> "E" + hex("cf" + name, 13).toUpperCase(Locale.ROOT))
                .assigned("_domain", name -> "d" + hex("cfd" + name, 13))
                .computed("hostedZoneId", in -> "Z2FDTNDATAQYW2") // CloudFront's fixed zone for alias records
                .derived("arn", "arn:{partition}:cloudfront::{account}:distribution/{id}")
                .derived("domainName", "{_domain}.cloudfront.net")
                .id("id"));
        t.put("aws:route53/zone:Zone", row()
                .assigned("zoneId", name -> "Z" + hex("zone" + name, 20).toUpperCase(Locale.ROOT))
                .derived("arn", "arn:{partition}:route53:::hostedzone/{zoneId}").id("zoneId"));
        t.put("aws:route53/healthCheck:HealthCheck", row().assigned("id", uuid())
                .derived("arn", "arn:{partition}:route53:::healthcheck/{id}").id("id"));
        t.put("aws:wafv2/webAcl:WebAcl", row().name("name", null).assigned("id", uuid())
                .computed("_scope", in -> "CLOUDFRONT".equals(input(in, "scope")) ? "global" : "regional")
                .derived("arn", "arn:{partition}:wafv2:{region}:{account}:{_scope}/webacl/{name}/{id}").id("id"));
        // Governance. A service-linked role: role/aws-service-role/${ServiceName}/${RoleName}, named by the service
        // (AWS Config's is AWSServiceRoleForConfig); its id is its ARN. Security Hub: hub/default, the subscription
        // subscription/${Standard}, finding-aggregator/${Id}; a hub's id is the account. AWS Config: a recorder, a
        // channel and a status are known by their name; a rule has config-rule/config-rule-${Id}.
        t.put("aws:iam/serviceLinkedRole:ServiceLinkedRole", row()
                .computed("name", in -> serviceLinkedRoleName(String.valueOf(input(in, "awsServiceName"))))
                .assigned("uniqueId", name -> "AROA" + hex("slr" + name, 17).toUpperCase(Locale.ROOT))
                .derived("path", "/aws-service-role/{awsServiceName}/")
                .derived("arn", "arn:{partition}:iam::{account}:role/aws-service-role/{awsServiceName}/{name}")
                .id("arn"));
        t.put("aws:securityhub/account:Account", row()
                .derived("arn", "arn:{partition}:securityhub:{region}:{account}:hub/default").derived("_id", "{account}")
                .id("_id"));
        t.put("aws:securityhub/standardsSubscription:StandardsSubscription", row()
                .computed("_standard", in -> String.valueOf(input(in, "standardsArn")).replaceFirst("^.*:standards/", ""))
                .derived("_arn", "arn:{partition}:securityhub:{region}:{account}:subscription/{_standard}")
                .id("_arn"));
        t.put("aws:securityhub/findingAggregator:FindingAggregator", row().assigned("_aggregatorId", uuid())
                .derived("_arn", "arn:{partition}:securityhub:{region}:{account}:finding-aggregator/{_aggregatorId}")
                .id("_arn"));
        t.put("aws:cfg/recorder:Recorder", row().name("name", null).id("name"));
        t.put("aws:cfg/deliveryChannel:DeliveryChannel", row().name("name", null).id("name"));
        t.put("aws:cfg/recorderStatus:RecorderStatus", row().name("name", null).id("name"));
        t.put("aws:cfg/rule:Rule", row().name("name", null)
                .assigned("ruleId", name -> "config-rule-" + hex("rule" + name, 6))
                .derived("arn", "arn:{partition}:config:{region}:{account}:config-rule/{ruleId}").id("name"));
        Map<String, Shape> shapes = new LinkedHashMap<>();
        t.forEach((type, r) -> shapes.put(type, r.shape()));
        return Map.copyOf(shapes);
    }

    /**
     * The name IAM gives a service's service-linked role: {@code AWSServiceRoleFor} and the service (AWS Config's is
     * {@code AWSServiceRoleForConfig}: AWS Config Developer Guide, "Using Service-Linked Roles for AWS Config").
     */
    static String serviceLinkedRoleName(String service) {
        if (service.equals("config.amazonaws.com")) {
            return "AWSServiceRoleForConfig";
        }
        String first = service.split("\\.")[0];
        return "AWSServiceRoleFor" + (first.isEmpty() ? "" : Character.toUpperCase(first.charAt(0)) + first.substring(1));
    }

    /** The resource types the table describes. */
    public static Set<String> types() {
        return TABLE.keySet();
    }

    private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /**
     * What AWS answers for a created resource.
     *
     * @param type        type token, e.g. {@code aws:s3/bucketV2:BucketV2}
     * @param logicalName the resource's logical (Pulumi) name
     * @param inputs      the known inputs (plain values; unknown or secret inputs left out)
     * @param region      the region of the provider it goes through, or null ({@code us-east-1})
     * @param account     the account id (or a placeholder for it)
     * @param assigner    the value of what AWS assigns
     */
    public static Answer answer(String type, String logicalName, Map<String, Object> inputs, String region,
                                String account, Assigner assigner) {
        String regionCode = region == null ? "us-east-1" : region;
        Map<String, String> context = new LinkedHashMap<>();
        context.put("partition", Partitions.partition(regionCode));
        context.put("region", regionCode);
        context.put("account", account);
        context.put("dnsSuffix", Partitions.dnsSuffix(regionCode));

        Map<String, Object> state = new LinkedHashMap<>(inputs);
        Shape shape = TABLE.get(type);
        if (shape == null) {
            String arn = "arn:" + context.get("partition") + ":" + service(type) + ":" + regionCode + ":" + account
                    + ":" + resourceType(type) + "/" + assigner.value("id", logicalName + "-id");
            state.putIfAbsent("arn", arn);
            return new Answer(assigner.value("id", logicalName + "-id"), state);
        }
        Map<String, String> values = new LinkedHashMap<>(context);
        inputs.forEach((k, v) -> {
            if (v instanceof String s) {
                values.put(k, s);
            }
        });
        if (shape.nameOutput() != null && !(inputs.get(shape.nameOutput()) instanceof String)) {
            String prefix = shape.prefixInput() == null ? null
                    : inputs.get(shape.prefixInput()) instanceof String p ? p : null;
            String name = assigner.value(shape.nameOutput(),
                    prefix != null ? prefix + hex(logicalName, 7) : autoName(logicalName));
            values.put(shape.nameOutput(), name);
            state.put(shape.nameOutput(), name);
        }
        shape.constants().forEach((k, v) -> state.putIfAbsent(k, v));
        shape.computed().forEach((k, f) -> {
            values.put(k, f.apply(inputs));
            if (!k.startsWith("_")) {
                state.put(k, values.get(k));
            }
        });
        shape.assigned().forEach((k, deploy) -> {
            if (inputs.get(k) instanceof String) {
                return;
            }
            String visible = k.startsWith("_") ? k.substring(1) : k;
            String value = assigner.value(visible, deploy.apply(logicalName));
            values.put(k, value);
            if (!k.startsWith("_") && !k.equals("id")) {
                state.put(k, value);
            }
        });
        for (Map.Entry<String, String> d : shape.derived().entrySet()) {
            String output = d.getKey();
            if (inputs.get(output) instanceof String) {
                continue;
            }
            String value = fill(d.getValue(), values);
            values.put(output, value);
            if (!output.startsWith("_")) {
                state.put(output, value);
            }
        }
        String id = shape.idOf() == null ? assigner.value("id", logicalName + "-id") : values.get(shape.idOf());
        if (id == null || id.isEmpty()) {
            id = assigner.value("id", logicalName + "-id");
        }
        return new Answer(id, state);
    }

    /** Fills a template from the values. */
    private static String fill(String template, Map<String, String> values) {
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code aws:sqs/queue:Queue} → {@code sqs}. */
    private static String service(String type) {
        String[] parts = type.split(":");
        return parts.length >= 2 ? parts[1].split("/")[0].toLowerCase(Locale.ROOT) : "unknown";
    }

    /** {@code aws:sqs/queue:Queue} → {@code queue}. */
    private static String resourceType(String type) {
        String[] parts = type.split(":");
        return parts.length >= 3 ? parts[2].toLowerCase(Locale.ROOT) : "resource";
    }

    /** {@code n} hex digits, stable for a seed. */
    static String hex(String seed, int n) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder out = new StringBuilder();
            for (byte b : digest) {
                out.append(String.format("%02x", b));
            }
            return out.substring(0, Math.min(n, out.length()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Outputs the table assigns or derives for a type (for tests and documentation). */
    static List<String> outputs(String type) {
        Shape shape = TABLE.get(type);
        if (shape == null) {
            return List.of("arn");
        }
        List<String> out = new ArrayList<>();
        if (shape.nameOutput() != null) {
            out.add(shape.nameOutput());
        }
        shape.computed().keySet().stream().filter(k -> !k.startsWith("_")).forEach(out::add);
        shape.assigned().keySet().stream().filter(k -> !k.startsWith("_") && !k.equals("id")).forEach(out::add);
        shape.derived().keySet().stream().filter(k -> !k.startsWith("_")).forEach(out::add);
        return out;
    }
}
