package dev.nodefix.evidence;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One output cut out of a pasted file: the command that printed it when the paste shows it (prompt, {@code sudo}
 * and password prompt removed) and the lines it printed (markdown fences removed, a publisher's
 * {@code [trimmed]} note kept as an elision {@code ...}).
 *
 * @param file    the file it was read from, as named to the user
 * @param line    1-based line where the piece starts in that file (its command line when shown)
 * @param command the command as typed, without the prompt; empty when the paste shows output only
 * @param pasted  the command's line as pasted, prompt included ({@code [root@node1 ~]# tcpdump -vv ...}): the prompt
 *                may name the host
 */
public record Piece(String file, int line, Optional<String> command, Optional<String> pasted, List<String> lines) {
    public Piece {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(pasted, "pasted");
        lines = List.copyOf(lines);
    }

    /** {@code file:line}, where the piece starts: its command line, else its first non-blank line. */
    public String where() {
        return file + ":" + (command.isPresent() ? line : lineOf(firstText()));
    }

    /** The file line of {@code lines().get(index)}. */
    public int lineOf(int index) {
        return line + index + (command.isPresent() ? 1 : 0);
    }

    private int firstText() {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return 0;
    }

    /** The piece holds no output worth reading. */
    public boolean blank() {
        return lines.stream().allMatch(l -> l.isBlank() || l.strip().equals(PastedText.ELISION));
    }

    /** The lines {@code from} (inclusive) to {@code to} (exclusive) of this piece, as an output of its own. */
    public Piece part(int from, int to) {
        return new Piece(file, lineOf(from), Optional.empty(), Optional.empty(), lines.subList(from, to));
    }
}
