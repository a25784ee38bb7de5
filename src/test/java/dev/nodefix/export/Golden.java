package dev.nodefix.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Golden files under src/test/resources; -Dnodefix.updateGolden=true rewrites them. */
final class Golden {
    private Golden() {}

    static void check(String file, String actual) throws IOException {
        Path golden = Path.of("src/test/resources", file);
        if (Boolean.getBoolean("nodefix.updateGolden")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(golden));
    }
}
