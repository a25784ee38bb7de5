package dev.nodefix.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.modules.BuiltinModules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The candidates Tab offers, for each kind of word. */
class ShellCompleterTest {
    private static final List<String> RUNS = List.of("20260102T000000Z-00b2", "20260101T000000Z-00a1");

    @TempDir Path cwd;
    private ShellCompleter completer;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(cwd.resolve("playbooks"));
        Files.writeString(cwd.resolve("playbooks/fix.yaml"), "- hosts: all\n");
        Files.writeString(cwd.resolve("playbooks/notes.txt"), "not a playbook\n");
        Files.writeString(cwd.resolve("site.yml"), "- hosts: all\n");
        completer = new ShellCompleter(new ShellInventory(LineCasesTest.INV), BuiltinModules.registry(), () -> RUNS,
                new PlaybookFiles(cwd));
    }

    @Test
    void commandAndModuleNamesFirst() {
        assertThat(completer.values("")).contains("cd", "list", "facts", "undo", "exit", "quit", "ethtool", "file");
        assertThat(completer.values("et")).containsExactly("ethtool");
        assertThat(completer.values("r")).containsExactlyInAnyOrder("run", "runs", "rollback");
    }

    @Test
    void hostAndGroupNamesAfterCdListAndFacts() {
        assertThat(completer.values("cd a")).containsExactlyInAnyOrder("all", "agent", "agt1", "agt2");
        assertThat(completer.values("cd srv1:ag")).containsExactlyInAnyOrder("srv1:agent", "srv1:agt1", "srv1:agt2");
        assertThat(completer.values("cd all:!s")).containsExactlyInAnyOrder("all:!server", "all:!srv1");
        assertThat(completer.values("list g")).containsExactly("groups");
        assertThat(completer.values("facts s")).containsExactlyInAnyOrder("server", "srv1");
        assertThat(completer.values("facts --r")).containsExactly("--refresh");
    }

    @Test
    void aModulesArgumentKeysAndTheirValues() {
        assertThat(completer.values("ethtool i")).containsExactly("iface=");
        assertThat(completer.values("ethtool iface=flannel.1 ")).containsExactly("iface=", "features.");
        assertThat(completer.values("ethtool iface=flannel.1 features.tx-checksum-ip-generic="))
                .containsExactly("features.tx-checksum-ip-generic=on", "features.tx-checksum-ip-generic=off");
        assertThat(completer.values("file state=a")).containsExactly("state=absent");
        assertThat(completer.values("file --d")).containsExactly("--diff");
    }

    @Test
    void keysDoNotEndTheWordButValuesDo() {
        List<org.jline.reader.Candidate> keys = completer.candidates(List.of("ethtool", "i"), 1, "i");
        List<org.jline.reader.Candidate> values = completer.candidates(List.of("check", "o"), 1, "o");

        assertThat(keys).singleElement().satisfies(c -> assertThat(c.complete()).isFalse());
        assertThat(values).extracting(org.jline.reader.Candidate::value).containsExactly("on", "off");
        assertThat(values).allSatisfy(c -> assertThat(c.complete()).isTrue());
    }

    @Test
    void playbookFilesAfterPlay() {
        assertThat(completer.values("play ")).containsExactly("playbooks/", "site.yml");
        assertThat(completer.values("play playbooks/")).containsExactly("playbooks/fix.yaml");
    }

    @Test
    void runIdsAfterRollbackAndRunsShow() {
        assertThat(completer.values("rollback 2026")).containsExactlyElementsOf(RUNS);
        assertThat(completer.values("rollback --y")).containsExactly("--yes");
        assertThat(completer.values("runs ")).containsExactly("show");
        assertThat(completer.values("runs show 20260101")).containsExactly("20260101T000000Z-00a1");
    }

    @Test
    void helpTopicsAndSwitchValues() {
        assertThat(completer.values("help eth")).containsExactly("ethtool");
        assertThat(completer.values("help un")).containsExactly("undo");
        assertThat(completer.values("become ")).containsExactly("on", "off");
        assertThat(completer.values("forks ")).isEmpty();
    }
}
