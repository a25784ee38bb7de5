package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flannel settings k3s runs with, read the way k3s reads them, each with the line it comes from:
 * <ol>
 * <li>the k3s unit as systemd applies it ({@link SystemdUnit}: drop-ins by name, {@code ExecStart=} reset), its
 *     environment ({@code Environment=}, then the {@code EnvironmentFile=} files, which win), and its command line
 *     with {@code $VAR}/{@code ${VAR}} expanded;</li>
 * <li>the config file: {@code K3S_CONFIG_FILE} from that environment, else the first {@code --config}/{@code -c}
 *     on the command line, else {@code /etc/rancher/k3s/config.yaml}; then its {@code .d/*.yaml} by name
 *     ({@link K3sConfigSources}); a later file's key replaces an earlier one's, a {@code key+:} appends (for these
 *     single-valued flags the flag is then repeated, and the last one wins);</li>
 * <li>the command line over the config files: k3s inserts the files' values before the command line's flags, and
 *     for these flags the last one wins.</li>
 * </ol>
 * Sources: https://docs.k3s.io/installation/configuration ("Configuration File", "Multiple Config Files"), k3s
 * pkg/configfilearg/parser.go ({@code findConfigFileFlag}: the environment variable before {@code --config}).
 * A place that could not be read leaves a key open unless a place k3s reads after it sets the key.
 *
 * @param unit       the unit file whose {@code ExecStart} runs k3s (server's first), if one was found
 * @param configFile the config file k3s reads, when it can be told
 * @param configFrom where that path was set ({@code K3S_CONFIG_FILE=...} or {@code --config}), when not the default
 * @param files      the config files read, in k3s's order
 * @param settings   flag name ({@code flannel-backend}, ...) to its effective setting
 * @param notes      what an operator should know about how these were read
 */
public record K3sEffectiveConfig(Optional<String> unit, Optional<String> configFile, Optional<Place> configFrom,
        List<String> files, Map<String, Setting> settings, List<String> notes) {

    /** SET: a place sets it; DEFAULT: every place was read and none does; CANNOT_TELL: a place was not read. */
    public enum State { SET, DEFAULT, CANNOT_TELL }

    /**
     * @param value      the effective value ({@code true}/{@code false} for a switch); empty when not set and k3s has
     *                   no value of its own, or when it cannot be told
     * @param from       the line that sets it
     * @param others     other places that set it, in k3s's order: for SET those that lose to {@code from}, for
     *                   CANNOT_TELL those that may be in force
     * @param why        for DEFAULT what k3s does, for CANNOT_TELL what was not read
     */
    public record Setting(State state, Optional<String> value, Optional<Place> from, List<Found> others,
                          String why) {
        public Setting {
            others = List.copyOf(others);
        }

        /** {@code host-gw (/etc/rancher/k3s/config.yaml.d/50-net.yaml:2)}, {@code vxlan (k3s's default)}, {@code ?}. */
        public String describe() {
            return switch (state) {
                case SET -> value.orElse("") + from.map(p -> " (" + p.at() + ")").orElse("");
                case DEFAULT -> value.map(v -> v + " (k3s's default)").orElse("not set");
                case CANNOT_TELL -> "? (" + why + ")";
            };
        }
    }

    /** A value one place sets. */
    public record Found(String value, Place place) {}

    /** How a flag takes values: one string (the last one given wins), a switch, or a list (repeated flag). */
    enum Kind { STRING, SWITCH, LIST }

    /** The flannel flags these facts read. */
    static final Map<String, Kind> FLANNEL = flannel();
    public static final String BACKEND = "flannel-backend";
    private static final String ENV = "K3S_CONFIG_FILE";

    public K3sEffectiveConfig {
        files = List.copyOf(files);
        settings = Map.copyOf(settings);
        notes = List.copyOf(notes);
    }

    private static Map<String, Kind> flannel() {
        Map<String, Kind> keys = new LinkedHashMap<>();
        keys.put(BACKEND, Kind.STRING);
        keys.put("flannel-iface", Kind.STRING);
        keys.put("flannel-external-ip", Kind.SWITCH);
        keys.put("flannel-ipv6-masq", Kind.SWITCH);
        keys.put("flannel-conf", Kind.STRING);
        return keys;
    }

    public Setting setting(String key) {
        return settings.get(key);
    }

    /** The flannel settings. */
    public static K3sEffectiveConfig from(CollectorOutput out) {
        return read(out, FLANNEL);
    }

    /** The settings of {@code keys} (a list's value is its items joined with ","). */
    static K3sEffectiveConfig read(CollectorOutput out, Map<String, Kind> keys) {
        List<String> notes = new ArrayList<>();
        Section unitSection = out.section(SystemdUnit.SECTION);
        List<SystemdUnit> units = SystemdUnit.parse(unitSection);
        Optional<SystemdUnit> unit = pick(units);
        K3sUnits.Role role = unit.flatMap(SystemdUnit::execStartText).map(K3sEffectiveConfig::role)
                .orElse(K3sUnits.Role.UNKNOWN);

        // the unit's environment and command line
        Map<String, SystemdUnit.Assignment> env = new LinkedHashMap<>();
        Optional<String> envOpen = Optional.empty();
        Optional<String> cliOpen = Optional.empty();
        Map<String, Found> cli = new LinkedHashMap<>();
        Optional<Found> configFlag = Optional.empty();
        if (unit.isEmpty()) {
            String why = unitSection.status() == Section.Status.MISSING ? "the k3s units were not collected"
                    : !unitSection.readWhole() ? "a k3s unit could not be read" : "no k3s systemd unit was found";
            envOpen = Optional.of(why);
            cliOpen = Optional.of(why);
        } else {
            envOpen = environment(out, unit.get(), env, notes);
            if (unit.get().execStart().isEmpty()) {
                cliOpen = unit.get().execStartOpen();
            } else {
                Optional<List<CommandWords.Word>> words = CommandWords.words(unit.get().execStart().get(), env,
                        envOpen.isEmpty());
                if (words.isEmpty()) {
                    cliOpen = Optional.of("its ExecStart uses a variable that may be set where "
                            + envOpen.orElse("") + "");
                } else {
                    configFlag = configFlag(words.get());
                    flags(words.get(), cli, keys);
                }
            }
        }

        // the config file and its drop-ins
        Optional<String> configPath = Optional.empty();
        Optional<Place> configFrom = Optional.empty();
        Optional<String> configOpen = Optional.empty();
        SystemdUnit.Assignment var = env.get(ENV);
        if (var != null && !var.value().isEmpty()) {
            configPath = Optional.of(var.value());
            configFrom = Optional.of(var.place());
        } else if (envOpen.isPresent() && unit.isPresent()) {
            configOpen = Optional.of(ENV + " may be set where " + envOpen.get());
        } else if (configFlag.isPresent()) {
            configPath = Optional.of(configFlag.get().value());
            configFrom = Optional.of(configFlag.get().place());
        } else {
            configPath = Optional.of(K3sConfigSources.DEFAULT);
        }
        List<String> files = new ArrayList<>();
        Map<String, Found> config = new LinkedHashMap<>();
        Map<String, List<Found>> lost = new LinkedHashMap<>();
        Map<String, String> keyOpen = new LinkedHashMap<>();
        if (configPath.isPresent()) {
            K3sConfigSources sources = K3sConfigSources.of(out, configPath.get());
            configOpen = sources.open();
            for (K3sConfigSources.ConfigFile f : sources.files()) {
                files.add(f.path());
                merge(f, config, lost, keyOpen, keys);
            }
            if (!configPath.get().equals(K3sConfigSources.DEFAULT)) {
                notes.add("k3s reads its config from " + configPath.get() + configFrom.map(p -> " (set at " + p.at()
                        + ")").orElse("") + ", not " + K3sConfigSources.DEFAULT);
            }
        }
        if (unit.isPresent() && !unit.get().wholeFiles()) {
            notes.add("this collector output has only the units' ExecStart lines: no unit drop-in, Environment= or"
                    + " line number was read (an older collector)");
        }

        Map<String, Setting> settings = new LinkedHashMap<>();
        for (String key : keys.keySet()) {
            settings.put(key, combine(key, role, cli.get(key), cliOpen, config.get(key),
                    lost.getOrDefault(key, List.of()), configOpen, Optional.ofNullable(keyOpen.get(key))));
        }
        Setting backend = settings.getOrDefault(BACKEND, new Setting(State.CANNOT_TELL, Optional.empty(),
                Optional.empty(), List.of(), "not asked"));
        if (backend.state() != State.CANNOT_TELL && backend.value().filter("none"::equals).isPresent()) {
            notes.add("flannel-backend none: k3s runs no flannel; a flannel.1 here belongs to a flannel deployed apart"
                    + " from k3s (a DaemonSet, canal), whose own configuration decides its backend, or is one k3s's own"
                    + " flannel left when k3s was switched to none (k3s removes none)");
        }
        if (role == K3sUnits.Role.AGENT && backend.state() == State.SET) {
            notes.add("flannel-backend is set for an agent: it is a server flag, the servers decide the backend");
        }
        return new K3sEffectiveConfig(unit.map(SystemdUnit::file), configPath, configFrom, files, settings, notes);
    }

    /** The unit that runs k3s: the first whose command line says server, else agent, else the first. */
    private static Optional<SystemdUnit> pick(List<SystemdUnit> units) {
        for (K3sUnits.Role want : List.of(K3sUnits.Role.SERVER, K3sUnits.Role.AGENT)) {
            Optional<SystemdUnit> u = units.stream()
                    .filter(x -> x.execStartText().map(K3sEffectiveConfig::role).orElse(null) == want).findFirst();
            if (u.isPresent()) {
                return u;
            }
        }
        return units.stream().findFirst();
    }

    private static K3sUnits.Role role(String commandLine) {
        List<String> words = List.of(commandLine.split(" "));
        return words.contains("server") ? K3sUnits.Role.SERVER : words.contains("agent") ? K3sUnits.Role.AGENT
                : K3sUnits.Role.UNKNOWN;
    }

    /**
     * Fills {@code env} with the unit's environment: {@code Environment=} in order, then each
     * {@code EnvironmentFile=} (whose settings win). Returns why it cannot be told whole, if so.
     */
    private static Optional<String> environment(CollectorOutput out, SystemdUnit unit,
                                                Map<String, SystemdUnit.Assignment> env, List<String> notes) {
        Section section = out.section("k3s-env");
        List<K3sEnvFile> read = K3sEnvFile.parse(section);
        Optional<String> open = unit.settingsOpen();
        unit.environment().forEach(a -> env.put(a.name(), a));
        if (!unit.wholeFiles()) {
            // an older collector: the installer's env file, the only one it read
            for (K3sEnvFile f : read) {
                if (f.path().endsWith("/" + unit.name() + ".env")) {
                    f.vars().forEach(a -> env.put(a.name(), a));
                    if (f.unreadable()) {
                        open = open.or(() -> Optional.of(f.path() + " could not be read"));
                    }
                }
            }
            return section.status() == Section.Status.MISSING ? open.or(() -> Optional.of("the env files were not"
                    + " collected")) : open;
        }
        for (SystemdUnit.EnvFile ef : unit.envFiles()) {
            Optional<K3sEnvFile> f = read.stream().filter(r -> r.path().equals(ef.path())
                    || r.path().endsWith(ef.path()) && ef.path().startsWith("/")).findFirst();
            if (f.isEmpty()) {
                open = open.or(() -> Optional.of(ef.path() + " (EnvironmentFile= at " + ef.place().at()
                        + ") was not collected"));
            } else if (f.get().unreadable()) {
                open = open.or(() -> Optional.of(ef.path() + " could not be read"));
            } else if (f.get().absent()) {
                if (!ef.optional()) {
                    notes.add("systemd does not start " + unit.name() + ": its EnvironmentFile " + ef.path()
                            + " (" + ef.place().at() + ") is not there");
                }
            } else {
                f.get().vars().forEach(a -> env.put(a.name(), a));
            }
        }
        return open;
    }

    /** The first {@code --config}/{@code -c} of the command line, as k3s looks for it. */
    private static Optional<Found> configFlag(List<CommandWords.Word> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).text();
            if ((w.equals("--config") || w.equals("-c")) && i + 1 < words.size()) {
                return Optional.of(new Found(words.get(i + 1).text(), words.get(i).place()));
            }
            if (w.startsWith("--config=") || w.startsWith("-c=")) {
                return Optional.of(new Found(w.substring(w.indexOf('=') + 1), words.get(i).place()));
            }
        }
        return Optional.empty();
    }

    /** The flags after {@code server}/{@code agent}, the last of each winning. */
    private static void flags(List<CommandWords.Word> words, Map<String, Found> cli, Map<String, Kind> keys) {
        int start = 0;
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).text().equals("server") || words.get(i).text().equals("agent")) {
                start = i + 1;
                break;
            }
        }
        for (int i = start; i < words.size(); i++) {
            String w = words.get(i).text();
            if (!w.startsWith("-")) {
                continue;
            }
            String name = w.replaceFirst("^--?", "");
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            Kind kind = keys.get(name);
            if (kind == null) {
                continue;
            }
            if (value == null) {
                if (kind == Kind.SWITCH) {
                    value = "true";
                } else if (i + 1 < words.size()) {
                    value = words.get(++i).text();
                } else {
                    continue;
                }
            }
            Found before = cli.get(name);
            // a list flag given on the command line replaces the config files' list (k3s's documentation)
            cli.put(name, new Found(kind == Kind.LIST && before != null ? before.value() + "," + value : value,
                    words.get(i).place()));
        }
    }

    /** One config file's keys over those before it. */
    private static void merge(K3sConfigSources.ConfigFile f, Map<String, Found> config, Map<String, List<Found>> lost,
                              Map<String, String> keyOpen, Map<String, Kind> keys) {
        if (f.lines().isEmpty()) {
            keys.keySet().forEach(k -> keyOpen.put(k, f.path() + " could not be read"));
            return;
        }
        Optional<K3sConfigYaml> yaml = K3sConfigYaml.parse(String.join("\n", f.lines().get()));
        if (yaml.isEmpty()) {
            keys.keySet().forEach(k -> keyOpen.put(k, f.path() + " is not a YAML mapping: k3s does not start"));
            return;
        }
        for (K3sConfigYaml.Entry e : yaml.get().entries()) {
            Kind kind = keys.get(e.key());
            if (kind == null) {
                continue;
            }
            Found before = config.get(e.key());
            if (e.values().isEmpty()) {
                if (!e.append() && before != null) { // an empty list: the flag is not given at all
                    lost.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(before);
                    config.remove(e.key());
                    keyOpen.remove(e.key());
                }
                continue;
            }
            boolean appends = kind == Kind.LIST && e.append();
            if (before != null && !appends) {
                lost.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(before);
            }
            String value = kind != Kind.LIST ? e.values().get(e.values().size() - 1)
                    : (e.append() && before != null ? before.value() + "," : "") + String.join(",", e.values());
            config.put(e.key(), new Found(value, new Place(f.path(), e.line(), f.section())));
            if (!appends) { // items appended to a list an unread file may have set leave it open
                keyOpen.remove(e.key());
            }
        }
    }

    private static Setting combine(String key, K3sUnits.Role role, Found cli, Optional<String> cliOpen, Found config,
                                   List<Found> lost, Optional<String> configOpen, Optional<String> keyOpen) {
        if (cli != null) {
            List<Found> all = new ArrayList<>(lost);
            if (config != null) {
                all.add(config);
            }
            return new Setting(State.SET, Optional.of(cli.value()), Optional.of(cli.place()), all, "");
        }
        Optional<String> open = cliOpen.map(w -> "the command line cannot be told: " + w)
                .or(() -> configOpen).or(() -> keyOpen);
        if (open.isPresent()) {
            return new Setting(State.CANNOT_TELL, Optional.empty(), Optional.empty(),
                    config == null ? lost : concat(lost, config), open.get());
        }
        if (config != null) {
            return new Setting(State.SET, Optional.of(config.value()), Optional.of(config.place()), lost, "");
        }
        return new Setting(State.DEFAULT, defaultValue(key, role), Optional.empty(), lost, defaultWhy(key, role));
    }

    private static List<Found> concat(List<Found> a, Found b) {
        List<Found> all = new ArrayList<>(a);
        all.add(b);
        return all;
    }

    private static Optional<String> defaultValue(String key, K3sUnits.Role role) {
        if (role == K3sUnits.Role.AGENT && !key.equals("flannel-iface") && !key.equals("flannel-conf")) {
            return Optional.empty();
        }
        return switch (key) {
            case BACKEND -> Optional.of("vxlan");
            case "flannel-external-ip", "flannel-ipv6-masq" -> Optional.of("false");
            default -> Optional.empty();
        };
    }

    private static String defaultWhy(String key, K3sUnits.Role role) {
        if (role == K3sUnits.Role.AGENT && !key.equals("flannel-iface") && !key.equals("flannel-conf")) {
            return "a server flag: an agent takes it from the servers";
        }
        return switch (key) {
            case "flannel-iface" -> "flannel uses the interface of the default route";
            case "flannel-conf" -> "k3s writes flannel's net-conf.json itself";
            default -> "nothing sets it";
        };
    }
}
