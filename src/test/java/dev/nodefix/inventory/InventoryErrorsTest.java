package dev.nodefix.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code inventory/errors/} starts with {@code # expect: <line>:<col>: <text>}: parsing it
 * must fail with an {@link InventoryException} located there whose message contains the text. Every
 * directory under {@code inventory/errors/sources/} holds an {@code args} file ({@code -i PATH} repeated,
 * {@code --playbook-dir DIR}) and an {@code expect} file ({@code <path>[:<line>:<col>]: <text>}, the path
 * relative to the case directory).
 */
class InventoryErrorsTest {
    private static final Pattern EXPECT = Pattern.compile("# expect: (\\d+):(\\d+): (.+)");

    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(InventoryErrorsTest.class.getResource("/inventory/errors").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".ini")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsAtTheExpectedPlaceWithTheExpectedMessage(Path file) throws IOException {
        String firstLine = Files.readAllLines(file).get(0);
        Matcher expect = EXPECT.matcher(firstLine);
        assertThat(expect.matches()).as("first line of %s: %s", file, firstLine).isTrue();

        InventoryException e = catchThrowableOfType(InventoryException.class,
                () -> new InventoryParser(Path.of("/home/test")).parse(file));

        assertThat(e).as("parsing %s", file).isNotNull();
        String where = file + ":" + expect.group(1) + ":" + expect.group(2) + ": ";
        assertThat(e.getMessage()).startsWith(where).contains(expect.group(3));
        assertThat(e.location()).contains(new Location(file.toString(),
                Integer.parseInt(expect.group(1)), Integer.parseInt(expect.group(2))));
    }

    static Stream<Path> sourceCases() throws IOException, URISyntaxException {
        Path dir = Path.of(InventoryErrorsTest.class.getResource("/inventory/errors/sources").toURI());
        try (Stream<Path> cases = Files.list(dir)) {
            return cases.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sourceCases")
    void sourcesFailAtTheExpectedFileAndPlace(Path dir) throws IOException {
        String expect = Files.readString(dir.resolve("expect")).strip();
        int colon = expect.indexOf(": ");
        String where = dir + "/" + expect.substring(0, colon) + ": ";
        List<Path> sources = new ArrayList<>();
        Optional<Path> playbook = Optional.empty();
        String[] words = Files.readString(dir.resolve("args")).strip().split("\\s+");
        for (int i = 0; i < words.length; i += 2) {
            if (words[i].equals("-i")) {
                sources.add(dir.resolve(words[i + 1]));
            } else {
                playbook = Optional.of(dir.resolve(words[i + 1]));
            }
        }
        Optional<Path> playbookDir = playbook;

        InventoryException e = catchThrowableOfType(InventoryException.class,
                () -> new InventoryParser(Path.of("/home/test")).parse(sources, playbookDir));

        assertThat(e).as("parsing %s", dir).isNotNull();
        assertThat(e.getMessage()).startsWith(where).contains(expect.substring(colon + 2));
    }
}
