package dev.nodefix.evidence;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A piece taken for one form, and the text it hands to the form's collector section, or why it hands none.
 *
 * @param sectionLines the section's text; empty together with a {@code withheld} reason when the piece is of the
 *                     form but cannot stand for the node's section (another device's features, rke2's version)
 * @param withheld     why nothing is handed on; empty when {@code sectionLines} are
 */
public record Reading(Piece piece, Form form, List<String> sectionLines, Optional<String> withheld) {
    public Reading {
        Objects.requireNonNull(piece, "piece");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(withheld, "withheld");
        sectionLines = List.copyOf(sectionLines);
    }

    static Reading gives(Piece piece, Form form, List<String> lines) {
        return new Reading(piece, form, lines, Optional.empty());
    }

    static Reading withholds(Piece piece, Form form, String why) {
        return new Reading(piece, form, List.of(), Optional.of(why));
    }

    /** The section this reading feeds, when it feeds one. */
    public Optional<String> section() {
        return withheld.isPresent() ? Optional.empty() : Optional.of(form.section());
    }
}
