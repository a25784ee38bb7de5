package dev.nodefix.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.fact.HostFacts;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagnose cases whose {@code expected:} has {@code settle:} (host to command, or to null for a path that is not
 * unknown): the command an unknown NAT path names, the same one its last evidence line quotes.
 */
class NatPathSettleTest {
    static Stream<DiagnoseCase> cases() throws Exception {
        return DiagnoseCasesTest.cases().filter(c -> c.expected().get("settle") instanceof Map<?, ?>);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anUnknownPathNamesTheCommandThatSettlesIt(DiagnoseCase c) {
        Map<?, ?> settle = (Map<?, ?>) c.expected().get("settle");
        for (HostFacts h : c.hosts()) {
            NatPath nat = NatPath.of(((HostFacts.Collected) h).facts());
            Optional<String> want = Optional.ofNullable((String) settle.get(h.host()));

            assertThat(nat.settle()).as(h.host() + ": " + nat).isEqualTo(want);
            assertThat(nat.kind() == NatPath.Kind.UNKNOWN).as(nat.toString()).isEqualTo(want.isPresent());
            want.ifPresent(cmd -> assertThat(nat.evidence()).last().isEqualTo("would settle it: `" + cmd + "`"));
        }
    }
}
