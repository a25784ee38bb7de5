package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.lab.Lab;
import dev.nodefix.lab.NodeSnapshot;
import dev.nodefix.report.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operators' real setups against the lab's real sshd, with no {@code -i} and no nodefix options: (a) the k3s-ansible
 * layout (inventory named in ansible.cfg, hosts named by IP, a non-root login user and become from ansible.cfg, a
 * vaulted token nodefix never needs, known_hosts from ~/.ssh/config) through the whole fix playbook and rollback;
 * (b) hosts known only by ~/.ssh/config aliases, reached through a bastion named by ProxyJump.
 */
class OperatorSetupIT {
    private static final String NET = "10.99.52";
    @RegisterExtension
    static final ClassLab LAB = new ClassLab("nfxe", "nfxebr0", NET, "target/it-lab-nfxe");
    private final Lab lab = LAB.lab();

    @TempDir Path state;
    @TempDir Path project;
    @TempDir Path home;
    private LabChanges nodes;

    @BeforeAll
    static void prepare() {
        LAB.lab().names().forEach(n -> LAB.lab().exec(n, "sh", "-c", LabUsers.NOPASSWD_SUDOER));
    }

    @BeforeEach
    void clean() {
        nodes = LAB.freshNodes(state);
    }

    @Test
    void theK3sAnsibleLayoutRunsTheFixAndRollsBackWithNothingButItsOwnFiles() throws IOException {
        k3sAnsibleProject();
        Map<String, NodeSnapshot> before = nodes.snapshots();

        CliRunner.Result explain = nodefix("inventory", "--host", NET + ".12", "--explain");
        assertThat(explain.exitCode()).as(explain.toString()).isZero();
        assertThat(explain.out())
                .containsPattern("user +labuser +" + project.resolve("ansible.cfg") + ":4:1")
                .containsPattern("become +yes +" + project.resolve("ansible.cfg") + ":8:1")
                .containsPattern("known hosts +" + lab.knownHosts() + " +" + home.resolve(".ssh/config") + ":3:5");

        CliRunner.Result fix = nodefix("play", lab.repo().resolve("playbooks/fix-vxlan-checksum.yaml").toString(), "--yes");
        assertThat(fix.exitCode()).as(fix.toString()).isZero();
        assertThat(fix.out()).contains("GATE  healthy").doesNotContain("STOPPED");
        lab.names().forEach(n -> assertThat(nodes.offload(n)).as(n).isEqualTo("off"));
        for (String node : lab.names()) {
            assertThat(Files.readString(lab.dir().resolve("nodes/" + node + "/sshd.log")))
                    .as("logged in as the non-root user from ansible.cfg").contains("Accepted publickey for labuser");
        }

        CliRunner.Result rollback = nodefix("rollback", "--last", "--yes");
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(nodes.snapshots()).isEqualTo(before);
    }

