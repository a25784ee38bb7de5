package dev.nodefix.shell;

import java.util.List;
import java.util.Optional;

/** The shell's own commands, as help shows them and completion offers them (modules come from the registry). */
public final class ShellCommands {
    /** One command: its name, how it is written, and what it does (the first line is the summary). */
    public record Entry(String name, String synopsis, List<String> description) {
        public Entry {
            description = List.copyOf(description);
        }

        public String summary() {
            return description.get(0);
        }
    }

    public static final List<Entry> ALL = List.of(
            new Entry("list", "list [groups|PATTERN]", List.of("The hosts of the target (or PATTERN): address[:port] and user as"
                    + " the commands connect (inventory, ansible.cfg, ssh config), role, groups;"
                    + " `list groups`: every group with its hosts.")),
            new Entry("cd", "cd [PATTERN]", List.of("Set the target: names, groups, globs, ~regex, a:b, a:&b, a:!b"
                    + " (as -l/--limit); no PATTERN: all.", "A pattern that selects no host is refused and the"
                    + " target stays as it was.")),
            new Entry("facts", "facts [NAME] [--refresh]", List.of("Facts of the target (or NAME) as a table; kept for"
                    + " the session until --refresh or a change.")),
            new Entry("diagnose", "diagnose [--probe] [--target IP:PORT] [--json]", List.of("Verdict per node and"
                    + " for the cluster, with evidence and the fix (nodefix diagnose).")),
            new Entry("run", "run CMD", List.of("Run a shell command on the target (nodefix run -a); not run while"
                    + " check is on.")),
            new Entry("!", "!CMD", List.of("The same as run CMD.")),
            new Entry("play", "play FILE [-e NAME=VALUE] [--tags T] [--yes]", List.of("Run a playbook on the target,"
                    + " planned, shown and confirmed (nodefix play).")),
            new Entry("runs", "runs [show RUN]", List.of("The runs that changed nodes, from the journal (this shell's"
                    + " too); one run's changes.")),
            new Entry("rollback", "rollback [RUN] [--yes] [--force]", List.of("Undo a run on every host it changed"
                    + " (no RUN: the last one not rolled back yet); asks first unless --yes.")),
            new Entry("undo", "undo [--yes]", List.of("Roll back the last run this shell made (then the one before);"
                    + " asks first unless --yes.")),
            new Entry("check", "check on|off", List.of("Check mode: changes are planned and shown, never applied.")),
            new Entry("diff", "diff on|off", List.of("Show each planned change's diff.")),
            new Entry("become", "become on|off", List.of("Run commands with sudo (as -b/--become).")),
            new Entry("forks", "forks N", List.of("Hosts worked on in parallel.")),
            new Entry("help", "help [COMMAND|MODULE]", List.of("This list; one command; a module's arguments.")),
            new Entry("exit", "exit", List.of("Leave the shell (also quit, or Ctrl-D).")));

    /** Words that end the session. */
    public static final List<String> EXIT = List.of("exit", "quit");

    private ShellCommands() {}

    public static Optional<Entry> find(String name) {
        return ALL.stream().filter(e -> e.name().equals(name) || name.equals("quit") && e.name().equals("exit")).findFirst();
    }

    /** Every command name a line may start with ({@code !} excepted: it needs no space). */
    public static List<String> names() {
        return java.util.stream.Stream.concat(ALL.stream().map(Entry::name).filter(n -> !n.equals("!")), EXIT.stream()
                .filter(n -> !n.equals("exit"))).toList();
    }
}
