package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.lab.Lab;
import dev.nodefix.report.ExitCode;
import dev.nodefix.transport.ssh.Keygen;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab node whose real sshd presents a host certificate ({@code ssh-keygen -s}, sshd's HostCertificate),
 * with a known_hosts holding only {@code @cert-authority * CA}: nodefix connects exactly when the real
 * {@code ssh} does, and says why when it does not. Its own lab (nfxy), one node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostCertificateIT {
    private static final String ADDRESS = "10.99.54.11";

    private Lab lab;
    private String node;
    private Path work;
    private Path ca;
    private Path otherCa;
    private Path knownHosts;
    private Path inventory;
    private int signed;

    @BeforeAll
    void start(@TempDir Path tmp) throws IOException {
        Path repo = Path.of("").toAbsolutePath();
        lab = Lab.up(repo, 1, "affected", new Lab.LabNames("nfxy", "nfxybr0", "10.99.54", repo.resolve("target/it-lab-nfxy")));
        node = lab.names().get(0);
        work = tmp;
        ca = Keygen.generate(tmp, "ca", "ed25519", "");
        otherCa = Keygen.generate(tmp, "other_ca", "ed25519", "");
        knownHosts = Files.writeString(tmp.resolve("known_hosts"), "@cert-authority * " + Files.readString(Keygen.pub(ca)));
        inventory = Files.writeString(tmp.resolve("cert.yaml"), String.join("\n",
                "all:",
                "  hosts:",
                "    " + node + ":",
                "      ansible_host: " + ADDRESS,
                "      ansible_user: root",
                "      ansible_ssh_private_key_file: " + lab.clientKey(),
                ""));
        Path config = nodeDir().resolve("sshd_config");
        Files.writeString(config, Files.readString(config) + "HostCertificate " + certificate() + "\n");
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private Path nodeDir() {
        return lab.dir().resolve("nodes/" + node);
    }

    private Path certificate() {
        return nodeDir().resolve("ssh_host_ed25519_key-cert.pub");
    }

    /** Signs the node's real host key with {@code signer} and restarts its sshd so it presents the certificate. */
    private void install(Path signer, String... options) throws IOException {
        Path dir = Files.createDirectories(work.resolve("sign" + ++signed));
        Path pub = Files.copy(nodeDir().resolve("ssh_host_ed25519_key.pub"), dir.resolve("host.pub"));
        List<String> args = new ArrayList<>(List.of("-q", "-s", signer.toString(), "-I", node, "-h"));
        args.addAll(List.of(options));
        args.add(pub.toString());
        Keygen.run(args);
        Files.copy(dir.resolve("host-cert.pub"), certificate(), StandardCopyOption.REPLACE_EXISTING);
        lab.stopSshd(node);
        lab.startSshd(node);
    }

    private CliRunner.Result ping(String... more) {
        List<String> args = new ArrayList<>(List.of("ping", "-i", inventory.toString(), "--known-hosts", knownHosts.toString()));
        args.addAll(List.of(more));
        return new CliRunner().home(work).run(args.toArray(String[]::new));
    }

    /** The real OpenSSH client with the same known_hosts: its exit code. */
    private int realSsh() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/ssh", "-F", "/dev/null", "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "GlobalKnownHostsFile=/dev/null", "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes",
                "-o", "IdentitiesOnly=yes", "-i", lab.clientKey().toString(), "root@" + ADDRESS, "true")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    @Test
    void aCertificateFromTheTrustedCaForTheDialledNameIsAccepted() throws Exception {
        install(ca, "-n", ADDRESS + "," + node);
        String before = Files.readString(knownHosts);

        CliRunner.Result r = ping();

        assertThat(realSsh()).isZero();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains(node + " | pong");
        assertThat(Files.readString(knownHosts)).isEqualTo(before);
    }

    @Test
    void aCertificateFromAnotherCaIsRefused() throws Exception {
        install(otherCa, "-n", ADDRESS);
        refused("no @cert-authority line for " + ADDRESS + " lists its CA ssh-ed25519 SHA256:");
    }

    @Test
    void anExpiredCertificateIsRefused() throws Exception {
        install(ca, "-n", ADDRESS, "-V", "20200101:20200102");
        refused("it expired at 2020-01-0");
    }

    @Test
    void aCertificateForOtherPrincipalsIsRefusedEvenWithAcceptNew() throws Exception {
        install(ca, "-n", "other.lab");
        refused("it is for other.lab, not " + ADDRESS);
        String before = Files.readString(knownHosts);
        CliRunner.Result acceptNew = ping("--accept-new-host-keys");
        assertThat(acceptNew.exitCode()).as(acceptNew.toString()).isEqualTo(ExitCode.HOST_UNREACHABLE);
        assertThat(Files.readString(knownHosts, StandardCharsets.UTF_8)).isEqualTo(before);
    }

    private void refused(String why) throws Exception {
        CliRunner.Result r = ping();

        assertThat(realSsh()).isEqualTo(255);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOST_UNREACHABLE);
        assertThat(r.out()).contains(node + " | UNREACHABLE | host key unknown")
                .contains("host certificate of " + ADDRESS + ":22 not trusted: " + why);
    }
}
