package dev.nodefix.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.fact.Observed;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * {@code diagnose/legs/verdicts.csv}: four leg values in, the verdict they allow and the open legs worth a command
 * out. An open leg is tried both ways: one verdict every way, that verdict; affected-or-at-risk, at-risk; else unknown.
 */
class LegsTest {
    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
    @CsvFileSource(resources = "/diagnose/legs/verdicts.csv", delimiter = ',')
    void theLegsAllowOneVerdict(String vxlan, String offload, String keptOff, String doubleNat, String verdict,
            String deciding) {
        Legs legs = new Legs(leg(Leg.Name.VXLAN, vxlan), leg(Leg.Name.OFFLOAD, offload),
                leg(Leg.Name.KEPT_OFF, keptOff), leg(Leg.Name.DOUBLE_NAT, doubleNat));

        assertThat(legs.verdict().label()).isEqualTo(verdict);
        assertThat(legs.deciding().stream().map(l -> l.name().label()).toList())
                .isEqualTo(deciding == null ? List.of() : List.of(deciding.split(" ")));
    }

    private static Leg leg(Leg.Name name, String value) {
        Observed o = Observed.valueOf(value.toUpperCase(Locale.ROOT).replace(' ', '_'));
        return new Leg(name, o, "test", List.of(), o == Observed.CANNOT_TELL ? Optional.of("settle " + name.label())
                : Optional.empty());
    }
}
