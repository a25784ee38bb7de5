package dev.nodefix.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.inventory.Connection;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Role;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of {@code play/rollback-batches.yaml}: a rollback's hosts and the run's batches in, its batches out. */
class RollbackBatchesTest {
    record Case(String name, List<Host> hosts, List<List<String>> run, boolean restarts, List<List<String>> expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws URISyntaxException {
        Path file = Path.of(RollbackBatchesTest.class.getResource("/executor/rollback-batches.yaml").toURI());
        return PlayCaseList.load(file).stream().map(c -> new Case(String.valueOf(c.get("name")),
                PlayCase.strings(c.get("hosts")).stream().map(RollbackBatchesTest::host).toList(),
                c.get("run") == null ? List.of() : ((List<?>) c.get("run")).stream().map(PlayCase::strings).toList(),
                Boolean.TRUE.equals(c.get("restarts")),
                ((List<?>) c.get("expect")).stream().map(PlayCase::strings).toList()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void batchesAsTheCaseSays(Case c) {
        List<List<Host>> batches = RollbackBatches.of(c.hosts(), c.run(), c.restarts());
        assertThat(batches).as(c.name()).extracting(b -> b.stream().map(Host::name).toList())
                .isEqualTo(c.expect());
    }

    private static Host host(String text) {
        String[] words = text.split("\\s+");
        Role role = words.length > 1 ? Role.valueOf(words[1].toUpperCase(Locale.ROOT)) : Role.UNKNOWN;
        return new Host(words[0], Map.of(), List.of(), Connection.to("127.0.0.1"), role);
    }
}
