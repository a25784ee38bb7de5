package dev.nodefix.ansiblecfg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.inventory.Sourced;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What case files cannot hold: bytes that are not UTF-8 (Ansible reads such a file, keeping the bytes, as
 * {@code ansible-config dump} shows; nodefix too, refusing only a setting it reads that holds one) and a
 * directory in the file's place.
 */
class ConfigFileTextTest {
    @TempDir
    Path dir;

    private Path write(String before, int badByte, String after) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(before.getBytes(StandardCharsets.UTF_8));
        bytes.write(badByte);
        bytes.write(after.getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(dir.resolve("cwd"));
        return Files.write(dir.resolve("cwd/ansible.cfg"), bytes.toByteArray());
    }

    private AnsibleConfig load() {
        return AnsibleConfig.load(Map.of(), dir.resolve("cwd"), dir.resolve("home"), dir.resolve("etc/ansible.cfg"));
    }

    @Test
    void readsAFileWithLatin1InAComment() throws Exception {
        write("# Konfiguration f", 0xfc, "r k3s\n[defaults]\nremote_user = ubuntu\n");
        assertThat(load().remoteUser().map(Sourced::value)).contains("ubuntu");
    }

    @Test
    void refusesASettingHoldingBytesThatAreNotUtf8() throws Exception {
        Path file = write("[defaults]\nremote_user = j", 0xf6, "rg\n");
        assertThatThrownBy(this::load).isInstanceOf(AnsibleConfigException.class)
                .hasMessage(file + ":2:1: remote_user: 'j\uFFFDrg' holds bytes that are not UTF-8 text");
    }

    @Test
    void refusesADirectory() throws Exception {
        Path file = Files.createDirectory(dir.resolve("ansible.cfg"));
        assertThatThrownBy(() -> ConfigFileText.read(file)).isInstanceOf(AnsibleConfigException.class)
                .hasMessageStartingWith(file + ": cannot read");
    }
}
