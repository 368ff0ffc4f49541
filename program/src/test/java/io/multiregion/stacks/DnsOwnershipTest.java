package io.multiregion.stacks;

import io.multiregion.stacks.StackContract.Value;
import io.multiregion.testing.DomainRuns;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import io.multiregion.testing.StandardRuns;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every DNS record has exactly one owning stack. ACM asks every certificate of an account for the same validation
 * record of a name (ACM User Guide, "DNS validation"), so with a domain both regions' certificates need the identical
 * record of the application's name: the primary writes it, the secondary's certificate validates against it. Two
 * writers would each delete it on destroy, and the other region's certificate could no longer renew.
 */
class DnsOwnershipTest {
    private static final String RECORD = "aws:route53/record:Record";
    private static final String VALIDATION = "aws:acm/certificateValidation:CertificateValidation";

    static Stream<String> withoutDomain() {
        return StandardRuns.ALL.stream().filter(n -> !StandardRuns.get(n).config().containsKey("multiregion:domain"));
    }

    @Test
    @DisplayName("with a domain, each record name is written by one stack only, and none may overwrite")
    void everyRecordHasOneOwner() {
        Map<String, List<String>> writers = new LinkedHashMap<>();
        for (String name : StandardRuns.WITH_DOMAIN) {
            for (Registered record : StandardRuns.get(name).ofType(RECORD)) {
                // a record set is its zone, name, type and, for failover records, its set identifier
                String key = record.text("zoneId") + " " + record.text("type") + " " + record.text("name") + " "
                        + record.text("setIdentifier");
                writers.computeIfAbsent(key, k -> new ArrayList<>()).add(name + " " + record.name());
                assertFalse(Boolean.TRUE.equals(record.at("allowOverwrite")), record.name() + " takes over a record");
            }
        }
        // the application name's validation record once (the primary's), each region's own in its stack
        assertEquals(3, writers.keySet().stream().filter(k -> k.contains(" CNAME _")).count(), writers::toString);
        writers.forEach((record, by) -> assertEquals(1, by.size(), record + " is written by " + by));
    }

    @Test
    @DisplayName("with a domain, the primary writes the application name's validation record and exports its FQDN")
    void primaryOwnsTheApplicationNameRecord() {
        ProgramRun primary = StandardRuns.get("primary/domain");
        Registered owned = primary.where(r -> r.type().equals(RECORD) && r.name().endsWith("-validation-app")).get(0);
        assertTrue(owned.text("name").endsWith("." + DomainRuns.NAME + "."), owned.text("name"));
        String fqdn = owned.text("name").substring(0, owned.text("name").length() - 1);
        assertEquals(fqdn, primary.output(Value.APPLICATION_NAME_RECORD.key()));
        assertTrue(((List<?>) primary.one(VALIDATION).at("validationRecordFqdns")).contains(fqdn));
    }

    @Test
    @DisplayName("with a domain, the secondary writes only its region's records; its certificate validates against the primary's")
    void secondaryValidatesAgainstThePrimarysRecord() {
        ProgramRun secondary = StandardRuns.get("secondary/domain");
        String primaryRecord = String.valueOf(DomainRuns.primaryExports().get(Value.APPLICATION_NAME_RECORD.key()));
        assertTrue(primaryRecord.endsWith(DomainRuns.NAME), primaryRecord);
        List<Registered> validationRecords = secondary.where(r -> r.type().equals(RECORD) && r.name().contains("-validation-"));
        assertEquals(1, validationRecords.size());
        assertTrue(validationRecords.get(0).text("name").endsWith(".eu-central-1." + DomainRuns.NAME + "."));
        assertTrue(secondary.ofType(RECORD).stream().noneMatch(r -> r.name().endsWith("-validation-app")));
        Registered regional = secondary.where(r -> r.type().equals(VALIDATION) && !r.name().contains("front-door")).get(0);
        List<?> fqdns = (List<?>) regional.at("validationRecordFqdns");
        assertEquals(2, fqdns.size());
        assertTrue(fqdns.contains(primaryRecord), "the provider checks that every record the certificate asks for is "
                + "named (terraform-provider-aws#3329): the application name's is the primary's");
        assertEquals(List.of(), secondary.where(r -> r.type().equals(RECORD) && primaryRecord.equals(
                r.text("name") == null ? null : r.text("name").replaceAll("\\.$", ""))));
    }

    @ParameterizedTest(name = "{0}: without a domain no record, and the primary exports an empty record name")
    @MethodSource("withoutDomain")
    void withoutDomainNoRecord(String name) {
        ProgramRun run = StandardRuns.get(name);
        assertEquals(List.of(), run.ofType(RECORD));
        assertEquals(List.of(), run.ofType("aws:acm/certificate:Certificate"));
        if (name.startsWith("primary")) {
            assertEquals("", run.output(Value.APPLICATION_NAME_RECORD.key()));
        }
    }

    @Test
    @DisplayName("a secondary with a domain refuses a primary that serves it but exports no validation record; nothing is created")
    void primaryWithoutTheRecordRefused() {
        Map<String, Object> exports = new HashMap<>(DomainRuns.primaryExports());
        exports.put(Value.APPLICATION_NAME_RECORD.key(), "");
        ProgramRun run = ProgramRun.with("secondary", DomainRuns.config("secondary"), exports);
        assertTrue(run.failed());
        assertTrue(run.errors().contains("multiregion:domain")
                && run.errors().contains(Value.APPLICATION_NAME_RECORD.key())
                && run.errors().contains("pulumi up -s primary"), run.errors());
        assertEquals(List.of(), run.aws(), "nothing may be registered");
    }
}
