package dev.nodefix.cli;

import java.util.Stack;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --force[=controller|nodes]}: bare, it restores what changed since the run (conflicts); with a value it also
 * says which journal to trust when they disagree. A run id after a bare {@code --force} stays the run id.
 */
final class RollbackForce implements CommandLine.IParameterConsumer {
    static final String CONFLICTS = "conflicts";

    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
        String next = args.isEmpty() ? null : args.peek();
        if (next == null || next.startsWith("-") || dev.nodefix.journal.RunId.looksLike(next)) {
            argSpec.setValue(CONFLICTS);
            return;
        }
        args.pop();
        if (!next.equals("controller") && !next.equals("nodes")) {
            throw new CommandLine.ParameterException(commandSpec.commandLine(),
                    "--force takes controller or nodes (which journal to trust), or nothing; got '" + next + "'");
        }
        argSpec.setValue(next);
    }
}