    @Test
    void sshConfigAliasesAreReachedThroughTheirBastion() throws IOException {
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), String.join("\n",
                "Host bastion",
                "    HostName " + NET + ".11",
                "Host node-b node-c",
                "    ProxyJump bastion",
                "Host node-b",
                "    HostName " + NET + ".12",
                "Host node-c",
                "    HostName " + NET + ".13",
                "Host *",
                "    User root",
                "    IdentityFile " + lab.clientKey(),
                "    IdentitiesOnly yes",
                "    UserKnownHostsFile " + lab.knownHosts(),
                "    GlobalKnownHostsFile /dev/null",
                ""));
        Path inventory = Files.writeString(project.resolve("hosts.ini"), "[agent]\nnode-b\nnode-c\n");

        CliRunner.Result r = nodefix("run", "-i", inventory.toString(), "-a", "hostname");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("node-b | ok | rc=0 >>\n" + lab.names().get(1) + "\n")
                .contains("node-c | ok | rc=0 >>\n" + lab.names().get(2) + "\n");
        for (String node : lab.names().subList(1, 3)) {
            assertThat(Files.readString(lab.dir().resolve("nodes/" + node + "/sshd.log")))
                    .as("the login came through the bastion").contains("Accepted publickey for root from " + NET + ".11");
        }
    }

    @Test
    void aVaultedBecomePasswordInHostVarsIsDecryptedAndFedToSudo() throws Exception {
        String node = lab.names().get(2);
        lab.exec(node, "sh", "-c", LabUsers.PASSWORD_SUDOER);
        Path vaultPassword = Files.writeString(project.resolve("vault-pass"), "vault words\n");
        Files.createDirectories(project.resolve("host_vars"));
        Files.writeString(project.resolve("host_vars/" + node + ".yml"),
                encryptString(vaultPassword, LabUsers.PASSWORD, "ansible_become_password"));
        Path inventory = Files.writeString(project.resolve("hosts.yml"), String.join("\n",
                "all:",
                "  hosts:",
                "    " + node + ":",
                "      ansible_host: " + NET + ".13",
                "      ansible_user: labpw",
                "      ansible_ssh_private_key_file: " + lab.clientKey(),
                "      ansible_ssh_common_args: -o UserKnownHostsFile=" + lab.knownHosts(),
                ""));

        CliRunner.Result r = nodefix("run", "-i", inventory.toString(), "-b", "-a", "id -un",
                "--vault-password-file", vaultPassword.toString());
        CliRunner.Result noPassword = nodefix("run", "-i", inventory.toString(), "-b", "-a", "id -un");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains(node + " | ok | rc=0 >>\nroot\n").doesNotContain(LabUsers.PASSWORD);
        assertThat(noPassword.exitCode()).as(noPassword.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(noPassword.err()).contains("host_vars/" + node + ".yml").contains("vault");
    }

    /** {@code ansible-vault encrypt_string}: the YAML line the real tool prints for {@code name: !vault |...}. */
    private static String encryptString(Path passwordFile, String value, String name) throws Exception {
        Process p = new ProcessBuilder("ansible-vault", "encrypt_string", "--vault-password-file",
                passwordFile.toString(), value, "--name", name).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("ansible-vault encrypt_string").isZero();
        return out;
    }

    /** k3s-ansible's layout: ansible.cfg names the inventory and the login; the inventory names hosts by IP. */
    private void k3sAnsibleProject() throws IOException {
        Files.writeString(project.resolve("ansible.cfg"), String.join("\n",
                "[defaults]",
                "nocows = True",
                "inventory = inventory/hosts.yml",
                "remote_user = labuser",
                "private_key_file = " + lab.clientKey(),
                "",
                "[privilege_escalation]",
                "become = True",
                ""));
        Files.createDirectories(project.resolve("inventory"));
        Files.writeString(project.resolve("inventory/hosts.yml"), String.join("\n",
                "---",
                "k3s_cluster:",
                "  children:",
                "    server:",
                "      hosts:",
                "        " + NET + ".11:",
                "    agent:",
                "      hosts:",
                "        " + NET + ".12:",
                "        " + NET + ".13:",
                "  vars:",
                "    ansible_port: 22",
                "    k3s_version: v1.28.12+k3s1",
                "    # vaulted as the sample suggests; nodefix never needs it, so no vault password is asked",
                "    token: !vault |",
                "      $ANSIBLE_VAULT;1.1;AES256",
                "      37383132373932393962663866366363343936303539343266363337383538383666316363373935",
                "      3631363033303735333934353161323664373038303837300a643261356138326663346532366537",
                "      34376466633639333261633037323139343833343633653263656637646363333866323536336563",
                "      6536323561333932630a373031316163323539366465616262323139663535313431383763353932",
                "    api_endpoint: \"{{ hostvars[groups['server'][0]]['ansible_host'] | default(groups['server'][0]) }}\"",
                ""));
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), String.join("\n",
                "Host " + NET + ".*",
                "    IdentitiesOnly yes",
                "    UserKnownHostsFile " + lab.knownHosts(),
                "    GlobalKnownHostsFile /dev/null",
                ""));
    }

    private CliRunner.Result nodefix(String... args) {
        return new CliRunner().clock(Clock.systemUTC()).env("XDG_STATE_HOME", state.toString()).home(home)
                .workingDir(project).run(args);
    }
}
