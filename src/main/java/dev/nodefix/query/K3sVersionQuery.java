package dev.nodefix.query;

import dev.nodefix.fact.K3sVersion;
import dev.nodefix.fact.Section;

/**
 * {@code k3s --version}: the node's k3s release, for a module whose arguments only some releases take (a flannel
 * backend). An unknown version (k3s not on the PATH, garbled output) is a value with no version, never an error.
 */
public record K3sVersionQuery() implements Query {
    @Override
    public String script() {
        return "PATH=/usr/local/bin:/usr/bin:/bin:$PATH k3s --version 2>&1";
    }

    @Override
    public K3sVersion parse(String output, int exitCode) {
        return K3sVersion.FACT.parse(Section.ran("k3s-version", exitCode, output.lines().toList()));
    }
}
