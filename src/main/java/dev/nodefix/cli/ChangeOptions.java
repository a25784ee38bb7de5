package dev.nodefix.cli;

import picocli.CommandLine.Option;

/** {@code --check}, {@code --diff}, {@code --yes}: how a changing command shows and confirms its plan. */
public final class ChangeOptions {
    @Option(names = {"-C", "--check"}, description = "Show the plan and change nothing.")
    boolean check;

    @Option(names = {"-D", "--diff"}, description = "Show each change's diff (file content, mode, owner; feature states).")
    boolean diff;

    @Option(names = {"-y", "--yes"}, description = "Apply without asking. Without a terminal and without --yes nothing is changed.")
    boolean yes;

    @Option(names = "--break-lock", description = "Take over a node's lock left behind by a run that died (the old holder is named).")
    boolean breakLock;

    /** The same, confirmed ({@code --yes}) and applying: for a run the command makes itself (a rollback of a batch). */
    ChangeOptions confirmed() {
        ChangeOptions out = new ChangeOptions();
        out.diff = diff;
        out.yes = true;
        out.breakLock = breakLock;
        return out;
    }
}
