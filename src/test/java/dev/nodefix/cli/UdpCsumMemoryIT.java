package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.lab.Lab;
import dev.nodefix.report.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live {@code diagnose} remembers each node's Udp InCsumErrors and reports its rise at the next one: UDP datagrams
 * with a wrong checksum are sent from one lab node to another (inside the lab's own namespaces), the receiver's
 * kernel counts them, and the second diagnose quotes the rise; {@code --probe} still measures its connects.
 */
class UdpCsumMemoryIT {
    private static final Instant FIRST = Instant.parse("2026-12-02T05:00:00Z");
    /** Sends N UDP datagrams whose checksum is wrong (a raw socket: the kernel leaves the UDP header as given). */
    private static final String SEND_BAD = "import socket,struct,sys\n"
            + "s=socket.socket(socket.AF_INET,socket.SOCK_RAW,socket.IPPROTO_UDP)\n"
            + "payload=b'nodefix'\n"
            + "for i in range(int(sys.argv[2])):\n"
            + "    s.sendto(struct.pack('!HHHH',40000+i,9,8+len(payload),0x1234)+payload,(sys.argv[1],0))\n";

    @Test
    void theSecondDiagnoseQuotesTheRiseSinceTheFirst(@TempDir Path home) throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        Lab.LabNames names = new Lab.LabNames("nfxy", "nfxybr0", "10.99.54", repo.resolve("target/it-lab-nfxy"));
        try (Lab lab = Lab.up(repo, 2, "affected", names)) {
            String receiver = lab.names().get(1);
            CliRunner first = new CliRunner().home(home).clock(Clock.fixed(FIRST, ZoneOffset.UTC));
            Map<String, Object> before = JSON.std.mapFrom(first.run("diagnose", "-i", lab.inventory().toString(),
                    "--json").out());
            assertThat(codes(before, receiver)).as("the lab's counters start at 0").doesNotContain("UDP_CSUM_ERRORS");
            assertThat(Files.readString(home.resolve(".local/state/nodefix/udp-csum.json"))).contains(receiver);

            lab.exec(lab.names().get(0), "/usr/bin/python3", "-c", SEND_BAD, address(lab, receiver), "57");
            CliRunner second = new CliRunner().home(home).clock(Clock.fixed(FIRST.plusSeconds(3 * 3600 + 720),
                    ZoneOffset.UTC));
            CliRunner.Result r = second.run("diagnose", "-i", lab.inventory().toString(), "--probe", "--target",
                    "10.43.0.10:80");

            assertThat(r.out()).as(r.toString()).contains("UDP_CSUM_ERRORS: Udp InCsumErrors rose by 57 in 3 h 12 min"
                    + " (since the last diagnose at 2026-12-02T05:00:00Z)");
            assertThat(r.out().lines().filter(l -> l.contains("PROBE_CONNECT: TCP connect to 10.43.0.10:80")))
                    .hasSize(lab.size());
            assertThat(r.exitCode()).as("the rise does not decide: the lab is affected by its configuration")
                    .isEqualTo(ExitCode.AFFECTED);
        }
    }

    private static String address(Lab lab, String node) {
        Matcher m = Pattern.compile("inet (\\d+\\.\\d+\\.\\d+\\.\\d+)/").matcher(lab.exec(node, "ip", "-4", "-o",
                "addr", "show", "dev", "eth0"));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static List<Object> codes(Map<String, Object> root, String node) {
        Map<?, ?> host = (Map<?, ?>) ((Map<?, ?>) root.get("hosts")).get(node);
        return ((List<?>) host.get("findings")).stream().map(f -> ((Map<?, ?>) f).get("code")).map(Object.class::cast)
                .toList();
    }
}
