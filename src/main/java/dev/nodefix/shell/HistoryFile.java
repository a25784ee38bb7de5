package dev.nodefix.shell;

import dev.nodefix.journal.RunStore;
import java.nio.file.Path;
import java.util.Map;

/** Where the shell keeps its history: beside the run journal, {@code $XDG_STATE_HOME/nodefix/shell_history}. */
final class HistoryFile {
    private HistoryFile() {}

    static Path path(Map<String, String> env, Path home) {
        return RunStore.defaultDir(env, home).getParent().resolve("shell_history");
    }
}
