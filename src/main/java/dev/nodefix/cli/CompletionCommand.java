package dev.nodefix.cli;

import dev.nodefix.report.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nodefix completion bash|zsh}: the completion script picocli generates from the whole command tree (every
 * command and option, as {@code --help} shows them). zsh runs the same script through its bash completion emulation
 * (bashcompinit), which the script turns on itself.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a bash or zsh completion script for nodefix.",
                "Load it for this shell, or install it for every new one:",
                "  source <(nodefix completion bash)",
                "  nodefix completion bash > ~/.local/share/bash-completion/completions/nodefix",
                "  source <(nodefix completion zsh)",
                "zsh completes through its bash completion emulation (bashcompinit), which the script loads: put the"
                + " source line in ~/.zshrc."})
public final class CompletionCommand implements Callable<Integer> {
    /** The shells a script is made for. */
    enum Shell { bash, zsh }

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final CliContext ctx;

    public CompletionCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        ctx.out().print(script(root, shell));
        ctx.out().flush();
        return ExitCode.OK;
    }

    /** The script for {@code shell} over the command tree under {@code root}. */
    static String script(CommandLine root, Shell shell) {
        return switch (shell) {
            case bash -> CompletionScript.bash(root);
            case zsh -> CompletionScript.zsh(root);
        };
    }
}
