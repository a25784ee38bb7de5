package dev.nodefix.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.fact.K3sEffectiveConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query's real script over a temporary root (NF_ROOT): the effective config and the exact files it names. */
class K3sSourcesQueryTest {
    private final K3sSourcesQuery query = K3sSourcesQuery.shipped();

    @Test
    void readsTheNamedFilesExactlyAndNothingAHeaderLookalikeNames(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        write(root, "etc/systemd/system/k3s.service", "[Service]\nExecStart=/usr/local/bin/k3s server\n");
        String dropIn = "[Service]\nEnvironment=K3S_TOKEN=secret\nExecStart=\nExecStart=/usr/local/bin/k3s server \\\n"
                + "    --flannel-backend=vxlan\n";
        write(root, "etc/systemd/system/k3s.service.d/override.conf", dropIn);
        Path secret = write(root, "etc/shadow-lookalike", "not k3s\n");
        write(root, "etc/rancher/k3s/config.yaml.d/50-net.yaml", "# file: " + secret + "\nflannel-iface: eth1\n");
        Path target = write(root, "etc/rancher/k3s/real.yaml", "flannel-backend: host-gw\n");
        Files.createSymbolicLink(root.resolve("etc/rancher/k3s/config.yaml.d/60-link.yaml"), target);

        K3sSources read = query.parse(run(root).replace(root.toString(), ""), 0);

        K3sEffectiveConfig.Setting backend = read.config().setting("flannel-backend");
        assertThat(backend.describe()).isEqualTo("vxlan (/etc/systemd/system/k3s.service.d/override.conf:5)");
        assertThat(read.file("/etc/systemd/system/k3s.service.d/override.conf")).hasValueSatisfying(f ->
                assertThat(((FileState.Present) f).text()).isEqualTo(dropIn)); // exact: the token is not masked
        assertThat(read.file("/etc/rancher/k3s/config.yaml.d/50-net.yaml")).isPresent();
        assertThat(read.files()).doesNotContainKey("/etc/shadow-lookalike");
        assertThat(read.unreadable()).containsKey("/etc/rancher/k3s/config.yaml.d/60-link.yaml");
        assertThat(query.covers(new Query.File("/etc/rancher/k3s/config.yaml.d/50-net.yaml"))).isTrue();
        assertThat(query.covers(new Query.File("/etc/shadow"))).isFalse();
    }

    private static Path write(Path root, String path, String text) throws Exception {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        return p;
    }

    private String run(Path root) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", query.text(), "nodefix-k3s-sources").redirectErrorStream(true);
        pb.environment().put("NF_ROOT", root.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
