package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.report.ExitCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An unknown command or option is a usage error that names the command or option it is likely a typo of. */
class UsageSuggestionTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            pign                        | nodefix: unknown command 'pign' (did you mean 'ping'?)
            dagnose                     | nodefix: unknown command 'dagnose' (did you mean 'diagnose'?)
            rollbak --last              | nodefix: unknown command 'rollbak' (did you mean 'rollback'?)
            run --limt web -a true      | nodefix: unknown option '--limt' for nodefix run (did you mean '--limit'?)
            play fix-vxlan-checksum --dif | nodefix: unknown option '--dif' for nodefix play (did you mean '--diff'?)
            diagnose --taget=1.2.3.4:80 | nodefix: unknown option '--taget' for nodefix diagnose (did you mean '--target'?)
            frobnicate                  | nodefix: unknown command 'frobnicate'
            ping --colour-me-pink       | nodefix: unknown option '--colour-me-pink' for nodefix ping
            """)
    void theLikelyWordIsSuggested(String args, String firstLine) {
        CliRunner.Result r = new CliRunner().run(args.split(" "));

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err().lines().findFirst()).as(r.toString()).hasValue(firstLine);
        assertThat(r.err()).contains("Try 'nodefix");
    }
}
