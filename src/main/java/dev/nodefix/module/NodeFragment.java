package dev.nodefix.module;

import dev.nodefix.change.Change;
import java.util.List;
import java.util.Objects;

/**
 * What a module decides and changes on the node itself, without the controller, as POSIX sh: the same decisions as
 * its {@link Module#plan}, from the same state read on the node. {@code sh} is the body of a shell function; it
 * reads the node and then may call, from the script that embeds it (see the exporter's node script):
 * <ul>
 *   <li>{@code nf_change I}: change {@code changes().get(I)} is needed; the wanted changes are applied journaled,
 *       in the order wanted, after the body returns;</li>
 *   <li>{@code nf_ok TEXT}: what the plan says when nothing needs changing;</li>
 *   <li>{@code nf_refuse TEXT; return}: the module refuses on this node (the task fails, nothing changes);</li>
 *   <li>{@code nf_file_is PATH absent} or {@code nf_file_is PATH MODE OWNER GROUP BASE64}: exit 0 when the file is
 *       exactly that, 1 when it is not, 2 after refusing (a symbolic link or not a regular file, as the file query
 *       refuses them).</li>
 * </ul>
 * Every shell variable the body sets starts with {@code nf_}. A {@link dev.nodefix.change.FileChange} among the
 * changes carries a stand-in before-image: the node script journals the file as it is right before writing it.
 */
public record NodeFragment(String sh, List<Change> changes) {
    public NodeFragment {
        Objects.requireNonNull(sh, "sh");
        changes = List.copyOf(changes);
    }
}
