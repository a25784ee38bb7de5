package dev.nodefix.evidence;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one piece was taken for: its readings, and the parts nothing could use. The command decides when it is
 * shown and known; otherwise the content, block by block: a whole-output form whose marker is in a block takes
 * it and the blocks after it that show no other form; else each line goes to the first line form whose marker
 * the block holds and that the line fits. Nothing is guessed:
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
        return shown.isEmpty() ? byBlock(piece) : byLine(piece, shown);
    }

    /**
     * A piece with no known command, read block by block (blocks are separated by blank lines): a block with a
     * whole-output marker starts that form, which goes on over the next blocks until one shows another form's
     * marker; the other blocks are read line by line. One form over the whole piece reads the piece as it is.
     */
    private static Recognition byBlock(Piece piece) {
        List<int[]> runs = new ArrayList<>();
        List<Form> forms = new ArrayList<>();
        Form current = null;
        for (int[] block : blocks(piece.lines())) {
            List<String> lines = piece.lines().subList(block[0], block[1]);
            Form whole = wholeForm(lines).orElse(current != null && present(lines).isEmpty() ? current : null);
            if (!runs.isEmpty() && whole == current) { // the same whole form, or more line-read blocks
                runs.get(runs.size() - 1)[1] = block[1];
            } else {
                runs.add(block);
                forms.add(whole);
            }
            current = whole;
        }
        if (runs.size() == 1 && forms.get(0) != null) {
            return new Recognition(List.of(SectionText.of(piece, forms.get(0), piece.lines())), List.of());
        }
        List<Reading> readings = new ArrayList<>();
        List<Piece> unused = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Piece part = piece.part(runs.get(i)[0], runs.get(i)[1]);
            Recognition r = forms.get(i) != null
                    ? new Recognition(List.of(SectionText.of(part, forms.get(i), part.lines())), List.of())
                    : byLine(part, present(part.lines()));
            readings.addAll(r.readings());
            unused.addAll(r.unused());
        }
        return new Recognition(readings, unused);
    }

    private static java.util.Optional<Form> wholeForm(List<String> lines) {
        return Shapes.WHOLE.stream().filter(f -> lines.stream().anyMatch(l -> Shapes.marks(f, l))).findFirst();
    }

    /** {@code [from, to)} of each run of lines up to and including the blank lines after it. */
    private static List<int[]> blocks(List<String> lines) {
        List<int[]> blocks = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= lines.size(); i++) {
            if (i == lines.size() || lines.get(i - 1).isBlank() && !lines.get(i).isBlank()) {
                blocks.add(new int[] {from, i});
                from = i;
            }
        }
        return blocks;
    }

    private static List<Form> present(List<String> lines) {
        return Shapes.LINES.stream().filter(f -> lines.stream().anyMatch(l -> Shapes.marks(f, l))).toList();
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
