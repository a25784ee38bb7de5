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

    /**
     * The lock is the file {@code lock}, whose content is its holder: the holder is written and synced to a file
     * of the run's own first, which then becomes the lock by a hard link (atomic, and it fails when a lock
     * exists), so a lock never lacks its holder. A disk too full to write the holder takes no lock at all.
     * Locks of older versions were a directory {@code lock/} holding {@code holder}; they are read and broken too.
     */
    static final String HOLDER = "if [ -d \"$D/lock\" ]; then h=$(cat \"$D/lock/holder\" 2>/dev/null); else h=$(cat \"$D/lock\" 2>/dev/null); fi\n";
    /** Sets {@code st} to the start time of process $1 (field 22 of its /proc stat), empty when it is gone. */
    private static final String START_TIME = "stt() { s=; [ -r \"/proc/$1/stat\" ] && read -r s < \"/proc/$1/stat\";"
            + " s=${s##*) }; set -- $s; st=${20}; }\n";
    /** $1 run, $2 holder line, $3 started line, $4 "break" to remove a lock left behind by a run that died. */
    private static final String LOCK = "umask 077; D=" + DIR + "\n"
            + "mkdir -p \"$D/runs\" \"$D/backups\" \"$D/inflight\" || exit\n"
            + "if [ \"$4\" = break ] && [ -e \"$D/lock\" ]; then " + "h=; " + HOLDER.strip()
            + "; echo \"broke lock of ${h:-a run that recorded no holder}\" >&2; rm -rf \"$D/lock\"; fi\n"
            + "T=\"$D/lock.$1\"; rm -f \"$T\"\n"
            + "if ! { printf '%s\\n' \"$2\" > \"$T\" && [ -s \"$T\" ] && { sync \"$T\" 2>/dev/null || sync; }; }; then\n"
            + "  rm -f \"$T\"; echo \"cannot write the lock's holder in $D (is the disk full?); no lock taken\" >&2; exit 70; fi\n"
            + "if [ -d \"$D/lock\" ] || ! ln \"$T\" \"$D/lock\" 2>/dev/null; then rm -f \"$T\"\n"
            + "  [ -e \"$D/lock\" ] || { echo \"cannot create $D/lock; no lock taken\" >&2; exit 70; }\n"
            + "  " + HOLDER.strip() + "; echo \"${h:-unknown run (the lock records no holder)}\"; exit " + LOCKED + "; fi\n"
            + "rm -f \"$T\"; J=\"$D/runs/$1.journal\"\n"
            + "[ -e \"$J\" ] || { printf '%s\\n' \"$3\" >> \"$J\" && { sync \"$J\" 2>/dev/null || sync; }; } || {\n"
            + "  rm -f \"$J\" \"$D/lock\"; echo \"cannot start the journal $J (is the disk full?); lock released\" >&2; exit 70; }";
    /** $1 run: removes the lock when this run holds it. */
    private static final String UNLOCK = "D=" + DIR + "\n" + HOLDER
            + "[ \"${h%% *}\" = \"$1\" ] && rm -rf \"$D/lock\"; exit 0";
    /**
     * Prints {@code lock HOLDER} (or {@code free}), then {@code inflight RUN SEQ PID} for each change whose journaling
     * process still runs (same pid and start time as recorded, so a reused pid is not mistaken for it).
     */
    private static final String STATUS = "D=" + DIR + "\n"
            + "if [ -e \"$D/lock\" ]; then " + HOLDER.strip() + "; echo \"lock $h\"; else echo free; fi\n"
            + inflight("*", "") + "exit 0";
    /** $1 the holder line as seen: removes the lock only if it still has that holder (not one taken since). */
    private static final String REMOVE = "D=" + DIR + "\n" + HOLDER
            + "[ -e \"$D/lock\" ] || exit 0; [ \"$h\" = \"$1\" ] && rm -rf \"$D/lock\" && exit 0; exit " + LOCKED;
    /** Removes any lock (for --break-lock on a host with nothing to change); its holder goes to stderr. */
    private static final String BREAK = "D=" + DIR + "\n[ -e \"$D/lock\" ] || exit 0\n" + HOLDER
            + "echo \"broke lock of ${h:-a run that recorded no holder}\" >&2; rm -rf \"$D/lock\"";
    /**
     * $1 run, $2 seq, $3 file to back up ("" for none); the change's argv follows. The intent line comes first on
     * stdin (so file contents never show in the node's process list or sudo's log, and have no argument-size
     * limit), the change's own input after it. Intent synced, then backup, then the change, then done/failed with
     * its exit code, synced. While the change runs, {@code inflight/RUN.SEQ} holds this shell's pid and start time:
     * a change whose controller died is seen still running (see {@link #read}).
     */
    private static final String JOURNALED = START_TIME + "D=" + DIR + "; J=\"$D/runs/$1.journal\"; seq=$2; M=\"$D/inflight/$1.$2\"\n"
            + "trap 'rm -f \"$M\"' EXIT; stt $$; printf '%s %s\\n' \"$$\" \"$st\" > \"$M\" || exit 70\n"
            + "IFS= read -r line || exit 70\n"
            + "printf '%s\\n' \"$line\" >> \"$J\" || exit 70; unset line; sync \"$J\" 2>/dev/null || sync\n"
            + "if [ -n \"$3\" ] && [ -e \"$3\" ]; then mkdir -p \"$D/backups/$1\" && cp -p -- \"$3\" \"$D/backups/$1/$seq\" && { sync \"$D/backups/$1/$seq\" 2>/dev/null || sync; } || exit 70; fi\n"
            + "shift 3; (\"$@\"); rc=$?\n" // a subshell: a change sent as plain words may be a builtin (exit 3, cd)
            + "if [ $rc = 0 ]; then printf '{\"phase\":\"done\",\"seq\":%s}\\n' \"$seq\" >> \"$J\"\n"
            + "else printf '{\"phase\":\"failed\",\"seq\":%s,\"error\":\"exit %s\"}\\n' \"$seq\" \"$rc\" >> \"$J\"; fi\n"
            + "sync \"$J\" 2>/dev/null || sync; exit $rc";

    private static final String LIST = "D=" + DIR + "\n"
            // a directory this login cannot list (0700 root, no become) would read as "no runs": cannot tell instead
            + "for d in \"$D\" \"$D/runs\"; do if [ -e \"$d\" ] && ! { [ -r \"$d\" ] && [ -x \"$d\" ]; }; then"
            + " echo \"cannot read $d (permission denied: run with --become)\" >&2; exit 70; fi; done\n"
            + inflight("*", " >&2")
            + "for f in \"$D\"/runs/*.journal; do [ -f \"$f\" ] || continue; n=${f##*/}\n"
            + "  printf 'nodefix-journal %s\\n' \"${n%.journal}\"; cat -- \"$f\" || exit 70\n"
            + "  [ -s \"$f\" ] && [ -n \"$(tail -c 1 -- \"$f\")\" ] && printf '\\nnodefix-torn\\n'; done\nexit 0";

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

    /**
     * Prints the run's journal on the node (exit 44 when the node has none), and on stderr
     * {@code inflight RUN SEQ PID} for each change of the run whose process still runs there.
     */
    public static Command read(String run) {
        return Command.of("/bin/sh", "-c", "D=" + DIR + "\n" + inflight("$2", " >&2")
                + "[ -e \"$1\" ] || exit 44; cat -- \"$1\"", "nodefix-read", journalPath(run), RunId.check(run));
    }

    /**
     * Prints every run's journal on the node, each after a line {@code nodefix-journal RUN}, with a line
     * {@code nodefix-torn} after one whose last line lacks its newline; on stderr {@code inflight RUN SEQ PID} for
     * every change still running. Read-only: it takes no lock, so it neither waits for nor disturbs a run holding
     * one (that run's journal is read as far as it got; its running changes show as in flight). No journal at all
     * prints nothing.
     */
    public static Command list() {
        return Command.of("/bin/sh", "-c", LIST, "nodefix-list");
    }

    /** Prints the lock's holder ({@code lock HOLDER} or {@code free}) and every change still in flight. */
    public static Command status() {
        return Command.of("/bin/sh", "-c", STATUS, "nodefix-lock-status");
    }

    /** Removes the lock if its holder is still {@code holder} (exit {@link #LOCKED} when another run took it since). */
    public static Command remove(String holder) {
        return Command.of("/bin/sh", "-c", REMOVE, "nodefix-unlock", holder);
    }

    /** Removes whatever lock the node has, naming its holder on stderr ({@code --break-lock} with nothing to change). */
    public static Command breakLock() {
        return Command.of("/bin/sh", "-c", BREAK, "nodefix-break-lock");
    }

    /**
     * The loop printing {@code inflight RUN SEQ PID} for the markers of {@code runGlob} whose process (pid and start
     * time as the marker recorded them) is still alive.
     */
    private static String inflight(String runGlob, String redirect) {
        return START_TIME + "for m in \"$D\"/inflight/" + runGlob + ".*; do [ -f \"$m\" ] || continue\n"
                + "  pid=; mst=; read -r pid mst < \"$m\"; [ -n \"$pid\" ] && [ -n \"$mst\" ] || continue; stt \"$pid\"\n"
                + "  n=${m##*/}; [ \"$st\" = \"$mst\" ] && echo \"inflight ${n%.*} ${n##*.} $pid\"" + redirect + "; done\n";
    }
}
