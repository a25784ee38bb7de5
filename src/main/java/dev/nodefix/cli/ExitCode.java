package dev.nodefix.cli;

/** Process exit codes, as Ansible's: scripts written for ansible keep working. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int HOST_FAILED = 2;
    public static final int HOST_UNREACHABLE = 4;

    private ExitCode() {}
}
