package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.module.Module;
import dev.nodefix.modules.BuiltinModules;
import dev.nodefix.report.ExitCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code nodefix modules [MODULE]}: the registry's modules, one line each, and one module's arguments. */
class ModulesCommandTest {
    @Test
    void listsEveryModuleOfTheRegistryOnOneLine() {
        CliRunner.Result r = new CliRunner().run("modules");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<Module<?>> modules = BuiltinModules.registry().all();
        List<String> lines = r.out().lines().skip(1).toList();
        assertThat(lines).hasSize(modules.size());
        for (int i = 0; i < modules.size(); i++) {
            assertThat(lines.get(i)).startsWith("  " + modules.get(i).name() + " ").endsWith(modules.get(i).description());
        }
    }

    @Test
    void oneModuleShowsItsArguments() {
        CliRunner.Result r = new CliRunner().run("modules", "ethtool");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("usage: nodefix run -m ethtool -a 'KEY=VALUE ...'")
                .contains("ARGUMENT", "iface ", "features.NAME", "(required)");
    }

    @Test
    void anUnknownModuleIsAnInputErrorWithASuggestion() {
        CliRunner.Result r = new CliRunner().run("modules", "ethtol");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("no such module (did you mean 'ethtool'?)");
    }

    @Test
    void theRunHelpPointsAtACommandThatExists() {
        assertThat(new CliRunner().run("run", "--help").out()).contains("see `nodefix modules`");
        assertThat(new CliRunner().run("modules", "--help").exitCode()).isZero();
    }
}
