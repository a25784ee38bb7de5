package dev.nodefix.fact;

/**
 * A line of a file on the node, and the collector section it was read from.
 *
 * @param line 1-based; 0 when the section does not tell the line (an older collector printed only the
 *             {@code ExecStart} lines of a unit)
 */
public record Place(String file, int line, String section) {
    /** {@code /etc/rancher/k3s/config.yaml:3}, or the file alone when its line is not known. */
    public String at() {
        return line > 0 ? file + ":" + line : file;
    }
}
