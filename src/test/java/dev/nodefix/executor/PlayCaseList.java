package dev.nodefix.executor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** A YAML file holding a list of small cases, each a mapping (the pure tests' data). */
final class PlayCaseList {
    private PlayCaseList() {
    }

    static List<Map<String, Object>> load(Path file) {
        try {
            Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
            return ((List<?>) doc).stream().map(PlayCase::map).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
