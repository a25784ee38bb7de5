package dev.nodefix.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code inventory/errors/} starts with {@code # expect: <line>:<col>: <text>}: parsing it
 * must fail with an {@link InventoryException} located there whose message contains the text.
 */
class InventoryErrorsTest {
    private static final Pattern EXPECT = Pattern.compile("# expect: (\\d+):(\\d+): (.+)");

    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(InventoryErrorsTest.class.getResource("/inventory/errors").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
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
}
