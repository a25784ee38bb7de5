package dev.nodefix.executor;

import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.playbook.Play;
import dev.nodefix.playbook.PlayTask;
import dev.nodefix.playbook.Playbook;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What {@code ansible-playbook} prints for {@code --syntax-check}, {@code --list-hosts} and {@code --list-tasks},
 * line for line: {@code playbook: FILE}, then per play its number, pattern and name, the hosts it selects (in
 * inventory order, where Ansible's order is a set's) and the tasks the tag filters keep, each with its sorted
 * tags. Handlers are not listed. Nothing here reaches a host.
 */
public final class PlaybookListing {
    private PlaybookListing() {
    }

    /** {@code --syntax-check}: the playbook was read without a problem. */
    public static String syntaxChecked(Playbook book) {
        return "\nplaybook: " + book.file() + "\n";
    }

    /** The inventory and the hosts {@code --limit} keeps of it, for {@code --list-hosts}. */
    public record Selection(Inventory inventory, List<Host> selected) {
        public Selection {
            selected = List.copyOf(selected);
        }
    }

    /**
     * {@code --list-hosts} (when {@code hosts} is given) and/or {@code --list-tasks}.
     */
    public static String of(Playbook book, Optional<Selection> hosts, PlayOptions options, boolean tasks) {
        StringBuilder out = new StringBuilder(syntaxChecked(book));
        for (int i = 0; i < book.plays().size(); i++) {
            Play play = book.plays().get(i);
            out.append("\n  play #").append(i + 1).append(" (").append(play.hosts()).append("): ")
                    .append(play.name()).append("\tTAGS: []\n");
            if (hosts.isPresent()) {
                List<Host> matched = PlayContext.playHosts(hosts.get().inventory(), hosts.get().selected(), play);
                out.append("    pattern: ['").append(play.hosts()).append("']\n    hosts (").append(matched.size())
                        .append("):\n");
                matched.forEach(h -> out.append("      ").append(h.name()).append('\n'));
            }
            if (tasks) {
                out.append("    tasks:\n");
                play.tasks().stream().filter(options::selects).forEach(t -> out.append(task(t)));
            }
        }
        return out.toString();
    }

    private static String task(PlayTask task) {
        return "      " + task.title() + "\tTAGS: [" + String.join(", ", new TreeSet<>(task.tags())) + "]\n";
    }
}
