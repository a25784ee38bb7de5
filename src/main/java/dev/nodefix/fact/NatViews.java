package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every listing of one node's nat table ({@link NatView}): the host's default {@code iptables-save -t nat}
 * ({@code iptables-nat}), the other backend's ({@code iptables-nat-legacy}, {@code iptables-nat-nft}), k3s's bundled
 * iptables' ({@code iptables-nat-k3s}), and, in a paste that holds both, the host's and a container's. The chain
 * facts read each view and merge the readings: both table sets are live in the kernel, so the worst reading any
 * view shows counts, and a view that says the other table set holds tables it does not show ("iptables-legacy
 * tables present") leaves every "no" open until that set is read too.
 */
public record NatViews(List<NatView> views) {
    public static final String DEFAULT = "iptables-nat";
    public static final String LEGACY = "iptables-nat-legacy";
    public static final String NFT = "iptables-nat-nft";
    public static final String K3S = "iptables-nat-k3s";
    /** k3s's bundled userspace tools (k3s-root): xtables-legacy-multi, xtables-nft-multi and their names. */
    public static final String K3S_AUX = "/var/lib/rancher/k3s/data/current/bin/aux";
    private static final Pattern FROM = Pattern.compile("#\\s*from:\\s*(.+)");

    /** What one view showed of something. */
    record Reading<T>(NatView view, T value) {}

    public NatViews {
        views = List.copyOf(views);
    }

    /**
     * The views in a collector output. {@code fallback} names the section an older collector printed the chain in,
     * read as the default view when there is no {@code iptables-nat}.
     */
    public static NatViews of(CollectorOutput out, String fallback) {
        Section main = out.section(DEFAULT);
        if (main.status() == Section.Status.MISSING && fallback != null) {
            main = out.section(fallback);
        }
        IptablesVersion host = IptablesVersion.HOST.from(out);
        boolean helpBlind = RandomFullySupport.FACT.from(out).support() == RandomFullySupport.Support.UNSUPPORTED;
        List<NatView> views = new ArrayList<>(defaultViews(main, host, helpBlind));
        IptablesVersion.Mode mode = views.get(0).backend();
        other(out.section(LEGACY), IptablesVersion.Mode.LEGACY, "iptables-legacy-save -t nat", null).ifPresent(views::add);
        other(out.section(NFT), IptablesVersion.Mode.NF_TABLES, "iptables-nft-save -t nat", null).ifPresent(views::add);
        other(out.section(K3S), mode, K3S_AUX + "/iptables-save -t nat", IptablesVersion.K3S_BUNDLED.from(out))
                .ifPresent(views::add);
        return new NatViews(views);
    }

    /** What each view shows, in order. */
    <T> List<Reading<T>> read(Function<NatView, T> reader) {
        return views.stream().map(v -> new Reading<>(v, reader.apply(v))).toList();
    }

    /** The host's default view (the first). */
    public NatView primary() {
        return views.get(0);
    }

    /** A listing warned that the legacy table set holds tables, and no listing of that set was read. */
    public boolean legacyUnread() {
        return views.stream().anyMatch(NatView::warnsOfLegacyTables)
                && views.stream().noneMatch(v -> v.backend() == IptablesVersion.Mode.LEGACY && v.read());
    }

    /** Some listing of {@code mode}'s table set was read. */
    public boolean readBackend(IptablesVersion.Mode mode) {
        return views.stream().anyMatch(v -> v.backend() == mode && v.read());
    }

    /**
     * A table set that only iptables older than 1.6.2 read: no listing of it can show {@code --random-fully}
     * ({@code ABSENT} for a listing that does not name its set).
     */
    public Optional<IptablesVersion.Mode> blindOnly() {
        return views.stream().filter(v -> v.read() && v.blind()).map(NatView::backend)
                .filter(m -> views.stream().noneMatch(v -> v.read() && !v.blind() && v.backend() == m)).findFirst();
    }

    /**
     * Merges what the views say of {@code --random-fully} on a rule they show: within one table set, a reading by
     * an iptables able to print the flag settles it; across table sets, yes if any shows it, no only if every one
     * says no and no table set is left unread.
     */
    static Optional<Boolean> randomFully(List<Reading<Optional<Boolean>>> readings, boolean unread) {
        Map<Object, Optional<Boolean>> byBackend = new LinkedHashMap<>();
        for (Reading<Optional<Boolean>> r : readings) {
            Object key = r.view().backend() == IptablesVersion.Mode.ABSENT ? r.view() : r.view().backend();
            byBackend.merge(key, r.value(), (a, b) -> a.orElse(false) || b.orElse(false) ? Optional.of(true)
                    : a.isPresent() ? a : b);
        }
        if (byBackend.values().stream().anyMatch(v -> v.orElse(false))) {
            return Optional.of(true);
        }
        boolean allNo = !byBackend.isEmpty() && byBackend.values().stream().allMatch(Optional::isPresent);
        return allNo && !unread ? Optional.of(false) : Optional.empty();
    }

    private static List<NatView> defaultViews(Section main, IptablesVersion host, boolean helpBlind) {
        String command = from(main).orElse("iptables-save -t nat");
        List<NatView> views = new ArrayList<>();
        for (List<String> part : parts(main.lines())) {
            boolean container = part.stream().anyMatch(IptablesText::containerLine);
            Section section = main.status() == Section.Status.RAN
                    ? Section.ran(main.name(), main.exitCode().orElse(0), part) : main;
            IptablesText text = IptablesText.of(part);
            IptablesVersion printer = text.printer();
            IptablesVersion known = printer.version().isPresent() || container ? printer : host;
            boolean blind = known.version().isPresent() ? !known.randomFullyCapable() : helpBlind && !container;
            Optional<IptablesVersion.Mode> named = part.stream().filter(IptablesText::commandLine).map(NatViews::named)
                    .flatMap(Optional::stream).findFirst();
            String reads = named.map(m -> m == IptablesVersion.Mode.LEGACY ? "iptables-legacy-save -t nat"
                    : "iptables-nft-save -t nat").orElse(command);
            views.add(NatView.of(main.name(), reads, named.orElse(known.mode()), blind, container, section, text));
        }
        return views;
    }

    /** The table set a command line names ({@code iptables-legacy...}, {@code iptables-nft...}), if it names one. */
    private static Optional<IptablesVersion.Mode> named(String command) {
        return command.contains("tables-legacy") ? Optional.of(IptablesVersion.Mode.LEGACY)
                : command.contains("tables-nft") ? Optional.of(IptablesVersion.Mode.NF_TABLES) : Optional.empty();
    }

    /** Which side a command line reads: a container's, a named table set's, or the host's default. */
    private static Optional<String> side(String line) {
        if (IptablesText.containerLine(line)) {
            return Optional.of("container");
        }
        return IptablesText.commandLine(line) ? Optional.of(named(line).map(Enum::name).orElse("default"))
                : Optional.empty();
    }

    /**
     * The section's lines, or, when a paste holds command lines of different sides (host and container, or the
     * host's default iptables and {@code iptables-legacy}/{@code -nft}), its parts: each starts at a command line
     * that moves to another side.
     */
    private static List<List<String>> parts(List<String> lines) {
        if (lines.stream().map(NatViews::side).flatMap(Optional::stream).distinct().count() < 2) {
            return List.of(lines);
        }
        List<List<String>> parts = new ArrayList<>();
        List<String> part = new ArrayList<>();
        String current = null;
        for (String line : lines) {
            Optional<String> side = side(line);
            if (side.isPresent() && current != null && !current.equals(side.get()) && !part.isEmpty()) {
                parts.add(part);
                part = new ArrayList<>();
            }
            current = side.orElse(current);
            part.add(line);
        }
        parts.add(part);
        return parts;
    }

    private static Optional<NatView> other(Section section, IptablesVersion.Mode mode, String command,
                                           IptablesVersion fallback) {
        if (section.status() != Section.Status.RAN) {
            return Optional.empty(); // not asked for, or no such binary: nothing read, nothing to merge
        }
        IptablesText text = IptablesText.of(section.lines());
        IptablesVersion printer = text.printer();
        IptablesVersion known = printer.version().isPresent() || fallback == null ? printer : fallback;
        boolean blind = known.version().isPresent() && !known.randomFullyCapable();
        // the legacy and nft sections are named for their table set; k3s's reads the one its header names
        IptablesVersion.Mode backend = fallback != null && printer.version().isPresent() ? printer.mode() : mode;
        return Optional.of(NatView.of(section.name(), from(section).orElse(command), backend, blind, false, section,
                text));
    }

    private static Optional<String> from(Section section) {
        for (String line : section.lines()) {
            Matcher m = FROM.matcher(line.strip());
            if (m.matches()) {
                return Optional.of(m.group(1).strip());
            }
        }
        return Optional.empty();
    }
}
