package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.nodefix.app.Nodefix;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command's {@code --help}, at 80 and 120 columns, against {@code cli/help/COMMAND-WIDTH.txt}
 * ({@code -Dnodefix.updateGolden=true} rewrites them), and the rules the texts are written to: picocli wraps
 * them, so a line break in the source is a paragraph or an example line, never the middle of a sentence; an
 * example is never wrapped; no line breaks inside a word ({@code ansible.cfg}, {@code 1.25.4}, a URL), at any width;
 * a command's summary in the top-level list is a whole sentence.
 */
class HelpTextTest {
    private static final Path GOLDEN = Path.of("src/test/resources/cli/help");
    /** So wide that picocli wraps nothing: every line break left is one the text asked for. */
    private static final int UNWRAPPED = 1000;

    @ParameterizedTest(name = "{0} at {1} columns")
    @MethodSource("commandsAndWidths")
    void helpMatchesTheGoldenFile(String command, int width) throws IOException {
        String help = help(command, width);

        assertThat(help).isEqualTo(golden(command.replace(' ', '-') + "-" + width + ".txt", help));
    }

    @Test
    void theHelpOptionPrintsWhatTheGoldenFileHolds() throws IOException {
        CliRunner.Result r = new CliRunner().run("run", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(resource("/cli/help/run-80.txt"));
    }

    @Test
    void everyGoldenFileBelongsToACommand() throws IOException {
        assumeFalse(Boolean.getBoolean("nodefix.updateGolden"), "an update writes the files while this test lists them");
        List<String> expected = commandsAndWidths().map(a -> ((String) a.get()[0]).replace(' ', '-') + "-" + a.get()[1] + ".txt").sorted().toList();
        try (Stream<Path> files = Files.list(GOLDEN)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void noLineIsBrokenMidSentence(String command) {
        assertThat(HelpLines.brokenMidSentence(help(command, UNWRAPPED))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void noWordIsBrokenInside(String command) {
        String unwrapped = help(command, UNWRAPPED);
        for (int width : new int[] {60, 80, 100, 120}) {
            assertThat(HelpLines.brokenInsideWord(help(command, width), unwrapped)).as("%s at %d", command, width).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void examplesAreNeverSplit(String command) {
        List<String> examples = HelpLines.literalLines(help(command, UNWRAPPED));
        for (int width : new int[] {80, 120}) {
            assertThat(help(command, width).lines().map(String::stripTrailing).toList()).as("%s at %d", command, width)
                    .containsAll(examples);
        }
    }

    @Test
    void theTopLevelListShowsWholeSummaries() {
        List<String> rows = HelpLines.section(help("nodefix", UNWRAPPED), "Commands:");

        assertThat(rows).hasSizeGreaterThan(10).allSatisfy(row -> assertThat(row).matches("  \\S+ +\\S.*[.)]"));
        assertThat(help("nodefix", 80)).contains("  modules ", "  completion ").doesNotContain("DOMAIN.md");
    }

    @Test
    void theRuleCatchesABreakInsideASentence() {
        String broken = String.join("\n", "Usage: x", "Undo what a run changed: on each node its changes are undone",
                "in reverse order.", "Examples:", "  nodefix run -a 'true'", "  nodefix run -a 'false'", "");

        assertThat(HelpLines.brokenMidSentence(broken))
                .containsExactly("Undo what a run changed: on each node its changes are undone / in reverse order.");
        assertThat(HelpLines.literalLines(broken)).containsExactly("  nodefix run -a 'true'", "  nodefix run -a 'false'");
    }

    @Test
    void theRuleCatchesABreakInsideADottedWord() {
        String unwrapped = "Reads the inventories, ansible.cfg and my.yaml (see https://k3s.io/x or v1.25.4).\n";
        String wrapped = String.join("\n", "Reads the inventories, ansible.", "cfg and my.yaml (see https:",
                "//k3s.io/x or v1.", "25.4).", "");

        assertThat(HelpLines.brokenInsideWord(wrapped, unwrapped))
                .containsExactly("ansible. / cfg", "https: / //k3s.io/x", "v1. / 25.4).");
        assertThat(HelpLines.brokenInsideWord(unwrapped.replace(" and ", "\nand "), unwrapped)).isEmpty();
    }

    static Stream<String> commands() {
        List<String> names = new ArrayList<>();
        names.add("nodefix");
        // a command's own subcommands too ("export suc"), each with its golden file (export-suc-80.txt)
        root(80).getSubcommands().forEach((name, cl) -> {
            names.add(name);
            cl.getSubcommands().keySet().forEach(sub -> names.add(name + " " + sub));
        });
        return names.stream();
    }

    static Stream<Arguments> commandsAndWidths() {
        return commands().flatMap(c -> Stream.of(Arguments.of(c, 80), Arguments.of(c, 120)));
    }

    private static String help(String command, int width) {
        CommandLine root = root(width);
        CommandLine cl = root;
        if (!command.equals("nodefix")) {
            for (String name : command.split(" ")) {
                cl = cl.getSubcommands().get(name);
            }
        }
        return cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    private static CommandLine root(int width) {
        CommandLine root = Nodefix.cli(new CliRunner().context()).commandLine();
        root.setUsageHelpWidth(width);
        return root;
    }

    private static String golden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("nodefix.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(GOLDEN.resolve(name), actual);
            return actual;
        }
        return resource("/cli/help/" + name);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HelpTextTest.class.getResourceAsStream(name)) {
            return in == null ? "(missing " + name + ")" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
