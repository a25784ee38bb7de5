package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.app.Nodefix;
import dev.nodefix.report.JsonSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command that takes {@code --json} has its schema, {@code docs/schema/COMMAND.schema.json} (a form named by a
 * word among its positionals, {@code runs show RUN}: {@code runs-show}), and docs/json.md links it; every schema there is a command's or one that a command's refers to.
 */
class JsonSchemaCoverageTest {
    /** Schemas that are no command's own, only referred to from others. */
    private static final List<String> SHARED = List.of("change");

    static List<String> jsonCommands() {
        List<String> names = new ArrayList<>();
        collect(Nodefix.cli(new CliRunner().context()).commandLine(), names);
        return names;
    }

    private static void collect(CommandLine cl, List<String> names) {
        if (cl.getCommandSpec().findOption("--json") != null) {
            String name = cl.getCommandSpec().qualifiedName(" ").replaceFirst("^nodefix ", "").replace(' ', '-');
            names.add(name);
            // a form chosen by a word among the positionals (runs' `show RUN`) prints a document of its own
            cl.getCommandSpec().positionalParameters().stream().map(p -> p.paramLabel().split(" ")[0])
                    .filter(word -> word.matches("[a-z]+")).forEach(word -> names.add(name + "-" + word));
        }
        cl.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, names));
    }

    @Test
    void everyCommandWithJsonHasASchemaLinkedFromTheDocs() throws IOException {
        List<String> commands = jsonCommands();
        assertThat(commands).as("the commands found with --json")
                .contains("diagnose", "facts", "ping", "play", "run", "rollback", "runs", "runs-show");
        String doc = Files.readString(Path.of("docs/json.md"));
        for (String c : commands) {
            assertThat(JsonSchemas.file(c)).as("`nodefix %s --json` has no schema", c.replace('-', ' ')).exists();
            assertThat(doc).as("docs/json.md links schema/%s.schema.json", c).contains("(schema/" + c + ".schema.json)");
        }
    }

    @Test
    void everySchemaIsACommandsOrReferredTo() throws IOException {
        TreeSet<String> expected = new TreeSet<>(jsonCommands());
        expected.addAll(SHARED);
        try (Stream<Path> files = Files.list(JsonSchemas.DIR)) {
            assertThat(files.map(p -> p.getFileName().toString().replaceFirst("\\.schema\\.json$", "")).sorted())
                    .containsExactlyElementsOf(expected);
        }
    }
}
