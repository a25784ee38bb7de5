package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.nodefix.app.Nodefix;
import dev.nodefix.report.ExitCode;
import dev.nodefix.transport.TransportFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code nodefix play}'s ansible-playbook habits: {@code -e} in its three forms, {@code --private-key}, and
 * {@code --syntax-check}, {@code --list-hosts}, {@code --list-tasks} (none of which reaches a host), the listings
 * compared with the real {@code ansible-playbook} on this machine.
 */
class PlayCommandTest {
    private static final String DIR = "src/test/resources/cli/play-listing/";
    private static final String BOOK = DIR + "playbook.yaml";
    private static final String INVENTORY = DIR + "inventory.yaml";

    @TempDir Path tmp;

    private static PlayCommand parse(String... args) {
        CommandLine.ParseResult parsed = Nodefix.cli(new CliRunner().context()).commandLine().parseArgs(args);
        return (PlayCommand) parsed.subcommand().commandSpec().userObject();
    }

    /** A runner whose transports fail the test: nothing here may reach a host. */
    private static CliRunner offline() {
        return new CliRunner().transports(settings -> (TransportFactory) host -> fail("contacted " + host));
    }

    @Test
    void extraVarsKeepEachFormInOrderAndPrivateKeyIsKey() {
        PlayCommand play = parse("play", BOOK, "-e", "@vars.yml", "-e", "{\"a\": 1}", "--extra-vars", "b=2 c=3",
                "--private-key", "/keys/id_ops");

        assertThat(play.flags.extraVars).containsExactly("@vars.yml", "{\"a\": 1}", "b=2 c=3");
        assertThat(play.common.connection.key).isEqualTo(Path.of("/keys/id_ops"));
        assertThat(parse("play", BOOK, "--key", "/k").common.connection.key).isEqualTo(Path.of("/k"));
    }

    @Test
    void syntaxCheckPrintsThePlaybookAndReachesNoHost() {
        CliRunner.Result r = offline().run("play", BOOK, "--syntax-check", "-i", "/nonexistent/inventory.yaml");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("\nplaybook: " + BOOK + "\n");
    }

    @Test
    void syntaxCheckOfABadPlaybookNamesEachProblemAndExitsOne() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "- hosts: all\n  tasks:\n    - nam: x\n      command: {cmd: 'true'}\n");

        CliRunner.Result r = offline().run("play", bad.toString(), "--syntax-check");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("nodefix: error: " + bad + ":3:");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aVaultedExtraVarIsDecryptedBeforeThePlayAndAWrongPasswordStopsIt() {
        String vaulted = "@src/test/resources/vault/fixtures/multiline.yml";
        String fixtures = "src/test/resources/vault/fixtures/";

        CliRunner.Result right = offline().run("play", BOOK, "-i", INVENTORY, "-e", vaulted, "--list-tasks",
                "--vault-password-file", fixtures + "password");
        CliRunner.Result wrong = offline().run("play", BOOK, "-i", INVENTORY, "-e", vaulted, "--list-tasks",
                "--vault-password-file", fixtures + "wrong-password");

        assertThat(right.exitCode()).as(right.toString()).isZero();
        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(wrong.err()).contains("multiline.yml:1:").contains("Decryption failed");
    }

    @Test
    void aBadVarsFileIsNamedWithLineAndColumnAndNothingIsContacted() throws IOException {
        Path vars = Files.writeString(tmp.resolve("vars.yml"), "probe_target: [10.43.0.10\nretries: 3\n");

        CliRunner.Result r = offline().run("play", BOOK, "-i", INVENTORY, "-e", "@" + vars);

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("nodefix: error: " + vars + ":2:8: YAML error: expected ',' or ']', but got :\n");
    }

    @Test
    void extraVarsFromEveryFormDefineNamesForTheExpressions() throws IOException {
        Path book = Files.writeString(tmp.resolve("uses.yaml"), """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: "{{ from_file }} {{ from_json }} {{ from_words }}"
                      command: {cmd: "true"}
                """);
        Path vars = Files.writeString(tmp.resolve("vars.json"), "{\"from_file\": [1, 2]}");

        CliRunner.Result undefined = offline().run("play", book.toString(), "--syntax-check");
        CliRunner.Result defined = offline().run("play", book.toString(), "--syntax-check", "-e", "@" + vars,
                "-e", "{from_json: x}", "-e", "from_words=y");

        assertThat(undefined.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(undefined.err()).contains("from_file");
        assertThat(defined.exitCode()).as(defined.toString()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--list-hosts", "--list-tasks", "--list-hosts --list-tasks", "--list-tasks --tags fix",
            "--list-tasks --skip-tags persist", "--list-hosts -l 10.99.0.12"})
    void listingsAreAnsiblePlaybooks(String options) throws Exception {
        List<String> args = new ArrayList<>(List.of("play", BOOK, "-i", INVENTORY));
        args.addAll(List.of(options.split(" ")));

        CliRunner.Result ours = offline().run(args.toArray(String[]::new));

        assertThat(ours.exitCode()).as(ours.toString()).isZero();
        assertThat(hostsSorted(ours.out())).isEqualTo(hostsSorted(ansiblePlaybook(args.subList(1, args.size()))));
    }

    @Test
    void listHostsInInventoryOrder() {
        CliRunner.Result r = offline().run("play", BOOK, "-i", INVENTORY, "--list-hosts");

        assertThat(r.out()).isEqualTo("""

                playbook: %s

                  play #1 (server): Servers first\tTAGS: []
                    pattern: ['server']
                    hosts (1):
                      10.99.0.11

                  play #2 (agent:!10.99.0.13): agent:!10.99.0.13\tTAGS: []
                    pattern: ['agent:!10.99.0.13']
                    hosts (1):
                      10.99.0.12
                """.formatted(BOOK));
    }

    /** The listing with each play's host lines sorted: ansible-playbook prints them in a set's order. */
    private static String hostsSorted(String listing) {
        List<String> out = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        boolean inHosts = false;
        for (String line : listing.split("\n", -1)) {
            if (inHosts && line.startsWith("      ")) {
                hosts.add(line);
                continue;
            }
            Collections.sort(hosts);
            out.addAll(hosts);
            hosts.clear();
            inHosts = line.startsWith("    hosts (");
            out.add(line);
        }
        return String.join("\n", out);
    }

    private String ansiblePlaybook(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ansible-playbook"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(tmp.resolve("stderr").toFile());
        Map<String, String> env = pb.environment();
        env.put("ANSIBLE_HOME", tmp.resolve("ansible").toString());
        env.put("ANSIBLE_LOCAL_TEMP", tmp.resolve("ansible/tmp").toString());
        env.put("ANSIBLE_NOCOLOR", "1");
        env.remove("ANSIBLE_CONFIG");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return fail("ansible-playbook not found on PATH: install ansible-core (apt-get install ansible-core)");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("ansible-playbook " + args + " failed:\n" + Files.readString(tmp.resolve("stderr")));
        }
        return out;
    }
}
