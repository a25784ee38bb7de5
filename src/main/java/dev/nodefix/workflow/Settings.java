package dev.nodefix.workflow;

/**
 * How a changing run goes, from the command line.
 *
 * @param check plan and show only ({@code --check}): nothing is confirmed, recorded or changed
 * @param yes apply without asking ({@code --yes})
 * @param breakLock take over node locks left behind by runs that died ({@code --break-lock})
 */
public record Settings(boolean check, boolean yes, boolean breakLock) {
}
