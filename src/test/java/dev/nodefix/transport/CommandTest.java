package dev.nodefix.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.secret.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quoting proven against the real /bin/sh: every argument comes back verbatim and nothing else runs. */
class CommandTest {
    @TempDir
    Path dir;

    private List<String> tricky() {
        return List.of("plain", "it's", "'", "''", "\"double\"", "$(touch " + dir + "/p1)", "`touch " + dir + "/p2`",
                "; touch " + dir + "/p3", "&& touch " + dir + "/p4", "| tee " + dir + "/p5", ">" + dir + "/p6",
                "line1\nline2", "", " ", "\ttab", "ünïcødé ✓ 日本語", "$HOME", "${PATH}", "*", "~", "a b  c", "\\",
                "\\'", "-n", "--", "#comment", "!", "%s", "{a,b}", "[x]", "a=b", "--opt=val", "x\u0001y");
    }

    private String sh(String line, Path path) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", line).directory(dir.toFile());
        builder.environment().put("PATH", path + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("sh said: " + err).isZero();
        return out;
    }

    private static String bracketed(List<String> args) {
        StringBuilder expected = new StringBuilder();
        args.forEach(a -> expected.append('[').append(a).append("]\n"));
        return expected.toString();
    }

    @Test
    void everyArgumentReachesTheProgramVerbatimThroughTheRealShell() throws Exception {
        List<String> argv = new ArrayList<>(List.of("printf", "[%s]\\n"));
        argv.addAll(tricky());
        String line = Command.of(argv.toArray(String[]::new)).toShellLine();
        assertThat(sh(line, dir)).isEqualTo(bracketed(tricky()));
        try (Stream<Path> created = Files.list(dir)) {
            assertThat(created).as("nothing may run besides printf").isEmpty();
        }
    }

    @Test
    void safeWordsStayReadableAndOthersAreSingleQuoted() {
        assertThat(Command.of("ethtool", "-K", "flannel.1", "tx-checksum-ip-generic", "off").toShellLine())
                .isEqualTo("ethtool -K flannel.1 tx-checksum-ip-generic off");
        assertThat(Command.quote("")).isEqualTo("''");
        assertThat(Command.quote("it's")).isEqualTo("'it'\"'\"'s'");
        assertThat(Command.quote("a b")).isEqualTo("'a b'");
    }

