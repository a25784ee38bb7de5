package dev.nodefix.cli;

import dev.nodefix.workflow.Confirm;

/** Asks on the terminal; without one (and so without --yes) the answer is no, and says so. */
record TerminalConfirm(CliContext ctx) implements Confirm {
    @Override
    public boolean ask(String question) {
        if (!ctx.interactive()) {
            ctx.err().println("nothing changed: " + question.replace("?", "") + " needs confirmation; there is no"
                    + " terminal to ask on, so pass --yes (or --check to only look)");
            ctx.err().flush();
            return false;
        }
        if (!ctx.confirm().test(question)) {
            ctx.err().println("nothing changed");
            ctx.err().flush();
            return false;
        }
        return true;
    }
}
