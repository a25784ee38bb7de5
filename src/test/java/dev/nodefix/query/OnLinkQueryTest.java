package dev.nodefix.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The host-gw L2 preflight: {@code ip -o route get PEER} per peer, a gateway means not on-link. */
class OnLinkQueryTest {
    @Test
    void aPeerReachedThroughAGatewayIsNotOnLink() {
        OnLinkQuery q = new OnLinkQuery(List.of("10.99.0.12", "10.99.100.13", "10.0.0.9"));
        String output = """
                10.99.0.12 10.99.0.12 dev eth0 src 10.99.0.11 uid 0 \\    cache
                10.99.100.13 10.99.100.13 via 10.99.0.254 dev eth0 src 10.99.0.11 uid 0 \\    cache
                10.0.0.9 RTNETLINK answers: Network is unreachable
                """;

        OnLinkState s = q.parse(output, 0);

        assertThat(s.notOnLink()).isEqualTo(Map.of(
                "10.99.100.13", "10.99.100.13 via 10.99.0.254 dev eth0 src 10.99.0.11 uid 0 \\    cache",
                "10.0.0.9", "RTNETLINK answers: Network is unreachable"));
    }

    @Test
    void aPeerWithoutAnyOutputCountsAsNotOnLinkAndValuesAreQuotedInTheScript() {
        OnLinkQuery q = new OnLinkQuery(List.of("10.99.0.12", "x;rm -rf /"));

        assertThat(q.parse("", 0).notOnLink()).containsEntry("10.99.0.12", "no route");
        assertThat(q.script()).contains("ip -o route get 'x;rm -rf /'").doesNotContain("get x;rm");
    }

    @Test
    void noPeersMeansNothingToCheck() {
        assertThat(new OnLinkQuery(List.of()).parse("", 0).notOnLink()).isEmpty();
    }
}
