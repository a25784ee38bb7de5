package dev.nodefix.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code facts/_captured-pairs}: one lab node captured twice, one run right after the other, with the collector
 * before its process count was cut ({@code NAME.old}: a process per command, a section per iptables chain, the units'
 * {@code ExecStart} lines only) and with today's ({@code NAME.new}: one iptables-save, one ip batch, one systemctl,
 * files read by the shell, the units with their drop-ins and environment files, config.yaml.d, the hostname, the
 * kernel log). What both read gives the same facts. The known differences: iptables-nft 1.8.9 answers
 * {@code -S FLANNEL-POSTRTG} for a chain that is not there as for an nft-made one (unreadable); iptables-save shows
 * it is not there. flannel.1's provenance names the section it was read from ({@code vxlan-device} then, {@code ip}
 * now) and quotes its lines as each printed them: only how complete it is must agree. And what only today's
 * collector reads: the older output leaves it open (the k3s settings, the kernel log, the node name, the boot id,
 * prefer-bundled-bin), today's tells it.
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

        assertThat(readByBoth(now)).isEqualTo(readByBoth(before));
        FlannelPostrtg.Guard expected = before.flannelPostrtg().guard() == FlannelPostrtg.Guard.UNREADABLE
                ? FlannelPostrtg.Guard.NO_CHAIN : before.flannelPostrtg().guard();
        assertThat(now.flannelPostrtg().guard()).isEqualTo(expected);
        assertThat(now.flannelPostrtg().rules()).isEqualTo(before.flannelPostrtg().rules());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void whatOnlyTodaysCollectorReadsTheOlderLeavesOpen(String node) throws Exception {
        NodeFacts before = NodeFacts.parse(Files.readString(dir().resolve(node + ".old")));
        NodeFacts now = NodeFacts.parse(Files.readString(dir().resolve(node + ".new")));

        assertThat(before.k3sConfig().notes()).anyMatch(n -> n.contains("an older collector"));
        assertThat(now.k3sConfig().notes()).isEmpty();
        assertThat(states(before)).containsOnly("cannot_tell");
        assertThat(states(now)).doesNotContain("cannot_tell");
        assertThat(before.kernelLog().badChecksum()).isEqualTo(Observed.CANNOT_TELL);
        assertThat(now.kernelLog().badChecksum()).isEqualTo(Observed.NO);
        assertThat(before.nodeName().name()).isEmpty();
        assertThat(now.nodeName().name()).isPresent();
        assertThat(before.udp().boot()).isEmpty();
        assertThat(now.udp().boot()).isPresent();
        assertThat(before.nft().preferBundledBin()).isEmpty();
        assertThat(now.nft().preferBundledBin()).contains(false);
    }

    /** Each flannel setting's state ({@code set}, {@code default}, {@code cannot_tell}). */
    private static List<String> states(NodeFacts facts) {
        Map<?, ?> settings = (Map<?, ?>) ((Map<?, ?>) PlainData.of(facts.k3sConfig())).get("settings");
        return settings.values().stream().map(s -> ((Map<?, ?>) s).get("state")).map(String::valueOf).toList();
    }

    /** The facts both collectors read: without FLANNEL-POSTRTG (compared above) and what only today's reads. */
    private static Map<?, ?> readByBoth(NodeFacts facts) {
        Map<Object, Object> data = new LinkedHashMap<>((Map<?, ?>) PlainData.of(facts));
        for (String onlyToday : List.of("flannelPostrtg", "k3sConfig", "kernelLog", "nodeName")) {
            data.remove(onlyToday);
        }
        Map<Object, Object> vxlan = new LinkedHashMap<>((Map<?, ?>) data.get("vxlan"));
        vxlan.put("source", ((Map<?, ?>) vxlan.get("source")).get("extent"));
        data.put("vxlan", vxlan);
        data.put("udp", without((Map<?, ?>) data.get("udp"), "boot"));
        data.put("nft", without((Map<?, ?>) data.get("nft"), "preferBundledBin"));
        return data;
    }

    private static Map<?, ?> without(Map<?, ?> map, String key) {
        Map<Object, Object> out = new LinkedHashMap<>(map);
        out.remove(key);
        return out;
    }

    private static Path dir() throws URISyntaxException {
        return Path.of(CollectorVersionsTest.class.getResource("/facts/_captured-pairs").toURI());
    }
}
