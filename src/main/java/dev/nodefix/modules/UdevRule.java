package dev.nodefix.modules;

import dev.nodefix.change.FileChange;
import dev.nodefix.change.UdevTrigger;
import dev.nodefix.module.Args;
import dev.nodefix.module.NodeFragment;
import dev.nodefix.module.NodeLocal;
import dev.nodefix.module.Param;
import dev.nodefix.module.ParamType;
import dev.nodefix.module.Plan;
import dev.nodefix.query.FileState;
import dev.nodefix.query.NodeState;
import dev.nodefix.query.Query;
import dev.nodefix.transport.Command;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code udev_rule}: a rules file in /etc/udev/rules.d (0644 root:root) with this content, or no such file;
 * when it changed, udev reloads its rules and replays a "change" event for {@code iface} so the rule acts now.
 */
public final class UdevRule implements NodeLocal<UdevRule.UdevRuleArgs> {
    private static final String RULE_NAME = "[A-Za-z0-9_.@+-]+\\.rules";
    private static final String DIR = "/etc/udev/rules.d/";

    /** @param content empty when the rule is to be absent */
    public record UdevRuleArgs(String name, Optional<String> content, String iface) {
        public UdevRuleArgs {
            if (!name.matches(RULE_NAME)) {
                throw new IllegalArgumentException("not a rules file name: " + name);
            }
            Objects.requireNonNull(content, "content");
            if (!iface.matches(Ethtool.IFACE)) {
                throw new IllegalArgumentException("not an interface name: " + iface);
            }
        }

        String path() {
            return DIR + name;
        }
    }

    @Override
    public String name() {
        return "udev_rule";
    }

    @Override
    public String description() {
        return "A udev rules file in /etc/udev/rules.d with this content, or none; reloads rules and triggers the "
                + "device when changed.";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.required("name", ParamType.STRING, "file name, e.g. 90-flannel.rules"),
                Param.optional("content", ParamType.STRING, "the whole rules file (required when present)"),
                Param.withDefault("iface", ParamType.STRING, "flannel.1", "the device to trigger a change event for"),
                Param.choice("state", "present", "present or absent", "present", "absent"));
    }

    @Override
    public UdevRuleArgs bind(Args args) {
        String name = args.string("name");
        if (!name.matches(RULE_NAME)) {
            throw args.error("name", "expected a file name ending in .rules (no directory), got '" + name + "'");
        }
        String iface = args.string("iface");
        if (!iface.matches(Ethtool.IFACE)) {
            throw args.error("iface", "not a network interface name: '" + iface + "'");
        }
        boolean present = args.string("state").equals("present");
        args.requireWhen(present, "content", "when state is present");
        if (!present && args.has("content")) {
            throw args.error("content", "makes no sense with state: absent");
        }
        return new UdevRuleArgs(name, args.optionalString("content"), iface);
    }

    @Override
    public List<Query> reads(UdevRuleArgs args) {
        return List.of(new Query.File(args.path()));
    }

    @Override
    public Plan plan(UdevRuleArgs args, NodeState state) {
        FileState before = state.file(args.path());
        FileState after = args.content().<FileState>map(c -> FileState.Present.text(c, "644", "root", "root"))
                .orElse(FileState.absent());
        if (before.sameAs(after)) {
            return new Plan.NoOp(args.path() + (after instanceof FileState.Absent ? " is already absent"
                    : " is in place (0644 root:root)"));
        }
        return new Plan.Changes(List.of(new FileChange(args.path(), before, after), new UdevTrigger(args.iface())));
    }

    /** The plan above in sh: the rules file compared whole (content, mode, owner), written and udev triggered if not. */
    @Override
    public NodeFragment nodeFragment(UdevRuleArgs args) {
        FileState after = args.content().<FileState>map(c -> FileState.Present.text(c, "644", "root", "root"))
                .orElse(FileState.absent());
        String path = Command.quote(args.path());
        String sh = "nf_file_is " + path + " " + NodeFiles.wanted(after) + "; case $? in\n"
                + "  0) nf_ok " + Command.quote(args.path() + (after instanceof FileState.Absent ? " is already absent"
                : " is in place (0644 root:root)")) + " ;;\n"
                + "  1) nf_change 0; nf_change 1 ;;\n  *) return ;;\nesac\n";
        return new NodeFragment(sh, List.of(NodeFiles.write(args.path(), after), new UdevTrigger(args.iface())));
    }
}
