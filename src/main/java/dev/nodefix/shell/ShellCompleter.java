package dev.nodefix.shell;

import dev.nodefix.inventory.Inventory;
import dev.nodefix.module.Module;
import dev.nodefix.module.ModuleRegistry;
import dev.nodefix.module.Param;
import dev.nodefix.module.ParamType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;

/**
 * Tab completion: command and module names first; then host and group names (cd, list, facts: the last term of a
 * pattern), a module's argument keys and their on/off or choice values, playbook files (play), run ids (rollback,
 * runs show), topics (help) and on/off (the switches).
 */
public final class ShellCompleter implements Completer {
    private static final List<String> SWITCHES = List.of("check", "diff", "become");

    private final ShellInventory inventory;
    private final ModuleRegistry modules;
    private final Supplier<List<String>> runIds;
    private final PlaybookFiles files;

    /** @param runIds the journal's run ids, newest first */
    public ShellCompleter(ShellInventory inventory, ModuleRegistry modules, Supplier<List<String>> runIds,
                          PlaybookFiles files) {
        this.inventory = inventory;
        this.modules = modules;
        this.runIds = runIds;
        this.files = files;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        candidates.addAll(candidates(line.words(), line.wordIndex(), line.word().substring(0, line.wordCursor())));
    }

    /** The values offered for the end of {@code line} (the cursor at its end), for tests and scripts. */
    public List<String> values(String line) {
        ParsedLine parsed = new DefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE);
        return candidates(parsed.words(), parsed.wordIndex(), parsed.word().substring(0, parsed.wordCursor())).stream()
                .map(Candidate::value).toList();
    }

    List<Candidate> candidates(List<String> words, int index, String prefix) {
        if (index == 0) {
            return matching(prefix, Stream.concat(ShellCommands.names().stream(), moduleNames().stream()).toList(), true);
        }
        String command = words.get(0);
        return switch (command) {
            case "cd" -> index == 1 ? patterns(prefix) : List.of();
            case "list" -> index == 1 ? plus(patterns(prefix), matching(prefix, List.of("groups"), true)) : List.of();
            case "facts" -> plus(patterns(prefix), matching(prefix, List.of("--refresh"), true));
            case "help" -> index == 1 ? matching(prefix, Stream.concat(ShellCommands.names().stream(),
                    moduleNames().stream()).toList(), true) : List.of();
            case "play" -> index == 1 ? files.candidates(prefix) : matching(prefix, List.of("--yes", "-e", "--tags"), true);
            case "rollback" -> matching(prefix, Stream.concat(runIds.get().stream(),
                    Stream.of("--yes", "--force", "--last")).toList(), true);
            case "runs" -> index == 1 ? matching(prefix, List.of("show"), true)
                    : index == 2 && words.get(1).equals("show") ? matching(prefix, runIds.get(), true) : List.of();
            case "undo" -> matching(prefix, List.of("--yes"), true);
            default -> SWITCHES.contains(command) ? index == 1 ? matching(prefix, List.of("on", "off"), true) : List.of()
                    : module(command).map(m -> arguments(m, prefix)).orElse(List.of());
        };
    }

    private List<String> moduleNames() {
        return modules.all().stream().map(Module::name).toList();
    }

    private Optional<Module<?>> module(String name) {
        return modules.all().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** {@code key=} (or {@code key.} for an on/off mapping) before the '='; the argument's values after it. */
    private static List<Candidate> arguments(Module<?> module, String prefix) {
        if (prefix.startsWith("-")) {
            return matching(prefix, List.of("--check", "--diff", "--yes"), true);
        }
        int eq = prefix.indexOf('=');
        if (eq < 0) {
            List<String> keys = module.params().stream()
                    .map(p -> p.name() + (p.type() == ParamType.SWITCH_MAP ? "." : "=")).toList();
            return matching(prefix, keys, false);
        }
        String key = prefix.substring(0, eq);
        String name = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        Optional<Param> param = module.params().stream().filter(p -> p.name().equals(name)).findFirst();
        List<String> values = param.map(p -> switch (p.type()) {
            case SWITCH, SWITCH_MAP -> List.of("on", "off");
            case CHOICE -> p.choices();
            default -> List.<String>of();
        }).orElse(List.of("on", "off")); // a bare ethtool feature name
        return matching(prefix, values.stream().map(v -> key + "=" + v).toList(), true);
    }

    /** Host and group names for the last term of a pattern ({@code a:b}, {@code a:&b}, {@code a:!b}). */
    private List<Candidate> patterns(String prefix) {
        int cut = Math.max(prefix.lastIndexOf(':'), prefix.lastIndexOf(',')) + 1;
        while (cut < prefix.length() && (prefix.charAt(cut) == '&' || prefix.charAt(cut) == '!')) {
            cut++;
        }
        String head = prefix.substring(0, cut);
        List<String> names = inventory.tryGet().map(ShellCompleter::names).orElse(List.of());
        return matching(prefix, names.stream().map(n -> head + n).toList(), true);
    }

    private static List<String> names(Inventory inventory) {
        return Stream.concat(inventory.groups().keySet().stream(), inventory.hosts().keySet().stream()).distinct()
                .toList();
    }

    private static List<Candidate> plus(List<Candidate> a, List<Candidate> b) {
        List<Candidate> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** @param complete whether choosing it ends the word (a space follows) */
    static List<Candidate> matching(String prefix, List<String> values, boolean complete) {
        return values.stream().filter(v -> v.startsWith(prefix))
                .map(v -> new Candidate(v, v, null, null, null, null, complete)).toList();
    }
}
