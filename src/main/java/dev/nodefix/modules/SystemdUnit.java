package dev.nodefix.modules;

import dev.nodefix.change.Change;
import dev.nodefix.change.DaemonReload;
import dev.nodefix.change.DirectoryChange;
import dev.nodefix.change.FileChange;
import dev.nodefix.change.UnitEnablementChange;
import dev.nodefix.module.Args;
import dev.nodefix.module.NodeFragment;
import dev.nodefix.module.NodeLocal;
import dev.nodefix.module.Param;
import dev.nodefix.module.ParamType;
import dev.nodefix.module.Plan;
import dev.nodefix.query.DirQuery;
import dev.nodefix.query.FileState;
import dev.nodefix.query.NodeState;
import dev.nodefix.query.Query;
import dev.nodefix.query.UnitState;
import dev.nodefix.transport.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code systemd_unit}: a unit file in /etc/systemd/system (0644 root:root) with this content, daemon-reload
 * when it changed, and enabled or disabled when asked. Enabling needs an [Install] section with WantedBy= or
 * RequiredBy= (enablement is the symlink in that target's .wants/.requires directory); a .wants/.requires
 * directory that does not exist yet is created as a change of its own, so rollback removes it again.
 */
public final class SystemdUnit implements NodeLocal<SystemdUnit.SystemdUnitArgs> {
    static final String UNIT_NAME = "[A-Za-z0-9:_.\\\\@][A-Za-z0-9:_.\\\\@-]*\\.(service|socket|timer|path|mount|automount|target|slice)";
    private static final Pattern INSTALL_TARGET =
            Pattern.compile("(?m)^[ \\t]*(WantedBy|RequiredBy)[ \\t]*=[ \\t]*\\S");
    private static final String DIR = "/etc/systemd/system/";
    private static final String INSTALL_TARGET_NAME = "[A-Za-z0-9:_.\\\\@][A-Za-z0-9:_.\\\\@-]*\\.[a-z]+";
    private static final Pattern INSTALL_LINE =
            Pattern.compile("(?m)^[ \\t]*(WantedBy|RequiredBy)[ \\t]*=(.*)$");

    /** @param enabled empty: leave the enablement as it is */
    public record SystemdUnitArgs(String name, String content, Optional<Boolean> enabled) {
        public SystemdUnitArgs {
            if (!name.matches(UNIT_NAME)) {
                throw new IllegalArgumentException("not a unit name: " + name);
            }
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(enabled, "enabled");
        }

        String path() {
            return DIR + name;
        }

        /** The .wants/.requires directories {@code systemctl enable} puts its link in, from [Install]. */
        List<String> linkDirs() {
            List<String> dirs = new ArrayList<>();
            Matcher m = INSTALL_LINE.matcher(content);
            while (m.find()) {
                String suffix = m.group(1).equals("WantedBy") ? ".wants" : ".requires";
                for (String target : m.group(2).trim().split("[ \\t]+")) {
                    if (target.matches(INSTALL_TARGET_NAME) && !dirs.contains(DIR + target + suffix)) {
                        dirs.add(DIR + target + suffix);
                    }
                }
            }
            return dirs;
        }

        boolean enabling() {
            return enabled.orElse(false) && !linkDirs().isEmpty();
        }
    }

    @Override
    public String name() {
        return "systemd_unit";
    }

    @Override
    public String description() {
        return "A systemd unit file in /etc/systemd/system with this content (daemon-reload when changed), "
                + "optionally enabled or disabled.";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.required("name", ParamType.STRING, "unit name, e.g. flannel-tx-checksum-offload-disable.service"),
                Param.required("content", ParamType.STRING, "the whole unit file"),
                Param.optional("enabled", ParamType.SWITCH, "on: enable, off: disable (default: leave as is)"));
    }

    @Override
    public SystemdUnitArgs bind(Args args) {
        String name = args.string("name");
        if (!name.matches(UNIT_NAME)) {
            throw args.error("name", "expected a unit file name like foo.service (no directory), got '" + name + "'");
        }
        String content = args.string("content");
        if (args.optionalSwitch("enabled").orElse(false) && !INSTALL_TARGET.matcher(content).find()) {
            throw args.error("enabled", "the unit has no [Install] WantedBy= or RequiredBy=, so it cannot be enabled");
        }
        return new SystemdUnitArgs(name, content, args.optionalSwitch("enabled"));
    }

    @Override
    public List<Query> reads(SystemdUnitArgs args) {
        List<Query> reads = new ArrayList<>(List.of(new Query.File(args.path()), new Query.Unit(args.name())));
        if (args.enabling()) {
            args.linkDirs().forEach(d -> reads.add(new DirQuery(d)));
        }
        return reads;
    }

    @Override
    public Plan plan(SystemdUnitArgs args, NodeState state) {
        FileState before = state.file(args.path());
        UnitState unit = state.unit(args.name());
        FileState after = FileState.Present.text(args.content(), "644", "root", "root");
        List<Change> changes = new ArrayList<>();
        if (!before.sameAs(after)) {
            changes.add(new FileChange(args.path(), before, after));
            changes.add(new DaemonReload());
        }
        if (args.enabled().isPresent() && "masked".equals(unit.enablement())) {
            return new Plan.Refused(args.name() + " is masked; unmask it first (nodefix will not)");
        }
        if (args.enabled().filter(want -> want != unit.enabled()).isPresent()) {
            if (args.enabling()) {
                changes.addAll(linkDirCreations(args, state));
            }
            changes.add(new UnitEnablementChange(args.name(), unit.enabled(), args.enabled().get()));
        }
        return Plan.of(changes, args.path() + " is in place (0644 root:root)"
                + args.enabled().map(e -> " and " + args.name() + " is " + (e ? "enabled" : "not enabled")).orElse(""));
    }

    /**
     * The plan above in sh: the unit file compared whole (written and daemon-reload if not), a masked unit refused,
     * the enablement as systemctl shows it, missing .wants/.requires directories created before enabling.
     */
    @Override
    public NodeFragment nodeFragment(SystemdUnitArgs args) {
        FileState after = FileState.Present.text(args.content(), "644", "root", "root");
        List<Change> changes = new ArrayList<>(List.of(NodeFiles.write(args.path(), after), new DaemonReload()));
        String unit = Command.quote(args.name());
        StringBuilder sh = new StringBuilder("nf_file_is " + Command.quote(args.path()) + " " + NodeFiles.wanted(after)
                + "; case $? in 0) ;; 1) nf_change 0; nf_change 1 ;; *) return ;; esac\n");
        if (args.enabled().isPresent()) {
            boolean want = args.enabled().get();
            sh.append("nf_s=$(systemctl show -p UnitFileState -- ").append(unit)
                    .append(" 2>/dev/null | sed -n 's/^UnitFileState=//p')\n")
                    .append("[ \"$nf_s\" = masked ] && { nf_refuse ")
                    .append(Command.quote(args.name() + " is masked; unmask it first (nodefix will not)"))
                    .append("; return; }\n")
                    .append(want ? "if [ \"$nf_s\" != enabled ]; then\n" : "if [ \"$nf_s\" = enabled ]; then\n");
            if (args.enabling()) {
                for (String dir : args.linkDirs()) {
                    String d = Command.quote(dir);
                    sh.append("  [ -e ").append(d).append(" ] || [ -L ").append(d).append(" ] || nf_change ")
                            .append(changes.size()).append("\n");
                    changes.add(new DirectoryChange(dir, true));
                }
            }
            sh.append("  nf_change ").append(changes.size()).append("\nfi\n");
            changes.add(new UnitEnablementChange(args.name(), !want, want));
        }
        sh.append("nf_ok ").append(Command.quote(args.path() + " is in place (0644 root:root)" + args.enabled()
                .map(e -> " and " + args.name() + " is " + (e ? "enabled" : "not enabled")).orElse(""))).append("\n");
        return new NodeFragment(sh.toString(), changes);
    }

    /** The .wants/.requires directories enabling would create, as changes of their own so rollback removes them. */
    private static List<Change> linkDirCreations(SystemdUnitArgs args, NodeState state) {
        return ParentDirectories.creations(args.linkDirs().stream().map(d -> state.dir(new DirQuery(d))).toList());
    }
}