    @Test
    void programNameCannotBeAnAssignment() {
        assertThatThrownBy(() -> Command.of("PATH=/tmp/evil", "ls"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'='");
        assertThatThrownBy(() -> Command.of()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sudoPrefixes() {
        Command restart = Command.of("systemctl", "restart", "k3s");
        assertThat(restart.withBecome(Become.sudo("root", Optional.empty())).toShellLine())
                .isEqualTo("sudo -n -u root -- systemctl restart k3s");
        assertThat(restart.withBecome(Become.sudo("deploy", Optional.of(Secret.of("pw")))).toShellLine())
                .isEqualTo("sudo -S -p '' -u deploy -- systemctl restart k3s");
        assertThat(restart.withBecome(Become.NONE).toShellLine()).isEqualTo("systemctl restart k3s");
    }

    /** Runs {@code line} under /bin/sh with exactly {@code path} as PATH, as a non-root login might have it. */
    private CommandResultLike login(String line, String path) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", line).directory(dir.toFile());
        builder.environment().put("PATH", path);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new CommandResultLike(process.waitFor(), out, err);
    }

    private record CommandResultLike(int exit, String out, String err) {
    }

    @Test
    void remoteLineFindsSbinToolsOnANonRootLoginsPath() throws Exception {
        Command ethtool = Command.of("ethtool", "--version");
        assertThat(login(ethtool.toShellLine(), "/usr/bin:/bin").exit()).as("ethtool lives in sbin").isEqualTo(127);
        CommandResultLike found = login(ethtool.toRemoteLine(), "/usr/bin:/bin");
        assertThat(found.exit()).as(found.err()).isZero();
        assertThat(found.out()).startsWith("ethtool version");
    }

    @Test
    void remoteLinePutsTheSearchPathBeforeTheLoginsOwnAndKeepsIt() throws Exception {
        CommandResultLike path = login(Command.of("printenv", "PATH").toRemoteLine(), "/opt/own/bin:/usr/bin:/bin");
        assertThat(path.out()).isEqualTo(Command.SEARCH_PATH + ":/opt/own/bin:/usr/bin:/bin\n");
        CommandResultLike outer = login(Command.of("printenv", "PATH").toRemoteLine() + "; printenv PATH", "/usr/bin:/bin");
        assertThat(outer.out()).as("only the command gets the PATH").endsWith("\n/usr/bin:/bin\n");
    }

    @Test
    void remoteLineKeepsEveryArgumentVerbatimAndTheSudoPrefix() throws Exception {
        List<String> argv = new ArrayList<>(List.of("printf", "[%s]\\n"));
        argv.addAll(tricky());
        Command c = Command.of(argv.toArray(String[]::new));
        assertThat(login(c.toRemoteLine(), "/usr/bin:/bin").out()).isEqualTo(bracketed(tricky()));
        Command become = c.withBecome(Become.sudo("root", Optional.empty()));
        assertThat(become.toRemoteLine())
                .isEqualTo("PATH=" + Command.SEARCH_PATH + ":\"$PATH\" " + become.toShellLine())
                .startsWith("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:\"$PATH\" sudo -n -u root -- printf ");
    }

    @Test
    void sudoLineGivesSudoTheExactArguments() throws Exception {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path fakeSudo = Files.writeString(bin.resolve("sudo"), "#!/bin/sh\nfor a; do printf '[%s]\\n' \"$a\"; done\n");
        Files.setPosixFilePermissions(fakeSudo, PosixFilePermissions.fromString("rwx------"));
        Command c = Command.of("printf", "%s", "it's $(x)").withBecome(Become.sudo("a b", Optional.of(Secret.of("pw"))));
        assertThat(sh(c.toShellLine(), bin))
                .isEqualTo(bracketed(List.of("-S", "-p", "", "-u", "a b", "--", "printf", "%s", "it's $(x)")));
    }

    @Test
    void becomePasswordOnlyOnStdinNeverInText() {
        Secret password = Secret.of("hunter2'$(x)");
        Command c = Command.of("cat").withStdin("data".getBytes(StandardCharsets.UTF_8))
                .withBecome(Become.sudo("root", Optional.of(password)));
        assertThat(new String(c.wireStdin().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("hunter2'$(x)\ndata");
        assertThat(c.toShellLine()).doesNotContain("hunter2");
        assertThat(c.toString()).doesNotContain("hunter2");
        assertThat(c.become().toString()).doesNotContain("hunter2");
        assertThat(Command.of("true").withBecome(Become.sudo("root", Optional.empty())).wireStdin()).isEmpty();
        assertThat(new String(Command.of("cat").withStdin(new byte[] {'x'}).wireStdin().orElseThrow(),
                StandardCharsets.UTF_8)).isEqualTo("x");
    }

    @Test
    void aScriptOfPlainWordsIsSentAsArgvSavingTheNodeAProcessStart() {
        assertThat(Command.shell("uname -r").argv()).containsExactly("uname", "-r");
        assertThat(Command.shell("  ethtool  -k\tflannel.1 ").argv()).containsExactly("ethtool", "-k", "flannel.1");
        assertThat(Command.shell("systemctl show -p ActiveState k3s.service").toShellLine())
                .isEqualTo("systemctl show -p ActiveState k3s.service");
    }

    @Test
    void anythingAShellWouldInterpretGoesThroughBinSh() {
        for (String script : List.of("uname -r; id", "echo $HOME", "ls *", "cat ~/.profile", "a | b", "x > y",
                "echo 'q'", "echo \"q\"", "FOO=1 env", "echo `id`", "true && false", "echo a\nb", "ls [ab]",
                "echo {a,b}", "echo #c", "")) {
            assertThat(Command.shell(script).argv()).as(script).containsExactly("/bin/sh", "-c", script);
        }
    }
}
