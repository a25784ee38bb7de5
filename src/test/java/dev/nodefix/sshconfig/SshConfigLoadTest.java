package dev.nodefix.sshconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.inventory.Sourced;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files {@link SshConfig#load} reads: -F replaces both files, a missing default file is no error. */
class SshConfigLoadTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void explicitFileReplacesTheSystemFile() throws IOException {
        Path user = write("f.conf", "Host a\n  User from-f\n");
        Path system = write("etc/ssh_config", "Host *\n  Port 2222\n");
        SshHostConfig a = SshConfig.load(Optional.of(user), true, system, dir, Map.of())
                .forHost("a", Optional.empty(), "me", "box");
        assertThat(a.user().map(Sourced::value)).contains("from-f");
        assertThat(a.port()).isEmpty();
    }

    @Test
    void defaultUserFileThenSystemFile() throws IOException {
        Path user = write("home/.ssh/config", "Host a\n  User from-user\n");
        Path system = write("etc/ssh_config", "Host *\n  User from-system\n  Port 2222\n");
        SshConfig config = SshConfig.load(Optional.of(user), false, system, dir.resolve("home"), Map.of());
        assertThat(config.forHost("a", Optional.empty(), "me", "box").effectiveUser().value()).isEqualTo("from-user");
        assertThat(config.forHost("b", Optional.empty(), "me", "box").effectivePort().value()).isEqualTo(2222);
        assertThat(config.files()).containsExactly(user, system);
    }

    @Test
    void missingDefaultFilesAreEmptyButAMissingDashFIsAnError() {
        SshConfig none = SshConfig.load(Optional.of(dir.resolve("nope")), false, dir.resolve("nope2"), dir, Map.of());
        SshHostConfig a = none.forHost("Web1", Optional.empty(), "me", "box");
        assertThat(a.effectiveHostName()).isEqualTo(Sourced.byDefault("web1", "the host name given"));
        assertThat(a.effectiveIdentityFiles()).first().isEqualTo(Sourced.byDefault(dir + "/.ssh/id_rsa", ""));
        assertThatThrownBy(() -> SshConfig.load(Optional.of(dir.resolve("nope")), true, dir, dir, Map.of()))
                .isInstanceOf(SshConfigException.class).hasMessageContaining("nope")
                .hasMessageContaining("Can't open user config file");
    }

    @Test
    void dashFNoneReadsNothing() throws IOException {
        Path system = write("etc/ssh_config", "Host *\n  Port 2222\n");
        assertThat(SshConfig.load(Optional.empty(), true, system, dir, Map.of())
                .forHost("a", Optional.empty(), "me", "box").port()).isEmpty();
    }

    @Test
    void aSystemFileMayNotIncludeFromHome() throws IOException {
        Path system = write("etc/ssh_config", "Include ~/.ssh/extra\n");
        assertThatThrownBy(() -> SshConfig.load(Optional.empty(), false, system, dir, Map.of()))
                .isInstanceOf(SshConfigException.class)
                .hasMessage(system + ":1:1: bad include path ~/.ssh/extra (~ is for user files only)");
    }

    @Test
    void proxyCommandIsDetectedAndProxyJumpKeepsItsHops() throws IOException {
        Path user = write("c", "Host p\n  ProxyCommand ssh -W %h:%p b\nHost j\n  ProxyJump u@b1:2200,b2\n");
        SshConfig config = SshConfig.load(Optional.of(user), true, dir, dir, Map.of());
        assertThat(config.forHost("p", Optional.empty(), "me", "box").proxyCommand().map(Sourced::value))
                .contains("ssh -W %h:%p b");
        ProxyJump jump = config.forHost("j", Optional.empty(), "me", "box").proxyJump().orElseThrow().value();
        assertThat(jump.hops()).extracting(JumpHop::host).containsExactly("b1", "b2");
        assertThat(jump.hops().get(0).port()).hasValue(2200);
    }

    @Test
    void aWritableConfigIsRefusedWhereSshRefusesIt() throws Exception {
        Path user = write("home/.ssh/config", "Include extra\n");
        Path extra = write("home/.ssh/extra", "User x\n");
        Files.setPosixFilePermissions(user, PosixFilePermissions.fromString("rw-rw-r--"));
        assertThatThrownBy(() -> SshConfig.load(Optional.of(user), false, dir.resolve("none"), dir.resolve("home"),
                Map.of())).isInstanceOf(SshConfigException.class).hasMessageStartingWith(user + ": Bad owner");
        SshConfig.load(Optional.of(user), true, dir.resolve("none"), dir.resolve("home"), Map.of()); // -F: unchecked
        Files.setPosixFilePermissions(extra, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThatThrownBy(() -> SshConfig.load(Optional.of(user), true, dir.resolve("none"), dir.resolve("home"),
                Map.of())).isInstanceOf(SshConfigException.class).hasMessageStartingWith(extra + ": Bad owner");
        ProcessBuilder pb = new ProcessBuilder("ssh", "-G", "-F", user.toString(), "a").redirectErrorStream(true);
        pb.environment().put("HOME", dir.resolve("home").toString());
        Process ssh = pb.start();
        String out = new String(ssh.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        ssh.waitFor();
        assertThat(out).as("ssh on the same files").contains("Bad owner or permissions on " + extra);
    }
}
