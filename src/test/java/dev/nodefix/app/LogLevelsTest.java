package dev.nodefix.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code -v} shows nodefix's own steps, {@code -vv} adds sshj's INFO lines: the real slf4j-simple binding with the
 * shipped simplelogger.properties, in a JVM of its own (the binding reads its levels once per JVM).
 */
class LogLevelsTest {
    private static final String NODEFIX = "dev.nodefix.engine.Connections";
    private static final String SSHJ = "net.schmizz.sshj.transport.TransportImpl";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ping                | ''
            ping -v             | NODEFIX debug, NODEFIX info, NODEFIX warn
            ping --verbose      | NODEFIX debug, NODEFIX info, NODEFIX warn
            ping -vv            | NODEFIX debug, NODEFIX info, NODEFIX warn, SSHJ info, SSHJ warn
            ping -v --verbose   | NODEFIX debug, NODEFIX info, NODEFIX warn, SSHJ info, SSHJ warn
            ping -vvv           | NODEFIX debug, NODEFIX info, NODEFIX warn, SSHJ debug, SSHJ info, SSHJ warn
            run -a 'ls -v' -- -vv | ''
            """)
    void eachVerbosityShowsItsLoggers(String args, String expected) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LogLevelsProbe.class.getName()));
        command.addAll(List.of(args.replace("'ls -v'", "ls").split(" ")));
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        List<String> shown = err.lines().filter(l -> l.contains(NODEFIX) || l.contains(SSHJ))
                .map(l -> l.substring(l.indexOf(l.contains(NODEFIX) ? NODEFIX : SSHJ)))
                .map(l -> l.replace(NODEFIX, "NODEFIX").replace(SSHJ, "SSHJ")).toList();
        assertThat(shown).as(err).containsExactlyElementsOf(expected.isEmpty() ? List.of() : List.of(expected.split(", ")));
        assertThat(out).isEmpty();
    }
}
