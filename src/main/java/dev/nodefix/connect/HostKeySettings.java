package dev.nodefix.connect;

import dev.nodefix.inventory.Sourced;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a host's key is checked: the known_hosts files (user and global) and the strictness, decided like the rest of
 * the merge (nodefix's options, then ssh_args, then Ansible's host_key_checking, then the common/extra args, then
 * the ssh config). Strictness has two values only: {@code yes} or {@code accept-new}; a changed key is always refused.
 */
record HostKeySettings(CommandLineOverrides cli, AnsibleDefaults cfg, Path home) {

    List<Sourced<Path>> userFiles(SshCommandLine line, SshHostView view) {
        if (cli.knownHosts().isPresent()) {
            return List.of(Sourced.from(cli.knownHosts().get(), "--known-hosts"));
        }
        Optional<Sourced<String>> given = line.before("userknownhostsfile").or(() -> line.after("userknownhostsfile"));
        if (given.isPresent()) {
            return List.of(new Sourced<>(expand(given.get().value()), given.get().origin()));
        }
        if (!view.userKnownHostsFiles().isEmpty()) {
            return view.userKnownHostsFiles();
        }
        return List.of(Sourced.byDefault(home.resolve(".ssh/known_hosts"), ""));
    }

    List<Sourced<Path>> globalFiles(SshCommandLine line, SshHostView view) {
        Optional<Sourced<String>> given = line.before("globalknownhostsfile")
                .or(() -> line.after("globalknownhostsfile"));
        if (given.isPresent()) {
            return List.of(new Sourced<>(expand(given.get().value()), given.get().origin()));
        }
        if (!view.globalKnownHostsFiles().isEmpty()) {
            return view.globalKnownHostsFiles();
        }
        return List.of(Sourced.byDefault(Path.of("/etc/ssh/ssh_known_hosts"), ""),
                Sourced.byDefault(Path.of("/etc/ssh/ssh_known_hosts2"), ""));
    }

    /** @param hostKeyChecking Ansible's host_key_checking for this host (its variables, else ansible.cfg) */
    Sourced<String> strictness(SshCommandLine line, Optional<Sourced<Boolean>> hostKeyChecking, SshHostView view) {
        if (cli.acceptNewHostKeys()) {
            return Sourced.from("accept-new", "--accept-new-host-keys");
        }
        Optional<Sourced<String>> first = line.before("stricthostkeychecking");
        Optional<Sourced<Boolean>> off = hostKeyChecking.filter(c -> !c.value());
        if (first.isEmpty() && off.isPresent()) {
            return new Sourced<>("accept-new", off.get().origin());
        }
        return first.or(() -> line.after("stricthostkeychecking"))
                .or(view::strictHostKeyChecking)
                .map(s -> new Sourced<>(policy(s.value()), s.origin()))
                .orElse(Sourced.byDefault("yes", "strict"));
    }

    /** OpenSSH's words to nodefix's two policies: {@code no}/{@code off} never mean "accept a changed key". */
    private static String policy(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "accept-new", "no", "off", "false" -> "accept-new";
            default -> "yes";
        };
    }

    Path expand(String path) {
        if (path.equals("~")) {
            return home;
        }
        return path.startsWith("~/") ? home.resolve(path.substring(2)) : Path.of(path);
    }
}
