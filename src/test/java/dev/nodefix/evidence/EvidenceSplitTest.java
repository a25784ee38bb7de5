package dev.nodefix.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-made pastes ({@code evidence/split/<name>.txt}) cut into pieces and recognised: each {@code <name>.expected}
 * line is one piece, {@code <line> TAB <command or -> TAB <forms taken, "unused" when a part is left>}.
 */
class EvidenceSplitTest {
    static Stream<Path> pastes() throws IOException, URISyntaxException {
        Path dir = Path.of(EvidenceSplitTest.class.getResource("/evidence/split").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pastes")
    void cutsAndRecognisesEachPiece(Path paste) throws IOException {
        Path expected = paste.resolveSibling(paste.getFileName().toString().replace(".txt", ".expected"));

        List<String> got = PastedText.split(paste.getFileName().toString(), Files.readString(paste)).stream()
                .map(EvidenceSplitTest::render).toList();

        assertThat(got).as(String.join("\n", got)).isEqualTo(Files.readAllLines(expected));
    }

    private static String render(Piece piece) {
        Recognition r = Recognition.of(piece);
        List<String> forms = new ArrayList<>(r.readings().stream().map(x -> x.form().label()).toList());
        if (!r.unused().isEmpty()) {
            forms.add("unused");
        }
        return piece.where().replaceFirst("^.*:", "") + "\t" + piece.command().orElse("-") + "\t"
                + (forms.isEmpty() ? "-" : String.join(",", forms));
    }
}
