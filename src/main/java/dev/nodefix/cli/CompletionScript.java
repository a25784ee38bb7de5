package dev.nodefix.cli;

import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The completion scripts picocli generates from the whole command tree (every command and option, as {@code --help}
 * shows them). zsh runs the bash script through its bash completion emulation (bashcompinit), which the script
 * turns on itself when it finds itself in zsh.
 */
public final class CompletionScript {
    private CompletionScript() {}

    public static String bash(CommandLine root) {
        return AutoComplete.bash(root.getCommandName(), root);
    }

    public static String zsh(CommandLine root) {
        return "# zsh: load with `source <(" + root.getCommandName() + " completion zsh)` in ~/.zshrc;"
                + " the script turns on bashcompinit\n" + bash(root);
    }
}
