package dev.nodefix.export;

import dev.nodefix.change.Change;
import dev.nodefix.change.FileChange;
import dev.nodefix.journal.Entry;
import dev.nodefix.journal.EntryCodec;
import dev.nodefix.journal.NodeJournal;
import dev.nodefix.query.FileState;
import dev.nodefix.transport.Command;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One change applied by the node script exactly as the executor applies it over SSH: {@link NodeJournal#journaled}'s
 * command (intent line with the before-image, backup, the change's own command, done/failed line), with the two
 * values only the node knows put in by the shell: the change's number in the run ({@code $nf_seq}) and, for a file,
 * the file as it is right before the write ({@code $nf_before}).
 */
final class JournaledChange {
    /** The stand-in seq: a number no run reaches, replaced by {@code $nf_seq} wherever it is written. */
    private static final int SEQ = 987654321;

    private JournaledChange() {}

    /** sh that applies {@code change} journaled (exit status the change's) and sets {@code nf_d} to what it did. */
    static String sh(String run, int task, String taskName, Change change, EmbeddedScripts scripts) {
        Entry.Intent intent = new Entry.Intent(SEQ, task, taskName, change, Optional.empty());
        Command journaled = NodeJournal.journaled(run, intent);
        String line = EntryCodec.line(Optional.empty(), intent);
        Map<String, String> standIns = new LinkedHashMap<>();
        standIns.put("\"seq\":" + SEQ, "'\"seq\":'\"$nf_seq\"");
        StringBuilder sh = new StringBuilder("nf_seq=$((nf_seq + 1))\n");
        byte[] stdin = journaled.stdin().orElseThrow();
        byte[] rest = Arrays.copyOfRange(stdin, (line + "\n").getBytes(StandardCharsets.UTF_8).length, stdin.length);
        if (change instanceof FileChange f) {
            int at = line.indexOf("\"before\":{");
            String before = line.substring(at, line.indexOf('}', at) + 1);
            standIns.put(before, "'\"before\":'\"$nf_before\"");
            sh.append("nf_before=$(nf_file_json ").append(Command.quote(f.path())).append(")\n");
            String path = Command.quote(f.path());
            if (f.after() instanceof FileState.Present) {
                sh.append("if [ -e ").append(path).append(" ]; then nf_d=")
                        .append(Command.quote(new FileChange(f.path(), placeholder(f), f.after()).describe()))
                        .append("; else nf_d=").append(Command.quote(new FileChange(f.path(), FileState.absent(),
                                f.after()).describe())).append("; fi\n");
            } else {
                sh.append("nf_d=").append(Command.quote("remove " + f.path())).append('\n');
            }
        } else {
            sh.append("nf_d=").append(Command.quote(change.describe())).append('\n');
        }
        Map<String, String> argvStandIns = Map.of(Integer.toString(SEQ), "\"$nf_seq\"");
        sh.append("{ printf '%s\\n' ").append(ShellWords.word(line, standIns));
        if (rest.length > 0) {
            sh.append("; printf '%s' ").append(Command.quote(Base64.getEncoder().encodeToString(rest)))
                    .append(" | base64 -d");
        }
        sh.append("; } | ").append(scripts.line(journaled.argv(), argvStandIns)).append('\n');
        return sh.toString();
    }

    /** Some present file other than the one written, so that describe says "update". */
    private static FileState placeholder(FileChange f) {
        return FileState.Present.text("", "000", "nobody", "nogroup");
    }
}
