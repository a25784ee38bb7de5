package dev.nodefix.cli;

import dev.nodefix.ansiblecfg.AnsibleConfigException;
import dev.nodefix.connect.SetupException;
import dev.nodefix.inventory.InputException;
import dev.nodefix.inventory.InventoryException;
import dev.nodefix.journal.JournalException;
import dev.nodefix.module.ArgException;
import dev.nodefix.report.ExitCode;
import dev.nodefix.report.Style;
import dev.nodefix.report.UntrustedText;
import dev.nodefix.sshconfig.SshConfigException;
import dev.nodefix.vault.VaultException;
import java.lang.reflect.Constructor;
import java.util.List;
import picocli.CommandLine;

/**
 * Builds the picocli command tree over a {@link CliContext} and maps every failure to a message and an
 * exit code. This is the one place exceptions become user-visible text.
 */
public final class Cli {
    private final CliContext ctx;
    private final List<Class<?>> more;

    /**
     * @param more commands the composition root adds after this package's own (the shell, which runs this tree's
     *             commands); each is created with the context when it has a constructor taking one
     */
    public Cli(CliContext ctx, List<Class<?>> more) {
        this.ctx = ctx;
        this.more = List.copyOf(more);
    }

    public CommandLine commandLine() {
        CommandLine cl = new CommandLine(NodefixCommand.class, new ContextFactory(ctx));
        more.forEach(cl::addSubcommand);
        cl.addSubcommand(new CommandLine.HelpCommand());
        cl.setHelpFactory(WordWrappedHelp.factory()); // help lines break at spaces, never inside ansible.cfg
        // help in colour under the same rule as every report: a terminal, no non-empty NO_COLOR, no TERM=dumb
        boolean color = Style.choose(false, ctx.env(), ctx.interactive()) == Style.COLOR;
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(color ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        cl.setExpandAtFiles(false); // -e @vars.yml is ansible-playbook's, not a picocli argument file
        cl.setParameterExceptionHandler(this::usageError);
        cl.setExecutionExceptionHandler(this::executionError);
        return cl;
    }

    public int execute(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].indexOf('\uFFFD') >= 0) {
                return undecodable(i, args);
            }
        }
        return commandLine().execute(args);
    }

    /**
     * The JVM decodes arguments with the locale's charset and turns bytes it cannot decode into U+FFFD, silently;
     * a value changed that way must not reach a node, so such an argument is refused.
     */
    private int undecodable(int index, String[] args) {
        String option = index > 0 && args[index - 1].startsWith("-") ? args[index - 1] + " " : "";
        ctx.err().println("nodefix: error: argument " + (index + 1) + " (" + option + "'" + UntrustedText.name(args[index])
                + "') holds bytes that are not valid " + System.getProperty("sun.jnu.encoding", "UTF-8")
                + " text, which the JVM replaced with U+FFFD; pass UTF-8 text under a UTF-8 locale"
                + " (LC_ALL=C.UTF-8 for example)");
        ctx.err().flush();
        return ExitCode.USAGE;
    }

    private int usageError(CommandLine.ParameterException ex, String[] args) {
        ctx.err().println("nodefix: " + (ex instanceof CommandLine.UnmatchedArgumentException unmatched
                ? UnmatchedWords.message(unmatched) : ex.getMessage()));
        ctx.err().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        ctx.err().flush();
        return ExitCode.USAGE;
    }

    private int executionError(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        if (isInputError(ex)) {
            ctx.err().println("nodefix: error: " + UntrustedText.output(String.valueOf(ex.getMessage())));
        } else {
            ctx.err().println("nodefix: internal error: " + UntrustedText.output(ex.toString()));
            if (ctx.env().containsKey("NODEFIX_DEBUG")) {
                ex.printStackTrace(ctx.err());
            } else {
                ctx.err().println("(set NODEFIX_DEBUG=1 for the stack trace)");
            }
        }
        ctx.err().flush();
        return ExitCode.USAGE;
    }

    /** Bad input (an inventory, ansible.cfg, ssh config, vault, module argument or journal problem): exit 1, no trace. */
    private static boolean isInputError(Exception ex) {
        return ex instanceof InventoryException || ex instanceof InputException || ex instanceof IllegalArgumentException
                || ex instanceof ArgException || ex instanceof JournalException || ex instanceof AnsibleConfigException
                || ex instanceof SshConfigException || ex instanceof VaultException || ex instanceof SetupException;
    }

    /** Creates command objects with the context injected; everything else the default way. */
    private static final class ContextFactory implements CommandLine.IFactory {
        private final CliContext ctx;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        ContextFactory(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            for (Constructor<?> c : cls.getDeclaredConstructors()) {
                if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == CliContext.class) {
                    return cls.cast(c.newInstance(ctx));
                }
            }
            return fallback.create(cls);
        }
    }
}
