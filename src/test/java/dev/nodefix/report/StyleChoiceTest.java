package dev.nodefix.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** When output is coloured: the cases in {@code report/style-choice.csv} (NO_COLOR, TERM, --no-color, a terminal). */
class StyleChoiceTest {
    @ParameterizedTest(name = "--no-color={0} NO_COLOR={1} TERM={2} terminal={3}: {4}")
    @CsvFileSource(resources = "/report/style-choice.csv", nullValues = "-")
    void colourFollowsTheConventions(boolean noColorOption, String noColor, String term, boolean interactive,
            Style expected) {
        Map<String, String> env = new HashMap<>();
        if (noColor != null) {
            env.put("NO_COLOR", noColor);
        }
        if (term != null) {
            env.put("TERM", term);
        }

        assertThat(Style.choose(noColorOption, env, interactive)).isEqualTo(expected);
    }
}
