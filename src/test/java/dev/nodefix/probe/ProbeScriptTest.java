package dev.nodefix.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.transport.Command;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The probe script run by a real /bin/sh against a real local listener (and a closed port). */
class ProbeScriptTest {
    @Test
    void measuresARealConnectAndARefusal() throws Exception {
        int closed;
        try (ServerSocket gone = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            closed = gone.getLocalPort();
        }
        try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Command command = new ProbeScript(List.of(new ProbeTarget("127.0.0.1", open.getLocalPort()),
                    new ProbeTarget("127.0.0.1", closed))).command();

            ProbeResult r = ProbeResult.parse(run(command));

            assertThat(r.connects()).extracting(Connect::outcome)
                    .containsExactly(Connect.Outcome.CONNECTED, Connect.Outcome.FAILED);
            assertThat(r.connects().get(0).millis()).hasValueSatisfying(ms -> assertThat(ms).isPositive());
        }
    }

    @Test
    void targetsAreArgumentsNotScriptText() {
        Command command = new ProbeScript(List.of(new ProbeTarget("10.43.0.10", 80))).command();

        assertThat(command.argv()).containsExactly("/bin/sh", "-s", "--", "10.43.0.10:80");
        assertThat(new String(command.stdin().orElseThrow(), StandardCharsets.UTF_8)).doesNotContain("10.43.0.10")
                .contains("--connect-timeout 5", "timeout 5 nc -z", "InCsumErrors");
    }

    private static String run(Command command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command.argv())).redirectErrorStream(true).start();
        p.getOutputStream().write(command.stdin().orElseThrow());
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
