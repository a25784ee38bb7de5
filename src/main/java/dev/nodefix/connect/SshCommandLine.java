package dev.nodefix.connect;

import dev.nodefix.inventory.Sourced;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ssh arguments Ansible would put on ssh's command line for a host, in its order: {@code ssh_args} before its own
 * {@code -o} options (so they beat everything), {@code ssh_common_args} and {@code ssh_extra_args} after them (so
 * they beat only the ssh config). Arguments nodefix cannot honour are refused here, with where they were written.
 */
record SshCommandLine(List<SshArgsFrom> before, List<SshArgsFrom> after) {

    static SshCommandLine of(HostVars vars, AnsibleDefaults cfg) {
        SshArgsFrom lead = SshArgsFrom.of(vars.text("ansible_ssh_args").or(cfg::sshArgs));
        SshArgsFrom common = SshArgsFrom.of(vars.text("ansible_ssh_common_args").or(cfg::sshCommonArgs));
        SshArgsFrom extra = SshArgsFrom.of(vars.text("ansible_ssh_extra_args").or(cfg::sshExtraArgs));
        SshCommandLine line = new SshCommandLine(List.of(lead), List.of(common, extra));
        line.all().forEach(SshCommandLine::refuseWhatCannotBeHonoured);
        return line;
    }

    private static void refuseWhatCannotBeHonoured(SshArgsFrom layer) {
        layer.args().option("proxycommand").filter(c -> !c.equalsIgnoreCase("none")).ifPresent(c -> {
            throw new SetupException(layer.origin(), "ProxyCommand is not supported by nodefix; write the jump host"
                    + " as -o ProxyJump=[user@]host[:port] (or nodefix_jump in the inventory)");
        });
        List<String> refused = layer.args().refused();
        if (!refused.isEmpty()) {
            throw new SetupException(layer.origin(), "ssh argument(s) " + String.join(", ", refused) + " cannot be"
                    + " honoured by nodefix (it talks SSH itself, it does not run ssh); remove them, or use an"
                    + " ssh config (Host blocks) for what nodefix reads there");
        }
    }

    private List<SshArgsFrom> all() {
        List<SshArgsFrom> all = new ArrayList<>(before);
        all.addAll(after);
        return all;
    }

    Optional<Sourced<String>> before(String keyword) {
        return first(before, keyword);
    }

    Optional<Sourced<String>> after(String keyword) {
        return first(after, keyword);
    }

    /** The layer after Ansible's options that sets ProxyJump, if any (for {@link JumpResolution}). */
    SshArgsFrom afterWithJump() {
        return after.stream().filter(l -> l.args().proxyJump().isPresent()).findFirst().orElse(SshArgsFrom.NONE);
    }

    /** Identity files given with {@code -i}/{@code -o IdentityFile} before or after Ansible's own. */
    List<Sourced<String>> identityFiles(boolean inFront) {
        List<Sourced<String>> files = new ArrayList<>();
        (inFront ? before : after).forEach(l -> l.args().identityFiles()
                .forEach(f -> files.add(new Sourced<>(f, l.origin()))));
        return files;
    }

    /** The {@code -F} file ssh would read: the last one given. */
    Optional<Sourced<String>> configFile() {
        Optional<Sourced<String>> last = Optional.empty();
        for (SshArgsFrom layer : all()) {
            for (String file : layer.args().configFiles()) {
                last = Optional.of(new Sourced<>(file, layer.origin()));
            }
        }
        return last;
    }

    private static Optional<Sourced<String>> first(List<SshArgsFrom> layers, String keyword) {
        for (SshArgsFrom layer : layers) {
            Optional<Sourced<String>> value = layer.sourced(layer.args().option(keyword));
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
