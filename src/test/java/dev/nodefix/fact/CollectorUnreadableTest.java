package dev.nodefix.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector run by a user who may not read k3s's 0600 files (diagnose without {@code --become}): each such file
 * is named on a {@code # unreadable:} line and its section ends with a non-zero rc, so nodefix takes it as not read
 * (cannot tell), never as read and silent. k3s's files lie under a temporary root ({@code NF_ROOT}); when the tests
 * run as root the collector runs as uid 65534 (setpriv), so the file modes bite.
 */
class CollectorUnreadableTest {
    @Test
    void unreadableK3sFilesAreNamedAndTheirSectionsAreNotRead(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        write(root, "etc/rancher/k3s/config.yaml", "write-kubeconfig-mode: \"0644\"\n", "rw-r--r--");
        write(root, "etc/rancher/k3s/config.yaml.d/10-a.yaml", "node-label: [zone=a]\n", "rw-r--r--");
        Path net = write(root, "etc/rancher/k3s/config.yaml.d/50-net.yaml", "prefer-bundled-bin: true\n", "rw-------");
        write(root, "etc/systemd/system/k3s.service", "[Service]\nExecStart=/usr/local/bin/k3s server\n", "rw-r--r--");
        Path env = write(root, "etc/systemd/system/k3s.service.env", "K3S_TOKEN=x\n", "rw-------");
        Path rule = write(root, "etc/udev/rules.d/90-flannel.rules",
                "ACTION==\"add\", RUN+=\"/usr/sbin/ethtool -K flannel.1 tx-checksum-ip-generic off\"\n", "rw-------");

        CollectorOutput out = CollectorOutput.split(run(tmp, root));

        assertThat(out.section("k3s-config").succeeded()).as(out.section("k3s-config").text()).isTrue();
        assertThat(out.section("k3s-config-d").exitCode()).hasValue(1);
        assertThat(out.section("k3s-config-d").lines()).contains(
                "# file: " + root + "/etc/rancher/k3s/config.yaml.d/10-a.yaml", "# unreadable: " + net);
        assertThat(out.section("k3s-env").exitCode()).hasValue(1);
        assertThat(out.section("k3s-env").lines()).contains("# unreadable: " + env);
        assertThat(out.section("persistence").exitCode()).hasValue(1);
        assertThat(out.section("persistence").lines()).contains("# unreadable: " + rule);
        assertThat(out.section("k3s-units").succeeded()).isTrue();
        NodeFacts facts = NodeFacts.of(out);
        assertThat(facts.nft().preferBundledBin()).isEmpty();
        assertThat(facts.persistence().persisted()).isEqualTo(Observed.CANNOT_TELL);
        assertThat(K3sConfigDropIns.FACT.from(out).complete()).isFalse();
        assertThat(K3sConfigDropIns.FACT.from(out).files()).hasSize(1);
        assertThat(K3sEnv.FACT.from(out).complete()).isFalse();
        assertThat(K3sUnits.FACT.from(out).complete()).isTrue();
    }

    @Test
    void anUnreadableConfigYamlIsNotAbsent(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        Path config = write(root, "etc/rancher/k3s/config.yaml", "prefer-bundled-bin: true\n", "rw-------");

        CollectorOutput out = CollectorOutput.split(run(tmp, root));

        assertThat(out.section("k3s-config").exitCode()).hasValue(1);
        assertThat(out.section("k3s-config").lines()).contains("# unreadable: " + config);
        assertThat(K3sNetfilterArgs.from(out).preferBundledBin()).isEmpty();
    }

    private static Path write(Path root, String path, String text, String mode) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    /** The whole collector with NF_ROOT as k3s's root, as uid 65534 when this runs as root. */
    private static String run(Path tmp, Path root) throws Exception {
        return NobodyShell.run(tmp, root, CollectorScript.load().text(), true, 60);
    }
}
