package dev.nodefix.modules;

import dev.nodefix.change.Change;
import dev.nodefix.change.DirectoryChange;
import dev.nodefix.query.DirQuery;
import dev.nodefix.query.DirState;
import dev.nodefix.query.NodeState;
import dev.nodefix.module.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The directories above a file a module writes, as read on the node: whether the write may go ahead (no
 * parent is a symbolic link unless the task allows it, none is something other than a directory), and the
 * missing ones to create first, outermost first, so that rollback removes them deepest first.
 */
record ParentDirectories(String path, List<DirState> parents) {
    ParentDirectories {
        parents = List.copyOf(parents);
    }

    /** The parents of {@code path} from the state a module read with {@link DirQuery#parentsOf}. */
    static ParentDirectories of(String path, NodeState state) {
        return new ParentDirectories(path, DirQuery.parentsOf(path).stream().map(state::dir).toList());
    }

    /** Why the write must not happen, if it must not. */
    Optional<String> refusal(boolean followLinks) {
        Optional<DirState> other = first(DirState.Kind.OTHER);
        if (other.isPresent()) {
            return Optional.of(other.get().path() + " (a parent of " + path + ") exists but is not a directory");
        }
        return first(DirState.Kind.LINK).filter(link -> !followLinks).map(link -> link.path()
                + " (a parent of " + path + ") is a symbolic link to " + link.target()
                + "; nodefix does not write through a linked directory: give the real path, or set"
                + " follow_parent_links: true");
    }

    /**
     * The plan for writing the file, guarded by its parents: refused when {@link #refusal} says so, else the
     * file's own plan with the missing parents' creations first.
     */
    Plan guard(boolean followLinks, Supplier<Plan> filePlan) {
        Optional<String> refused = refusal(followLinks);
        if (refused.isPresent()) {
            return new Plan.Refused(refused.get());
        }
        Plan plan = filePlan.get();
        if (!(plan instanceof Plan.Changes changes) || creations().isEmpty()) {
            return plan;
        }
        List<Change> all = new ArrayList<>(creations());
        all.addAll(changes.changes());
        return new Plan.Changes(all);
    }

    /** One "create directory" change per missing parent, outermost first. */
    List<Change> creations() {
        return creations(parents);
    }

    /** One "create directory" change per absent directory among {@code dirs}, in their order. */
    static List<Change> creations(List<DirState> dirs) {
        return dirs.stream().filter(d -> d.kind() == DirState.Kind.ABSENT)
                .<Change>map(d -> new DirectoryChange(d.path(), true)).toList();
    }

    private Optional<DirState> first(DirState.Kind kind) {
        return parents.stream().filter(d -> d.kind() == kind).findFirst();
    }
}
