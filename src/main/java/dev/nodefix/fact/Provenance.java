package dev.nodefix.fact;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a fact's value comes from: the command whose output it was read from, the view that command had, whether
 * the output was a whole answer or a fragment (or was not there at all), and the lines the value rests on.
 *
 * @param command the command as an operator types it ({@code ethtool -k flannel.1})
 * @param section the collector section it was read from
 * @param view    whose view the command had: the host's, or a container's
 * @param backend the iptables backend that printed it, where that matters
 * @param extent  how much of the answer the text holds
 * @param lines   the lines the value rests on, as printed (a few at most)
 */
public record Provenance(String command, String section, View view, Optional<String> backend, Extent extent,
        List<String> lines) {
    /** Whose view a command had. */
    public enum View { HOST, CONTAINER }

    /** How much of a command's answer the text holds. */
    public enum Extent {
        /** The whole answer to the question (a listing, or the command's own "no such device"). */
        COMPLETE,
        /** Part of an answer (cut, filtered): what it does not show is "cannot tell". */
        FRAGMENT,
        /** Output that could not be read (garbled, an error, a file that could not be opened). */
        UNREADABLE,
        /** The command's tool is not installed. */
        TOOL_MISSING,
        /** The command did not run, or its output is not in the evidence. */
        NOT_COLLECTED;

        /** {@code complete}, {@code fragment}, {@code unreadable}, {@code tool-missing}, {@code not-collected}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Provenance {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(extent, "extent");
        lines = List.copyOf(lines);
    }

    /** A host command's output, read from {@code section}. */
    public static Provenance host(String command, Section section, Extent extent, List<String> lines) {
        return new Provenance(command, section.name(), View.HOST, Optional.empty(), extent, lines);
    }

    /** The extent of a section whose command did not run: its tool missing, or not in the output at all. */
    public static Extent notRun(Section section) {
        return section.status() == Section.Status.ABSENT ? Extent.TOOL_MISSING : Extent.NOT_COLLECTED;
    }

    /** Whether the text answers the question whole (what it does not show is then "no"). */
    public boolean complete() {
        return extent == Extent.COMPLETE;
    }

    /** {@code `ethtool -k flannel.1` (host, complete)}: where a quoted line comes from. */
    public String describe() {
        return "`" + command + "` (" + view.name().toLowerCase(Locale.ROOT) + backend.map(b -> ", " + b).orElse("")
                + ", " + extent.label() + ")";
    }
}
