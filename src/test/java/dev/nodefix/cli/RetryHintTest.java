package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The retry hint's command line: the user's words, --limit replaced by --limit @RUN, quoted for sh. */
class RetryHintTest {
    private static final String RUN = "20261125T100000Z-0001";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            play site.yaml -y                               | nodefix play site.yaml -y --limit @20261125T100000Z-0001
            play site.yaml -l agent -y                      | nodefix play site.yaml -y --limit @20261125T100000Z-0001
            play site.yaml --limit agent:!n3 -y             | nodefix play site.yaml -y --limit @20261125T100000Z-0001
            play site.yaml --limit=@last -y                 | nodefix play site.yaml -y --limit @20261125T100000Z-0001
            play site.yaml -lagent -y                       | nodefix play site.yaml -y --limit @20261125T100000Z-0001
            run -m ethtool -a iface=x_features=off -i inv.yaml | nodefix run -m ethtool -a 'iface=x features=off' -i inv.yaml --limit @20261125T100000Z-0001
            play site.yaml -e become-password=hunter2          | nodefix play site.yaml -e 'become-password=<hidden>' --limit @20261125T100000Z-0001
            play site.yaml -e iface=x_apitoken=t1 -y          | nodefix play site.yaml -e 'iface=x apitoken=<hidden>' -y --limit @20261125T100000Z-0001
            play site.yaml --extra-vars={"vault_pw":"x"}      | nodefix play site.yaml '--extra-vars=<hidden>' --limit @20261125T100000Z-0001
            play site.yaml -eiface=cni0                       | nodefix play site.yaml -eiface=cni0 --limit @20261125T100000Z-0001
            """)
    void replacesTheLimit(String words, String expected) {
        List<String> args = Arrays.stream(words.split(" ")).map(w -> w.replace('_', ' ')).toList();
        assertThat(RetryHint.shellLine(args, RUN)).isEqualTo(expected);
    }

    @Test
    void theLineCountsTheHostsAndIsAbsentWithNothingToRetryOrNoCommandLine() {
        List<String> args = List.of("play", "it's.yaml");
        assertThat(RetryHint.line(args, new RunRetry(RUN, List.of("a", "b"), Optional.empty()))).contains(
                "retry the 2 host(s) that did not finish: nodefix play 'it'\"'\"'s.yaml' --limit @" + RUN);
        assertThat(RetryHint.line(args, new RunRetry(RUN, List.of(), Optional.empty()))).isEmpty();
        assertThat(RetryHint.line(List.of(), new RunRetry(RUN, List.of("a"), Optional.empty()))).isEmpty();
    }

    @Test
    void aClusterHoldingTheLimitIsNotRewrittenAndHiddenSecretsAreNamed() {
        RunRetry retry = new RunRetry(RUN, List.of("a"), Optional.empty());
        assertThat(RetryHint.line(List.of("play", "site.yml", "-bl", "web"), retry)).contains(
                "retry the 1 host(s) that did not finish: run the same command with --limit @" + RUN + " in place of its -l");
        assertThat(RetryHint.line(List.of("play", "site.yml", "-e", "db_password=x"), retry)).hasValueSatisfying(
                l -> assertThat(l).doesNotContain("=x").endsWith("(give the <hidden> -e values again)"));
    }

    @Test
    void theRetryFileIsNamedForThePlaybookBesideItOrInTheSavePath() {
        assertThat(RetryFile.path(Optional.empty(), Path.of("/srv/pb/fix-vxlan.yaml")))
                .isEqualTo(Path.of("/srv/pb/fix-vxlan.retry"));
        assertThat(RetryFile.path(Optional.of(Path.of("/var/retry")), Path.of("/srv/pb/site.v2.yml")))
                .isEqualTo(Path.of("/var/retry/site.v2.retry"));
        assertThat(RetryFile.path(Optional.empty(), Path.of("/srv/.hidden"))).isEqualTo(Path.of("/srv/.hidden.retry"));
    }
}
