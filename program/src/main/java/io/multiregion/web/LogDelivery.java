package io.multiregion.web;

import com.pulumi.core.Output;
import io.multiregion.iam.Actions;
import io.multiregion.iam.Statement;
import io.multiregion.regions.Arns;
import io.multiregion.regions.AwsRegion;

import java.util.Map;
import java.util.Optional;

/**
 * Who writes Application Load Balancer access logs into a bucket, per region (Elastic Load Balancing User Guide
 * for ALBs, "Enable access logs for your Application Load Balancer", step "Attach a policy to your S3 bucket"):
 * in regions available before August 2022 the regional Elastic Load Balancing account, in newer regions the
 * service principal {@value #SERVICE_PRINCIPAL}.
 */
public final class LogDelivery {
    private LogDelivery() {
    }

    /** The log-delivery service principal of regions launched in or after August 2022. */
    public static final String SERVICE_PRINCIPAL = "logdelivery.elasticloadbalancing.amazonaws.com";

    /**
     * The Elastic Load Balancing account of each region available before August 2022: the table of the ELB User
     * Guide (page above), as also kept by terraform-provider-aws
     * ({@code internal/service/elb/service_account_data_source.go}).
     */
    public static final Map<String, String> ELB_ACCOUNTS = Map.ofEntries(
            Map.entry("us-east-1", "127311923021"),
            Map.entry("us-east-2", "033677994240"),
            Map.entry("us-west-1", "027434742980"),
            Map.entry("us-west-2", "797873946194"),
            Map.entry("af-south-1", "098369216593"),
            Map.entry("ap-east-1", "754344448648"),
            Map.entry("ap-southeast-3", "589379963580"),
            Map.entry("ap-south-1", "718504428378"),
            Map.entry("ap-northeast-3", "383597477331"),
            Map.entry("ap-northeast-2", "600734575887"),
            Map.entry("ap-southeast-1", "114774131450"),
            Map.entry("ap-southeast-2", "783225319266"),
            Map.entry("ap-northeast-1", "582318560864"),
            Map.entry("ca-central-1", "985666609251"),
            Map.entry("eu-central-1", "054676820928"),
            Map.entry("eu-west-1", "156460612806"),
            Map.entry("eu-west-2", "652711504416"),
            Map.entry("eu-south-1", "635631232127"),
            Map.entry("eu-west-3", "009996457667"),
            Map.entry("eu-north-1", "897822967062"),
            Map.entry("me-south-1", "076674570225"),
            Map.entry("sa-east-1", "507241528517"),
            Map.entry("us-gov-west-1", "048591011584"),
            Map.entry("us-gov-east-1", "190560391635"),
            Map.entry("cn-north-1", "638102146993"),
            Map.entry("cn-northwest-1", "037604701340"));

    /** The regional Elastic Load Balancing account, or empty for a region that uses {@link #SERVICE_PRINCIPAL}. */
    public static Optional<String> elbAccount(AwsRegion region) {
        return Optional.ofNullable(ELB_ACCOUNTS.get(region.code()));
    }

    /**
     * The bucket-policy statement letting the region's log delivery put objects under
     * {@code <prefix>/AWSLogs/<account>/}, the only place an ALB writes.
     *
     * @param region     the load balancer's (and bucket's) region
     * @param bucketArn  the log bucket's ARN
     * @param prefix     the access-log prefix configured on the load balancer
     * @param account    the account that owns the load balancer
     */
    public static Statement statement(AwsRegion region, Output<String> bucketArn, String prefix, Output<String> account) {
        Output<String> objects = Output.tuple(bucketArn, account).applyValue(t -> t.t1 + "/" + prefix + "/AWSLogs/" + t.t2 + "/*");
        Statement.Builder builder = Statement.allow("ElbAccessLogDelivery").actions(Actions.S3_WRITE_OBJECT).resource(objects);
        elbAccount(region).ifPresentOrElse(
                elb -> builder.awsPrincipal(Arns.accountRoot(region, elb)),
                () -> builder.service(SERVICE_PRINCIPAL));
        return builder.build();
    }
}
