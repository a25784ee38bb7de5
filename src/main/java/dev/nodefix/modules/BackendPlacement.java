package dev.nodefix.modules;

import dev.nodefix.change.Change;
import dev.nodefix.change.DaemonReload;
import dev.nodefix.change.FileChange;
import dev.nodefix.fact.K3sEffectiveConfig;
import dev.nodefix.fact.Place;
import dev.nodefix.query.FileState;
import dev.nodefix.query.K3sSources;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where {@code k3s_flannel_backend} writes the backend: the place whose value k3s runs with ({@link K3sEffectiveConfig}:
 * a unit drop-in's or the unit's {@code ExecStart}, an env file's variable the command line expands, the config file
 * of {@code K3S_CONFIG_FILE}/{@code --config}, a config.yaml.d file or config.yaml), and every place it overrides that
 * says otherwise, so none contradicts it afterwards. Never only a file a later one overrides. When nothing sets it,
 * the key goes into the config file k3s reads (config.yaml, created 0600 root:root), unless the wanted backend is
 * k3s's default. Refused, naming the file:line: a value that cannot be told, a place in a file nodefix does not edit
 * (outside /etc/systemd/system for units), a {@code flannel-backend+:} append, a file that cannot be parsed or
 * spliced.
 *
 * @param changes    config file edits, then env file edits, then unit file edits (within each, the file in force
 *                   first), then a daemon-reload when a unit file changed
 * @param configured the value in force before (k3s's default when nothing sets it)
 * @param where      where it comes from, for the plan's text
 */
record BackendPlacement(List<Change> changes, String configured, String where) {
    static final String KEY = K3sEffectiveConfig.BACKEND;
    static final String DEFAULT = "vxlan";
    static final String UNIT_DIR = "/etc/systemd/system/";

    BackendPlacement {
        changes = List.copyOf(changes);
    }

    /** {@code exact} gives the file's exact state when the sources did not read it (the module's own file reads). */
    static BackendPlacement of(String want, K3sSources sources, Function<String, Optional<FileState>> exact) {
        K3sEffectiveConfig config = sources.config();
        K3sEffectiveConfig.Setting s = config.setting(KEY);
        Function<String, FileState> before = path -> sources.file(path).or(() -> exact.apply(path))
                .orElseThrow(() -> new K3sEditException("cannot read " + path + " exactly"
                        + Optional.ofNullable(sources.unreadable().get(path)).map(w -> " (" + w + ")").orElse("")
                        + "; edit it by hand"));
        return switch (s.state()) {
            case CANNOT_TELL -> throw new K3sEditException("cannot tell where k3s takes " + KEY + " from: " + s.why());
            case DEFAULT -> absent(want, config, before);
            case SET -> set(want, s, before);
        };
    }

    /** Nothing sets it: add it to the config file k3s reads, unless k3s's default is wanted. */
    private static BackendPlacement absent(String want, K3sEffectiveConfig config, Function<String, FileState> before) {
        String where = "no place sets " + KEY + " (k3s's default " + DEFAULT + ")";
        if (want.equals(DEFAULT)) {
            return new BackendPlacement(List.of(), DEFAULT, where);
        }
        String path = config.configFile().orElseThrow(() -> new K3sEditException("cannot tell which config file k3s"
                + " reads; set " + KEY + " by hand"));
        FileState was;
        try {
            was = before.apply(path);
        } catch (K3sEditException e) {
            was = FileState.absent();
        }
        if (was instanceof FileState.Absent && !path.equals(K3sFlannelBackend.CONFIG_FILE)) {
            throw new K3sEditException("k3s reads its config from " + path + config.configFrom().map(p -> " (set at "
                    + p.at() + ")").orElse("") + ", which nodefix could not read; set " + KEY + " there by hand");
        }
        String text = text(path, was);
        return new BackendPlacement(List.of(new FileChange(path, was,
                edited(was, K3sConfigFile.parse(path, text).withBackend(want)))), DEFAULT, where);
    }

    private static BackendPlacement set(String want, K3sEffectiveConfig.Setting s, Function<String, FileState> before) {
        Place winner = s.from().orElseThrow();
        String value = s.value().orElseThrow();
        // every place that sets it, the one in force first; one edit per file
        Map<String, List<K3sEffectiveConfig.Found>> byFile = new LinkedHashMap<>();
        byFile.computeIfAbsent(winner.file(), f -> new ArrayList<>()).add(new K3sEffectiveConfig.Found(value, winner));
        s.others().forEach(o -> byFile.computeIfAbsent(o.place().file(), f -> new ArrayList<>()).add(o));
        List<Change> yaml = new ArrayList<>();
        List<Change> env = new ArrayList<>();
        List<Change> units = new ArrayList<>();
        for (Map.Entry<String, List<K3sEffectiveConfig.Found>> e : byFile.entrySet()) {
            String path = e.getKey();
            List<K3sEffectiveConfig.Found> found = e.getValue();
            String section = found.get(0).place().section();
            String why = path.equals(winner.file()) ? "k3s takes " + KEY + " " + value + " from " + winner.at()
                    : winner.at() + " overrides " + found.get(0).place().at();
            try {
                FileState was = before.apply(path);
                String text = text(path, was);
                Optional<String> after = switch (section) {
                    case "k3s-units" -> unit(path, text, found, want);
                    case "k3s-env" -> lines(path, text, found, want);
                    default -> yaml(path, text, found, want);
                };
                if (after.isPresent() && !after.get().equals(text)) {
                    (section.equals("k3s-units") ? units : section.equals("k3s-env") ? env : yaml)
                            .add(new FileChange(path, was, edited(was, after.get())));
                }
            } catch (K3sEditException x) {
                throw new K3sEditException(why + ", but " + x.getMessage());
            }
        }
        List<Change> changes = new ArrayList<>(yaml);
        changes.addAll(env);
        changes.addAll(units);
        if (!units.isEmpty()) {
            changes.add(new DaemonReload());
        }
        StringBuilder where = new StringBuilder(KEY + " " + value + " at " + winner.at());
        s.others().forEach(o -> where.append(", over ").append(o.value()).append(" at ").append(o.place().at()));
        return new BackendPlacement(changes, value, where.toString());
    }

    /** A unit file or drop-in: its last ExecStart's flags, or an Environment= line the command line expands. */
    private static Optional<String> unit(String path, String text, List<K3sEffectiveConfig.Found> found, String want) {
        if (!path.startsWith(UNIT_DIR)) {
            throw new K3sEditException(path + " is not in " + UNIT_DIR + " (nodefix edits k3s's units only there);"
                    + " override it there by hand");
        }
        K3sUnitFile unit = K3sUnitFile.parse(path, text);
        if (unit.backend().isPresent() && found.stream().anyMatch(f -> unit.backend().get().equals(f.value()))) {
            return unit.allSay(want) ? Optional.empty() : Optional.of(unit.withBackend(want));
        }
        return lines(path, text, found, want);
    }

    private static Optional<String> lines(String path, String text, List<K3sEffectiveConfig.Found> found, String want) {
        String out = text;
        for (K3sEffectiveConfig.Found f : found) {
            if (f.place().line() <= 0) {
                throw new K3sEditException("the line of " + path + " that sets it is not known; edit it by hand");
            }
            if (!f.value().equals(want)) {
                out = BackendLineSplice.withBackend(path, out, f.place().line(), f.value(), want);
            }
        }
        return Optional.of(out);
    }

    private static Optional<String> yaml(String path, String text, List<K3sEffectiveConfig.Found> found, String want) {
        List<String> lines = text.lines().toList();
        for (K3sEffectiveConfig.Found f : found) {
            int i = f.place().line() - 1;
            if (i >= 0 && i < lines.size() && lines.get(i).matches(KEY + "[ \t]*\\+[ \t]*:.*")) {
                throw new K3sEditException(f.place().at() + " appends to it (" + KEY + "+:), so k3s is given the flag"
                        + " more than once; edit it by hand");
            }
        }
        K3sConfigFile file = K3sConfigFile.parse(path, text);
        if (file.backend().isEmpty() || found.stream().noneMatch(f -> f.value().equals(file.backend().get()))) {
            throw new K3sEditException(path + " does not say " + KEY + " " + found.get(found.size() - 1).value()
                    + " on a plain line nodefix can rewrite; edit it by hand");
        }
        return file.backend().get().equals(want) ? Optional.empty() : Optional.of(file.withBackend(want));
    }

    /** The file with new content, its mode and owner kept; a new config.yaml is 0600 root:root (it usually holds the token). */
    static FileState edited(FileState before, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return before instanceof FileState.Present p
                ? new FileState.Present(bytes, p.mode(), p.owner(), p.group())
                : new FileState.Present(bytes, "600", "root", "root");
    }

    /** The file as text; only UTF-8 text is edited, so every byte not spliced is written back as it was. */
    static String text(String path, FileState state) {
        if (!(state instanceof FileState.Present p)) {
            return "";
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(p.content())).toString();
        } catch (CharacterCodingException e) {
            throw new K3sEditException(path + " is not UTF-8 text; edit it by hand");
        }
    }
}
