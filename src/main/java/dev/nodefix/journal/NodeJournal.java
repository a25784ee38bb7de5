package dev.nodefix.journal;

import dev.nodefix.change.Change;
import dev.nodefix.change.FileChange;
import dev.nodefix.transport.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The commands that keep a node's own journal under {@code /var/lib/nodefix/}: {@code runs/RUN.journal}
 * (one line per entry, synced), {@code backups/RUN/SEQ} (a copy of each file before nodefix replaced or
 * removed it) and {@code lock/} (held by one run at a time). Pure command builders: nothing here runs.
 */
public final class NodeJournal {
    public static final String DIR = "/var/lib/nodefix";
    /** Exit code of the lock command when another run holds the lock. */
    public static final int LOCKED = 75;

    /** $1 run, $2 holder line, $3 started line, $4 "break" to remove a lock left behind by a run that died. */
    private static final String LOCK = "umask 077; D=" + DIR + "\n"
            + "mkdir -p \"$D/runs\" \"$D/backups\" || exit\n"
            + "if [ \"$4\" = break ] && [ -d \"$D/lock\" ]; then echo \"broke lock of $(cat \"$D/lock/holder\" 2>/dev/null)\" >&2; rm -rf \"$D/lock\"; fi\n"
            + "if mkdir \"$D/lock\" 2>/dev/null; then printf '%s\\n' \"$2\" > \"$D/lock/holder\"\n"
            + "else cat \"$D/lock/holder\" 2>/dev/null || echo 'unknown run (no holder file)'; exit " + LOCKED + "; fi\n"
            + "J=\"$D/runs/$1.journal\"; [ -e \"$J\" ] || { printf '%s\\n' \"$3\" >> \"$J\" && sync \"$J\" 2>/dev/null || sync; }";
    /** $1 run. */
    private static final String UNLOCK = "D=" + DIR + "\n"
            + "read -r run rest < \"$D/lock/holder\" 2>/dev/null; [ \"$run\" = \"$1\" ] && rm -rf \"$D/lock\"; exit 0";
    /**
     * $1 run, $2 seq, $3 file to back up ("" for none); the change's argv follows. The intent line comes first on
     * stdin (so file contents never show in the node's process list or sudo's log, and have no argument-size
     * limit), the change's own input after it. Intent synced, then backup, then the change, then done/failed with
     * its exit code, synced.
     */
    private static final String JOURNALED = "D=" + DIR + "; J=\"$D/runs/$1.journal\"; seq=$2\n"
            + "IFS= read -r line || exit 70\n"
            + "printf '%s\\n' \"$line\" >> \"$J\" || exit 70; unset line; sync \"$J\" 2>/dev/null || sync\n"
            + "if [ -n \"$3\" ] && [ -e \"$3\" ]; then mkdir -p \"$D/backups/$1\" && cp -p -- \"$3\" \"$D/backups/$1/$seq\" && { sync \"$D/backups/$1/$seq\" 2>/dev/null || sync; } || exit 70; fi\n"
            + "shift 3; (\"$@\"); rc=$?\n" // a subshell: a change sent as plain words may be a builtin (exit 3, cd)
            + "if [ $rc = 0 ]; then printf '{\"phase\":\"done\",\"seq\":%s}\\n' \"$seq\" >> \"$J\"\n"
            + "else printf '{\"phase\":\"failed\",\"seq\":%s,\"error\":\"exit %s\"}\\n' \"$seq\" \"$rc\" >> \"$J\"; fi\n"
            + "sync \"$J\" 2>/dev/null || sync; exit $rc";

    private NodeJournal() {}

    public static String journalPath(String run) {
        return DIR + "/runs/" + RunId.check(run) + ".journal";
    }

    /**
     * Takes the node's lock for {@code run} (exit {@link #LOCKED} and the holder on stdout if taken) and starts its
     * journal. {@code breakLock} first removes a lock another run left behind (its holder goes to stderr).
     */
    public static Command lock(Entry.Started started, String holder) {
        return lock(started, holder, false);
    }

    public static Command lock(Entry.Started started, String holder, boolean breakLock) {
        return Command.of("/bin/sh", "-c", LOCK, "nodefix-lock", started.run(), started.run() + " " + holder,
                EntryCodec.line(Optional.empty(), started), breakLock ? "break" : "keep");
    }

    public static Command unlock(String run) {
        return Command.of("/bin/sh", "-c", UNLOCK, "nodefix-unlock", RunId.check(run));
    }

    /** Applies {@code intent}'s change write-ahead journaled: intent line, backup, change, done/failed line. */
    public static Command journaled(String run, Entry.Intent intent) {
        Change change = intent.change();
        Command apply = change.command();
        String backup = change instanceof FileChange f ? f.path() : "";
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", JOURNALED, "nodefix-journal", RunId.check(run),
                Integer.toString(intent.seq()), backup));
        argv.addAll(apply.argv());
        byte[] line = (EntryCodec.line(Optional.empty(), intent) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] rest = apply.stdin().orElse(new byte[0]);
        byte[] stdin = java.util.Arrays.copyOf(line, line.length + rest.length);
        System.arraycopy(rest, 0, stdin, line.length, rest.length);
        return new Command(argv, apply.become(), Optional.of(stdin), apply.timeout());
    }

    /** Appends {@code line} (an entry about a change already journaled, e.g. unchanged) to the run's journal, synced. */
    public static Command append(String run, Entry entry) {
        return Command.of("/bin/sh", "-c", "printf '%s\\n' \"$2\" >> \"$1\" && { sync \"$1\" 2>/dev/null || sync; }",
                "nodefix-append", journalPath(run), EntryCodec.line(Optional.empty(), entry));
    }

    /** Prints the run's journal on the node (exit 44 when the node has none). */
    public static Command read(String run) {
        return Command.of("/bin/sh", "-c", "[ -e \"$1\" ] || exit 44; cat -- \"$1\"", "nodefix-read", journalPath(run));
    }
}
