package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.report.ExitCode;
import dev.nodefix.transport.TransportFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Cases in {@code cli/bad-setup/cases.yaml}: an operator setup with one bad file (INI inventory, group_vars, ssh
 * config, ansible.cfg, vault password), and a command that would connect. Each must exit 1 naming the file and line,
 * with no host contacted. {@code HOME} and {@code WORK} in the texts stand for the test's home and working directory.
 */
class BadSetupTest {
    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    static Stream<Map<String, Object>> cases() throws IOException, URISyntaxException {
        Path file = Path.of(BadSetupTest.class.getResource("/cli/bad-setup/cases.yaml").toURI());
        return ((List<Map<String, Object>>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(file))).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void exitsOneNamingTheFileAndLineBeforeContactingAnyHost(Map<String, Object> c) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path work = Files.createDirectories(tmp.resolve("work"));
        for (Map.Entry<String, Object> f : ((Map<String, Object>) c.get("files")).entrySet()) {
            Path target = Path.of(expand(f.getKey(), home, work));
            Files.createDirectories(target.getParent());
            Files.writeString(target, expand(f.getValue().toString(), home, work));
        }
        AtomicInteger contacted = new AtomicInteger();
        TransportFactory never = host -> {
            contacted.incrementAndGet();
            throw new IllegalStateException("contacted " + host.name());
        };
        List<String> args = new ArrayList<>();
        ((List<Object>) c.get("args")).forEach(a -> args.add(expand(a.toString(), home, work)));

        CliRunner.Result r = new CliRunner().home(home).workingDir(work).transports(s -> never)
                .run(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).as(r.toString()).contains(expand(c.get("error").toString(), home, work));
        assertThat(contacted).as("hosts contacted").hasValue(0);
    }

    private static String expand(String text, Path home, Path work) {
        return text.replace("HOME", home.toString()).replace("WORK", work.toString());
    }
}
