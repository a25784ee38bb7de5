package dev.nodefix.shell;

import dev.nodefix.inventory.Host;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The prompt: who logs in, the target and how many hosts it selects, and the switches that change what a command
 * does: {@code root@nfxs002 (1 host) [check become]# } ({@code #} with become, as a root shell's, else {@code $}).
 */
final class Prompt {
    private Prompt() {}

    static String render(ShellState state, ShellInventory inventory, Map<String, String> env) {
        Optional<List<Host>> hosts = inventory.tryGet().flatMap(inv -> {
            try {
                return Optional.of(inv.select(state.pattern()));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
        String count = hosts.map(h -> count(h.size())).orElse("? hosts");
        StringBuilder flags = new StringBuilder();
        if (state.check()) {
            flags.append(" check");
        }
        if (state.diff()) {
            flags.append(" diff");
        }
        if (state.become()) {
            flags.append(" become");
        }
        return safeUser(state, hosts.orElse(List.of()), env) + "@" + state.pattern() + " (" + count + ")"
                + (flags.length() == 0 ? "" : " [" + flags.substring(1) + "]") + (state.become() ? "# " : "$ ");
    }

    /** The user, or {@code ?} when a host's connection cannot be decided now (a vaulted user without the password). */
    private static String safeUser(ShellState state, List<Host> hosts, Map<String, String> env) {
        try {
            return user(state, hosts, env);
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /**
     * {@code --user}, else the user each host logs in as (inventory, ansible.cfg, ssh config, as the commands merge
     * it) when the target's hosts agree on one, else this machine's.
     */
    static String user(ShellState state, List<Host> hosts, Map<String, String> env) {
        int u = Math.max(state.options().indexOf("--user"), state.options().indexOf("-u"));
        if (u >= 0 && u + 1 < state.options().size()) {
            return state.options().get(u + 1);
        }
        List<String> users = hosts.stream().map(h -> h.connection().user().orElse(env.getOrDefault("USER", "?")))
                .distinct().toList();
        return users.size() == 1 ? users.get(0) : users.isEmpty() ? env.getOrDefault("USER", "?") : "*";
    }

    static String count(int n) {
        return n + (n == 1 ? " host" : " hosts");
    }
}
