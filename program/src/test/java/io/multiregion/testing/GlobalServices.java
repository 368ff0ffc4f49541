package io.multiregion.testing;

import java.util.regex.Pattern;

/**
 * What a stack may register through the global provider ({@code us-east-1}): the global services themselves (Route
 * 53, CloudFront, CLOUDFRONT-scoped WAF, CloudFront's certificate), and the alarms on their metrics, which Route 53 and
 * CloudFront publish in {@code us-east-1} only, with the topic and key those alarms notify.
 */
public final class GlobalServices {
    private GlobalServices() {
    }

    public static final String REGION = "us-east-1";
    private static final Pattern SERVICES = Pattern.compile("^aws:(route53|cloudfront|wafv2|acm)/");
    private static final Pattern GLOBAL_METRICS = Pattern.compile("^AWS/(Route53|CloudFront)$");

    /** Whether a registration is a global service or part of the alarms on their metrics. */
    public static boolean isGlobal(ProgramRun run, Registered r) {
        if (SERVICES.matcher(r.type()).find()) {
            return true;
        }
        if (r.type().equals("aws:cloudwatch/metricAlarm:MetricAlarm")) {
            return r.text("namespace") != null && GLOBAL_METRICS.matcher(r.text("namespace")).matches();
        }
        // the topic those alarms notify, its key and policies: children of the component that builds the alarms
        return run.all().stream().anyMatch(c -> c.type().equals("multiregion:operations:GlobalAlarms")
                && c.urn() != null && isUnder(run, r, c.urn()));
    }

    private static boolean isUnder(ProgramRun run, Registered r, String ancestor) {
        String parent = r.parent();
        while (parent != null && !parent.isEmpty()) {
            if (parent.equals(ancestor)) {
                return true;
            }
            String current = parent;
            parent = run.all().stream().filter(x -> current.equals(x.urn())).map(Registered::parent).findFirst()
                    .orElse(null);
        }
        return false;
    }
}
