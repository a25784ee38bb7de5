package dev.nodefix.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code facts/_captured-pairs}: one lab node captured twice, one run right after the other, with the collector
 * before its process count was cut ({@code NAME.old}: a process per command, a section per iptables chain) and
 * with today's ({@code NAME.new}: one iptables-save, one ip batch, one systemctl, files read by the shell).
 * Both give the same facts. The one known difference: iptables-nft 1.8.9 answers {@code -S FLANNEL-POSTRTG} for a
 * chain that is not there as for an nft-made one (unreadable); iptables-save shows it is not there. flannel.1's
 * provenance names the section it was read from ({@code vxlan-device} then, {@code ip} now) and quotes its lines
 * as each printed them: only how complete it is must agree.
 */
class CollectorVersionsTest {
    static Stream<String> pairs() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".new"))
                    .map(n -> n.substring(0, n.length() - ".new".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void oldAndNewCollectorGiveTheSameFacts(String node) throws Exception {
        NodeFacts before = NodeFacts.parse(Files.readString(dir().resolve(node + ".old")));
        NodeFacts now = NodeFacts.parse(Files.readString(dir().resolve(node + ".new")));

        assertThat(withoutFlannelPostrtg(now)).isEqualTo(withoutFlannelPostrtg(before));
        FlannelPostrtg.Guard expected = before.flannelPostrtg().guard() == FlannelPostrtg.Guard.UNREADABLE
                ? FlannelPostrtg.Guard.NO_CHAIN : before.flannelPostrtg().guard();
        assertThat(now.flannelPostrtg().guard()).isEqualTo(expected);
        assertThat(now.flannelPostrtg().rules()).isEqualTo(before.flannelPostrtg().rules());
    }

    private static Map<?, ?> withoutFlannelPostrtg(NodeFacts facts) {
        Map<Object, Object> data = new LinkedHashMap<>((Map<?, ?>) PlainData.of(facts));
        data.remove("flannelPostrtg");
        Map<Object, Object> vxlan = new LinkedHashMap<>((Map<?, ?>) data.get("vxlan"));
        vxlan.put("source", ((Map<?, ?>) vxlan.get("source")).get("extent"));
        data.put("vxlan", vxlan);
        return data;
    }

    private static Path dir() throws URISyntaxException {
        return Path.of(CollectorVersionsTest.class.getResource("/facts/_captured-pairs").toURI());
    }
}
