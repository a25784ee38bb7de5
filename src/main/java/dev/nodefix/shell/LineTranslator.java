package dev.nodefix.shell;

import dev.nodefix.inventory.DidYouMean;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.ShellWords;
import dev.nodefix.journal.RunId;
import dev.nodefix.module.Module;
import dev.nodefix.module.ModuleRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns one shell line into an {@link Action}: most lines become a {@code nodefix} command line run through the
 * CLI's own command tree (so the shell changes nothing the CLI could not, and journals every change the same
 * way); {@code cd}, the switches, {@code list} and {@code help} stay in the shell.
 */
public final class LineTranslator {
    private final ShellInventory inventory;
    private final ModuleRegistry modules;
    private final ShellHelp help;

    public LineTranslator(ShellInventory inventory, ModuleRegistry modules) {
        this.inventory = inventory;
        this.modules = modules;
        this.help = new ShellHelp(modules);
    }

    public Action translate(String line, ShellState state) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return Action.Say.info("");
        }
        if (text.startsWith("!")) {
            return adHoc(text.substring(1).strip(), state);
        }
        String[] split = text.split("\\s+", 2);
        String name = split[0];
        String rest = split.length > 1 ? split[1].strip() : "";
        if (name.equals("run")) { // the rest is for /bin/sh, quotes and all
            return adHoc(rest, state);
        }
        List<String> words;
        try {
            words = ShellWords.split(rest);
        } catch (RuntimeException e) {
            return Action.Say.error(name + ": cannot read the line: unbalanced quote");
        }
        return switch (name) {
            case "exit", "quit" -> new Action.Exit();
            case "help" -> help.help(rest);
            case "list" -> list(words, state);
            case "cd" -> cd(rest, state);
            case "check", "diff", "become" -> Switches.toggle(name, words, state);
            case "forks" -> Switches.forks(words, state);
            case "facts" -> facts(words, state);
            case "diagnose" -> new Action.Invoke(concat(List.of("diagnose"), remote(state, state.pattern()), words),
                    new Effect.Reads());
            case "play" -> play(words, state);
            case "runs" -> new Action.Invoke(concat(List.of("runs"), words), new Effect.Reads());
            case "rollback" -> rollback(words, state);
            case "undo" -> undo(words, state);
            default -> module(name, words, state);
        };
    }

    private Action list(List<String> words, ShellState state) {
        if (words.size() > 1) {
            return Action.Say.error("usage: list [groups|PATTERN]");
        }
        try {
            if (words.equals(List.of("groups"))) {
                return Action.Say.info(HostListing.groups(inventory.get()));
            }
            return Action.Say.info(HostListing.hosts(inventory.select(words.isEmpty() ? state.pattern() : words.get(0))));
        } catch (RuntimeException e) {
            return Action.Say.error("list: " + e.getMessage());
        }
    }

    private Action cd(String pattern, ShellState state) {
        String target = pattern.isEmpty() ? "all" : pattern;
        if (target.contains(" ")) {
            return Action.Say.error("cd: a pattern has no spaces (join terms with ':'); target stays " + state.pattern());
        }
        try {
            List<Host> hosts = inventory.select(target);
            return new Action.Update(state.withPattern(target), target + ": " + Prompt.count(hosts.size()) + " ("
                    + names(hosts) + ")");
        } catch (RuntimeException e) {
            return Action.Say.error("cd: " + e.getMessage() + "; target stays " + state.pattern());
        }
    }

    private static String names(List<Host> hosts) {
        List<String> names = hosts.stream().map(Host::name).toList();
        return names.size() <= 8 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 8)) + ", ... " + (names.size() - 8) + " more";
    }

    private Action facts(List<String> words, ShellState state) {
        boolean refresh = words.contains("--refresh");
        List<String> rest = words.stream().filter(w -> !w.equals("--refresh")).toList();
        List<String> names = rest.stream().filter(w -> !w.startsWith("-")).toList();
        if (names.size() > 1) {
            return Action.Say.error("usage: facts [NAME] [--refresh]");
        }
        String target = names.isEmpty() ? state.pattern() : names.get(0);
        List<String> options = rest.stream().filter(w -> w.startsWith("-")).toList();
        String key = target + (state.become() ? " become" : "") + (options.isEmpty() ? "" : " " + String.join(" ", options));
        return new Action.Invoke(concat(List.of("facts"), remote(state, target), options), new Effect.Facts(key, refresh));
    }

    /** {@code run CMD} and {@code !CMD}: like Ansible's ad-hoc commands, not run at all in check mode. */
    private Action adHoc(String command, ShellState state) {
        if (command.isEmpty()) {
            return Action.Say.error("usage: run CMD (or !CMD)");
        }
        if (state.check()) {
            return Action.Say.info("skipped: check is on, and a shell command cannot be checked, only run (check off"
                    + " to run it)");
        }
        return new Action.Invoke(concat(List.of("run", "-a", command), remote(state, state.pattern())),
                new Effect.Changes(false));
    }

    private Action play(List<String> words, ShellState state) {
        if (words.isEmpty() || words.get(0).startsWith("-")) {
            return Action.Say.error("usage: play FILE [-e NAME=VALUE] [--tags T] [--yes]");
        }
        return new Action.Invoke(concat(List.of("play", words.get(0)), remote(state, state.pattern()), changing(state),
                words.subList(1, words.size())), new Effect.Changes(true));
    }

    /**
     * Every host the run changed, whatever the target: a rollback is of a whole run unless -l says otherwise. One of
     * this shell's runs rolled back this way is no longer offered by {@code undo}.
     */
    private Action rollback(List<String> words, ShellState state) {
        boolean named = !words.isEmpty() && !words.get(0).startsWith("-") || words.stream().anyMatch(RunId::looksLike);
        List<String> which = named || words.contains("--last") ? List.of() : List.of("--last");
        Optional<String> mine = words.stream().filter(state.runs()::contains).findFirst(); // then undo skips it
        return new Action.Invoke(concat(List.of("rollback"), which, remote(state, null), changing(state), words),
                mine.<Effect>map(Effect.Undoes::new).orElse(new Effect.Changes(false)));
    }

    private Action undo(List<String> words, ShellState state) {
        if (state.runs().isEmpty()) {
            return Action.Say.error("undo: this shell has changed nothing yet (`rollback RUN` undoes any run; `runs`"
                    + " lists them)");
        }
        if (words.stream().anyMatch(w -> !w.startsWith("-"))) {
            return Action.Say.error("usage: undo [--yes] (it takes no run: `rollback RUN` does)");
        }
        String id = state.runs().get(state.runs().size() - 1);
        return new Action.Invoke(concat(List.of("rollback", id), remote(state, null), changing(state), words),
                new Effect.Undoes(id), "undo: rolling back run " + id + ", the last this shell made");
    }

    private Action module(String name, List<String> words, ShellState state) {
        Optional<Module<?>> module = modules.all().stream().filter(m -> m.name().equals(name)).findFirst();
        if (module.isEmpty()) {
            List<String> known = Stream.concat(ShellCommands.names().stream(), modules.all().stream().map(Module::name))
                    .toList();
            return Action.Say.error(name + ": no such command or module" + DidYouMean.hint(name, known)
                    + "; `help` lists them");
        }
        ModuleLine line = ModuleLine.of(module.get(), words);
        List<String> args = line.args().isEmpty() ? List.of() : List.of("-a", line.argsText());
        return new Action.Invoke(concat(List.of("run", "-m", name), args, remote(state, state.pattern()), changing(state),
                line.options()), new Effect.Changes(true));
    }

    /** What every command that reaches hosts takes: inventory, target (null: none), become, forks, the shell's options. */
    private static List<String> remote(ShellState state, String target) {
        List<String> out = new ArrayList<>(List.of("-i", state.inventory().toString()));
        if (target != null) {
            out.addAll(List.of("-l", target));
        }
        if (state.become()) {
            out.add("--become");
        }
        out.addAll(List.of("--forks", Integer.toString(state.forks())));
        out.addAll(state.options());
        return out;
    }

    private static List<String> changing(ShellState state) {
        List<String> out = new ArrayList<>();
        if (state.check()) {
            out.add("--check");
        }
        if (state.diff()) {
            out.add("--diff");
        }
        return out;
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // the lists are only read
    private static List<String> concat(List<String>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }
}
