package dev.nodefix.change;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.nodefix.query.FileState;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A unified diff between two file states: content lines, plus mode and owner when they differ. */
final class FileDiff {
    private FileDiff() {}

    static String of(String path, FileState before, FileState after) {
        List<String> out = new ArrayList<>();
        String beforeMeta = meta(before);
        String afterMeta = meta(after);
        if (!beforeMeta.equals(afterMeta)) {
            out.add("# " + path + ": " + beforeMeta + " -> " + afterMeta);
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        if (a == null || b == null) {
            out.add("# binary content differs");
        } else if (!a.equals(b)) {
            String from = before instanceof FileState.Absent ? "/dev/null" : "a" + path;
            String to = after instanceof FileState.Absent ? "/dev/null" : "b" + path;
            out.addAll(UnifiedDiffUtils.generateUnifiedDiff(from, to, a, DiffUtils.diff(a, b), 3));
        }
        return String.join("\n", out);
    }

    private static String meta(FileState state) {
        return state instanceof FileState.Present p ? "mode " + p.mode() + ", " + p.owner() + ":" + p.group() : "absent";
    }

    /** The file's lines, empty for an absent file, null for content that is not UTF-8 text. */
    private static List<String> lines(FileState state) {
        if (!(state instanceof FileState.Present p)) {
            return List.of();
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(p.content())).toString();
            if (text.isEmpty()) {
                return List.of();
            }
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            if (text.endsWith("\n")) {
                lines.remove(lines.size() - 1);
            } else {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "\n\\ No newline at end of file");
            }
            return lines;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
