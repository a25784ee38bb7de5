package dev.nodefix.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.inventory.Connection;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Role;
import dev.nodefix.playbook.Order;
import dev.nodefix.playbook.Serial;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of {@code play/batches.yaml}: hosts, order and serial in, the batches a play goes through out. */
class PlayBatchesTest {
    record Case(String name, List<Host> hosts, Order order, Serial serial, List<List<String>> expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws URISyntaxException {
        Path file = Path.of(PlayBatchesTest.class.getResource("/executor/batches.yaml").toURI());
        return PlayCaseList.load(file).stream().map(c -> new Case(String.valueOf(c.get("name")),
                PlayCase.strings(c.get("hosts")).stream().map(PlayBatchesTest::host).toList(),
                Order.of(String.valueOf(c.get("order"))).orElseThrow(),
                c.get("serial") == null ? Serial.ALL : PlayCase.serial(c.get("serial")),
                ((List<?>) c.get("expect")).stream().map(PlayCase::strings).toList()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void batchesAsTheCaseSays(Case c) {
        List<List<Host>> batches = PlayBatches.of(c.hosts(), c.order(), c.serial());
        assertThat(batches).as(c.name()).extracting(b -> b.stream().map(Host::name).toList())
                .isEqualTo(c.expect());
    }

    private static Host host(String text) {
        String[] words = text.split("\\s+");
        Role role = words.length > 1 ? Role.valueOf(words[1].toUpperCase(Locale.ROOT)) : Role.UNKNOWN;
        return new Host(words[0], Map.of(), List.of(), Connection.to("127.0.0.1"), role);
    }
}
