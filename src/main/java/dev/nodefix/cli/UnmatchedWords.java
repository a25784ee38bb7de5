package dev.nodefix.cli;

import dev.nodefix.inventory.DidYouMean;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The message for a word picocli could not place: an unknown command or option, with the command or option it is
 * most likely a typo of ({@code nodefix pign}: did you mean 'ping'?).
 */
final class UnmatchedWords {
    private UnmatchedWords() {}

    static String message(CommandLine.UnmatchedArgumentException ex) {
        List<String> unmatched = ex.getUnmatched();
        if (unmatched.isEmpty()) {
            return ex.getMessage();
        }
        CommandSpec spec = ex.getCommandLine().getCommandSpec();
        String word = unmatched.get(0);
        if (word.startsWith("-")) {
            String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            List<String> options = new ArrayList<>();
            spec.options().stream().filter(o -> !o.hidden()).forEach(o -> options.addAll(List.of(o.names())));
            return "unknown option '" + name + "' for " + spec.qualifiedName() + DidYouMean.hint(name, options);
        }
        if (!spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty()) {
            return "unknown command '" + word + "'" + DidYouMean.hint(word, spec.subcommands().keySet());
        }
        return ex.getMessage();
    }
}
