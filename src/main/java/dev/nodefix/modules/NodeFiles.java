package dev.nodefix.modules;

import dev.nodefix.change.FileChange;
import dev.nodefix.query.FileState;
import dev.nodefix.transport.Command;
import java.util.Base64;

/** The file pieces of the modules' node fragments ({@link dev.nodefix.module.NodeFragment}). */
final class NodeFiles {
    /** What the stand-in before-image of a node fragment's file change holds; the node script journals the real one. */
    static final FileState.Present STAND_IN = FileState.Present.text("", "000", "nodefix-stand-in", "nodefix-stand-in");

    private NodeFiles() {}

    /** The arguments of {@code nf_file_is} after the path: {@code absent}, or mode, owner, group and base64 content. */
    static String wanted(FileState after) {
        if (after instanceof FileState.Present p) {
            return String.join(" ", Command.quote(p.mode()), Command.quote(p.owner()), Command.quote(p.group()),
                    Command.quote(Base64.getEncoder().encodeToString(p.content())));
        }
        return "absent";
    }

    /** Writing {@code after} to {@code path}, from a stand-in before-image. */
    static FileChange write(String path, FileState after) {
        return new FileChange(path, STAND_IN, after);
    }
}
