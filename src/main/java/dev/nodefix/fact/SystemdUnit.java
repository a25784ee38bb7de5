package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One k3s systemd unit as systemd reads it from the collector's {@code k3s-units} section: the unit file, then its
 * drop-ins ({@code *.conf} of {@code NAME.d/}, the type's {@code service.d/} and, for {@code k3s-agent.service},
 * {@code k3s-.service.d/}, in every directory of systemd's search path) ordered by file name whatever their
 * directory, a name in a higher-priority directory masking the same name in a lower one
 * (https://www.freedesktop.org/software/systemd/man/systemd.unit.html, "drop-in"). In {@code [Service]}, an empty
 * {@code ExecStart=}, {@code Environment=} or {@code EnvironmentFile=} resets the list before it, and a service
 * other than {@code Type=oneshot} with more than one {@code ExecStart=} is refused
 * (https://www.freedesktop.org/software/systemd/man/systemd.service.html#ExecStart=).
 *
 * <p>An older collector printed only the unit file's {@code ExecStart} lines after {@code # file: PATH}; then no
 * drop-in, environment or line number is known ({@code wholeFiles} false).
 *
 * @param name          {@code k3s.service}
 * @param file          the unit file
 * @param dropIns       the drop-ins applied, in systemd's order
 * @param execStart     the one {@code ExecStart=} in force: its physical lines (the first without {@code ExecStart=})
 * @param execStartOpen why it cannot be told (a file that could not be read, several or no {@code ExecStart=})
 * @param environment   the {@code Environment=} assignments in force, in order
 * @param envFiles      the {@code EnvironmentFile=} paths in force, in order
 * @param settingsOpen  why the environment (and the files) cannot be told whole: a file that could not be read
 */
public record SystemdUnit(String name, String file, boolean wholeFiles, List<String> dropIns,
        Optional<List<Line>> execStart, Optional<String> execStartOpen, List<Assignment> environment,
        List<EnvFile> envFiles, Optional<String> settingsOpen) {
    /** A physical line of a setting. */
    public record Line(String text, Place place) {}

    /** {@code NAME=value} from an {@code Environment=} line or an env file. */
    public record Assignment(String name, String value, Place place) {}

    /** An {@code EnvironmentFile=} path ({@code %N}, {@code %n} expanded); {@code optional}: it began with "-". */
    public record EnvFile(String path, boolean optional, Place place) {}

    static final String SECTION = "k3s-units";
    private static final String WHOLE = "# unit file: ";
    private static final String OLD = "# file: ";

    public SystemdUnit {
        dropIns = List.copyOf(dropIns);
        execStart = execStart.map(List::copyOf);
        environment = List.copyOf(environment);
        envFiles = List.copyOf(envFiles);
    }

    /** Every unit in the section, in its order. */
    public static List<SystemdUnit> parse(Section section) {
        List<Block> blocks = blocks(section);
        List<SystemdUnit> units = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (dropIn(blocks.get(i).path())) {
                continue; // a drop-in without its unit file: systemd loads no unit from it
            }
            List<Block> dropIns = new ArrayList<>();
            for (int j = i + 1; j < blocks.size() && dropIn(blocks.get(j).path()); j++) {
                dropIns.add(blocks.get(j));
            }
            units.add(read(blocks.get(i), ordered(dropIns)));
        }
        return units;
    }

    /** The ExecStart as one line, continuations joined and whitespace collapsed, without {@code ExecStart=}. */
    public Optional<String> execStartText() {
        return execStart.map(lines -> String.join(" ", lines.stream()
                .map(l -> l.text().strip().replaceAll("\\\\$", "")).toList()).replaceAll("\\s+", " ").strip());
    }

    private record Block(String path, List<String> lines, boolean unreadable, boolean whole) {}

    private static List<Block> blocks(Section section) {
        List<Block> blocks = new ArrayList<>();
        if (section.status() != Section.Status.RAN) {
            return blocks;
        }
        String path = null;
        boolean whole = false;
        List<String> lines = new ArrayList<>();
        for (String line : section.lines()) {
            boolean header = line.startsWith(WHOLE) || line.startsWith(OLD) || line.startsWith(Section.UNREADABLE);
            if (!header) {
                if (path != null) {
                    lines.add(line);
                }
                continue;
            }
            if (path != null) {
                blocks.add(new Block(path, lines, false, whole));
            }
            lines = new ArrayList<>();
            if (line.startsWith(Section.UNREADABLE)) {
                blocks.add(new Block(line.substring(Section.UNREADABLE.length()).strip(), List.of(), true, true));
                path = null;
            } else {
                whole = line.startsWith(WHOLE);
                path = line.substring(whole ? WHOLE.length() : OLD.length()).strip();
            }
        }
        if (path != null) {
            // the collector ends the section with a newline of its own, which the split already dropped
            blocks.add(new Block(path, lines, false, whole));
        }
        return blocks;
    }

    private static boolean dropIn(String path) {
        int slash = path.lastIndexOf('/');
        return slash > 0 && path.substring(0, slash).endsWith(".d");
    }

    /** The first of each file name (the collector lists the higher-priority directories first), by name. */
    private static List<Block> ordered(List<Block> dropIns) {
        Map<String, Block> byName = new LinkedHashMap<>();
        for (Block b : dropIns) {
            byName.putIfAbsent(b.path().substring(b.path().lastIndexOf('/') + 1), b);
        }
        return byName.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .map(Map.Entry::getValue).toList();
    }

    private static SystemdUnit read(Block unit, List<Block> dropIns) {
        String name = unit.path().substring(unit.path().lastIndexOf('/') + 1);
        Reading r = new Reading(name);
        r.file(unit);
        dropIns.forEach(r::file);
        Optional<String> execOpen = r.execOpen;
        if (execOpen.isEmpty() && r.execs.size() > 1) {
            execOpen = Optional.of("systemd refuses " + name + ": " + r.execs.size() + " ExecStart= lines in force ("
                    + String.join(", ", r.execs.stream().map(e -> e.get(0).place().at()).toList())
                    + "; only a Type=oneshot service may have several)");
        } else if (execOpen.isEmpty() && r.execs.isEmpty()) {
            execOpen = Optional.of("systemd refuses " + name + ": no ExecStart= in force");
        }
        return new SystemdUnit(name, unit.path(), unit.whole(), dropIns.stream().map(Block::path).toList(),
                execOpen.isPresent() ? Optional.empty() : Optional.of(r.execs.get(0)), execOpen, r.env, r.envFiles,
                r.settingsOpen);
    }

    /** The settings read so far, file by file. */
    private static final class Reading {
        private final String unit;
        private final List<List<Line>> execs = new ArrayList<>();
        private Optional<String> execOpen = Optional.empty();
        private final List<Assignment> env = new ArrayList<>();
        private final List<EnvFile> envFiles = new ArrayList<>();
        private Optional<String> settingsOpen = Optional.empty();

        Reading(String unit) {
            this.unit = unit;
        }

        void file(Block b) {
            if (b.unreadable()) {
                String why = b.path() + " could not be read";
                execOpen = Optional.of(why);
                settingsOpen = Optional.of(why);
                return;
            }
            boolean service = !b.whole();
            List<Line> logical = new ArrayList<>();
            for (int i = 0; i < b.lines().size(); i++) {
                String text = b.lines().get(i);
                Place place = new Place(b.path(), b.whole() ? i + 1 : 0, SECTION);
                String stripped = text.strip();
                if (logical.isEmpty()) {
                    if (stripped.startsWith("[")) {
                        service = stripped.equals("[Service]") || !b.whole();
                        continue;
                    }
                    if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
                        continue;
                    }
                } else if (stripped.startsWith("#") || stripped.startsWith(";")) {
                    continue; // a comment inside a continued setting
                }
                logical.add(new Line(text, place));
                if (!stripped.endsWith("\\")) {
                    if (service) {
                        setting(logical);
                    }
                    logical = new ArrayList<>();
                }
            }
            if (!logical.isEmpty() && service) {
                setting(logical);
            }
        }

        private void setting(List<Line> lines) {
            String first = lines.get(0).text().strip();
            int eq = first.indexOf('=');
            if (eq < 0) {
                return;
            }
            String key = first.substring(0, eq).strip();
            String value = first.substring(eq + 1);
            List<Line> rest = new ArrayList<>(List.of(new Line(value, lines.get(0).place())));
            rest.addAll(lines.subList(1, lines.size()));
            boolean empty = value.isBlank() && lines.size() == 1;
            switch (key) {
                case "ExecStart" -> {
                    if (empty) {
                        execs.clear();
                        execOpen = Optional.empty(); // the reset settles what an unread file may have added
                    } else {
                        execs.add(rest);
                    }
                }
                case "Environment" -> {
                    if (empty) {
                        env.clear();
                    } else {
                        for (String word : CommandWords.split(value)) {
                            int at = word.indexOf('=');
                            if (at > 0) {
                                env.add(new Assignment(word.substring(0, at), word.substring(at + 1),
                                        lines.get(0).place()));
                            }
                        }
                    }
                }
                case "EnvironmentFile" -> {
                    if (empty) {
                        envFiles.clear();
                    } else {
                        String path = value.strip();
                        boolean optional = path.startsWith("-");
                        path = expand(optional ? path.substring(1) : path);
                        envFiles.add(new EnvFile(path, optional, lines.get(0).place()));
                    }
                }
                default -> { }
            }
        }

        /** {@code %N} (the unit name without its type) and {@code %n} (the full name); {@code %%} is a "%". */
        private String expand(String path) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < path.length(); i++) {
                char c = path.charAt(i);
                if (c == '%' && i + 1 < path.length()) {
                    char s = path.charAt(++i);
                    out.append(switch (s) {
                        case 'N' -> unit.replaceFirst("\\.service$", "");
                        case 'n' -> unit;
                        case '%' -> "%";
                        default -> "%" + s;
                    });
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }
}
