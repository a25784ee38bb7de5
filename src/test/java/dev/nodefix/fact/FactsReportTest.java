package dev.nodefix.fact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.report.FactsJson;
import dev.nodefix.report.FactsTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hosts without facts in the table and the JSON; rows sorted by host. */
class FactsReportTest {
    private final List<HostFacts> results = List.of(
            new HostFacts.NotCollected("node-b", "unreachable", "connection refused"),
            new HostFacts.Collected("node-a", NodeFacts.parse("")));

    @Test
    void tableSaysWhyAHostHasNoFactsAndShowsUnknownsAsDashes() {
        StringWriter out = new StringWriter();
        new FactsTable().print(new PrintWriter(out), results);

        assertThat(out.toString().lines().toList()).containsExactly(
                "HOST    ROLE     KERNEL  IPTABLES  BACKEND  TX-CSUM-OFFLOAD  KUBE-POSTROUTING  PERSISTED",
                "node-a  unknown  -       -         -        -                unknown           ?",
                "node-b  UNREACHABLE: connection refused");
    }

    @Test
    void jsonCarriesTheStatusAndMessage() {
        String json = new FactsJson().render(results);

        assertThat(json).contains("\"node-b\" : {\n      \"status\" : \"unreachable\",\n      \"message\" : \"connection refused\"")
                .contains("\"release\" : null");
        assertThat(json.indexOf("node-a")).isLessThan(json.indexOf("node-b"));
    }
}
