package dev.nodefix.modules;

import dev.nodefix.change.FileChange;
import dev.nodefix.module.Args;
import dev.nodefix.module.Module;
import dev.nodefix.module.Param;
import dev.nodefix.module.ParamType;
import dev.nodefix.module.Plan;
import dev.nodefix.query.DirQuery;
import dev.nodefix.query.FileState;
import dev.nodefix.query.NodeState;
import dev.nodefix.query.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code file}: a whole file with this content, mode and owner, or no file. Written atomically; mode, owner
 * and group not given are kept from the existing file (root:root 0644 for a new one). Missing parent
 * directories are created as changes of their own (so rollback removes them); a parent that is a symbolic
 * link is refused unless {@code follow_parent_links} is on.
 */
public final class File implements Module<File.FileArgs> {
    public record FileArgs(String path, boolean present, Optional<String> content, Optional<String> mode,
                           Optional<String> owner, Optional<String> group, boolean followParentLinks) {
        public FileArgs {
            Objects.requireNonNull(path, "path");
            if (present && content.isEmpty()) {
                throw new IllegalArgumentException("content is required for a present file");
            }
        }
    }

    @Override
    public String name() {
        return "file";
    }

    @Override
    public String description() {
        return "A whole file with this content, mode and owner (state: present), or no file (state: absent).";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.required("path", ParamType.PATH, "absolute path of the file"),
                Param.optional("content", ParamType.STRING, "the whole content (required when state is present)"),
                Param.optional("mode", ParamType.MODE, "octal mode, e.g. \"0644\" (default: keep, or 0644)"),
                Param.optional("owner", ParamType.STRING, "owner (default: keep, or root)"),
                Param.optional("group", ParamType.STRING, "group (default: keep, or root)"),
                Param.optional("follow_parent_links", ParamType.SWITCH,
                        "on: write even when a parent directory is a symbolic link (default: refuse)"),
                Param.choice("state", "present", "present or absent", "present", "absent"));
    }

    @Override
    public FileArgs bind(Args args) {
        boolean present = args.optionalString("state").orElse("present").equals("present");
        args.requireWhen(present, "content", "when state is present");
        if (!present) {
            for (String key : List.of("content", "mode", "owner", "group")) {
                if (args.has(key)) {
                    throw args.error(key, "makes no sense with state: absent");
                }
            }
        }
        for (String key : List.of("owner", "group")) {
            if (args.optionalString(key).filter(v -> !v.matches("[a-z_][a-z0-9_-]*\\$?|[0-9]+")).isPresent()) {
                throw args.error(key, "not a user or group name: '" + args.string(key) + "'");
            }
        }
        return new FileArgs(args.string("path"), present, args.optionalString("content"), args.optionalString("mode"),
                args.optionalString("owner"), args.optionalString("group"),
                args.optionalSwitch("follow_parent_links").orElse(false));
    }

    @Override
    public List<Query> reads(FileArgs args) {
        List<Query> reads = new ArrayList<>(List.of(new Query.File(args.path())));
        reads.addAll(DirQuery.parentsOf(args.path()));
        return reads;
    }

    @Override
    public Plan plan(FileArgs args, NodeState state) {
        return ParentDirectories.of(args.path(), state).guard(args.followParentLinks(), () -> planFile(args, state));
    }

    private static Plan planFile(FileArgs args, NodeState state) {
        FileState before = state.file(args.path());
        if (!args.present()) {
            return before instanceof FileState.Absent
                    ? new Plan.NoOp(args.path() + " is already absent")
                    : new Plan.Changes(List.of(new FileChange(args.path(), before, FileState.absent())));
        }
        Optional<FileState.Present> old = before instanceof FileState.Present p ? Optional.of(p) : Optional.empty();
        FileState after = FileState.Present.text(args.content().orElseThrow(),
                args.mode().orElse(old.map(FileState.Present::mode).orElse("644")),
                args.owner().orElse(old.map(FileState.Present::owner).orElse("root")),
                args.group().orElse(old.map(FileState.Present::group).orElse("root")));
        if (before.sameAs(after)) {
            return new Plan.NoOp(args.path() + " already has this content, mode and owner");
        }
        return new Plan.Changes(List.of(new FileChange(args.path(), before, after)));
    }
}
