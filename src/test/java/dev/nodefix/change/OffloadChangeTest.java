package dev.nodefix.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.fact.EthtoolFeatures;
import dev.nodefix.fact.Section;
import dev.nodefix.query.OffloadState;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whether an offload change is in place, read from {@code ethtool -k}: a run where ethtool itself was missing
 * (a non-root login without sbin on its PATH) says nothing, so rollback must not call it a conflict.
 */
class OffloadChangeTest {
    private static final OffloadChange OFF = new OffloadChange("flannel.1", "tx-checksum-ip-generic", true, false);

    @ParameterizedTest(name = "{0} (rc {1}) -> {2}")
    @CsvSource(delimiter = '|', value = {
        "tx-checksum-ip-generic: off                    | 0   | APPLIED",
        "tx-checksum-ip-generic: on                     | 0   | NOT_APPLIED",
        "netlink error: no device matches name (offset 24) | 1 | DIFFERENT",
        "sh: 1: ethtool: not found                      | 127 | UNKNOWN",
        "bash: line 1: ethtool: command not found       | 127 | UNKNOWN",
        "ethtool: bad command line argument(s)          | 1   | UNKNOWN",
    })
    void landingFromWhatEthtoolSaid(String output, int rc, Landing expected) {
        OffloadState state = new OffloadState("flannel.1",
                EthtoolFeatures.FACT.parse(Section.ran("ethtool", rc, List.of(output.strip()))));
        assertThat(OFF.landing(state)).isEqualTo(expected);
    }
}
