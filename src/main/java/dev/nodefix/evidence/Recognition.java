package dev.nodefix.evidence;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one piece was taken for: its readings, and the parts nothing could use. The command decides when it is
 * shown and known; otherwise the content: a whole-output form whose marker is in the piece takes it all; else
 * each line goes to the first line form whose marker the piece holds and that the line fits. Nothing is guessed:
 * lines no form takes are left unused.
 */
public record Recognition(List<Reading> readings, List<Piece> unused) {
    public Recognition {
        readings = List.copyOf(readings);
        unused = List.copyOf(unused);
    }

    public static Recognition of(Piece piece) {
        List<Form> shown = piece.command().map(Commands::forms).orElse(List.of());
        if (shown.size() == 1 && !piece.blank()) {
            return new Recognition(List.of(SectionText.of(piece, shown.get(0), piece.lines())), List.of());
        }
        if (piece.blank()) {
            return new Recognition(List.of(), List.of());
        }
        if (shown.isEmpty()) {
            for (Form form : Shapes.WHOLE) {
                if (piece.lines().stream().anyMatch(l -> Shapes.marks(form, l))) {
                    return new Recognition(List.of(SectionText.of(piece, form, piece.lines())), List.of());
                }
            }
        }
        return byLine(piece, shown.isEmpty() ? present(piece) : shown);
    }

    private static List<Form> present(Piece piece) {
        return Shapes.LINES.stream().filter(f -> piece.lines().stream().anyMatch(l -> Shapes.marks(f, l))).toList();
    }

    private static Recognition byLine(Piece piece, List<Form> candidates) {
        Map<Form, List<String>> taken = new EnumMap<>(Form.class);
        List<Piece> unused = new ArrayList<>();
        int run = -1;
        for (int i = 0; i < piece.lines().size(); i++) {
            String line = piece.lines().get(i);
            Form form = line.isBlank() || line.strip().equals(PastedText.ELISION) ? null : candidates.stream()
                    .filter(f -> Shapes.fits(f, line)).findFirst().orElse(null);
            if (form != null) {
                taken.computeIfAbsent(form, f -> new ArrayList<>()).add(line);
            }
            boolean left = form == null && !line.isBlank() && !line.strip().equals(PastedText.ELISION);
            if (left && run < 0) {
                run = i;
            } else if (!left && run >= 0 && !line.isBlank()) {
                unused.add(piece.part(run, i));
                run = -1;
            }
        }
        if (run >= 0) {
            unused.add(piece.part(run, piece.lines().size()));
        }
        List<Reading> readings = taken.entrySet().stream()
                .map(e -> SectionText.of(piece, e.getKey(), e.getValue())).filter(Objects::nonNull).toList();
        return new Recognition(readings, unused);
    }
}
