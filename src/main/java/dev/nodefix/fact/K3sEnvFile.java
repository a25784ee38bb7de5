package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One env file of the collector's {@code k3s-env} section: its {@code NAME=value} lines with their line numbers, or
 * that it is not there ({@code # absent:}) or could not be read ({@code # unreadable:}).
 */
record K3sEnvFile(String path, List<SystemdUnit.Assignment> vars, boolean absent, boolean unreadable) {
    K3sEnvFile {
        vars = List.copyOf(vars);
    }

    static List<K3sEnvFile> parse(Section section) {
        List<K3sEnvFile> files = new ArrayList<>();
        if (section.status() != Section.Status.RAN) {
            return files;
        }
        String path = null;
        List<SystemdUnit.Assignment> vars = new ArrayList<>();
        int line = 0;
        for (String l : section.lines()) {
            if (l.startsWith("# file: ") || l.startsWith("# absent: ") || l.startsWith(Section.UNREADABLE)) {
                if (path != null) {
                    files.add(new K3sEnvFile(path, vars, false, false));
                }
                path = null;
                vars = new ArrayList<>();
                line = 0;
                String named = l.substring(l.indexOf(": ") + 2).strip();
                if (l.startsWith("# file: ")) {
                    path = named;
                } else {
                    files.add(new K3sEnvFile(named, List.of(), l.startsWith("# absent: "), !l.startsWith("# absent: ")));
                }
                continue;
            }
            line++;
            if (path != null) {
                for (Map.Entry<String, String> e : ShellAssignments.parse(List.of(l)).entrySet()) {
                    vars.add(new SystemdUnit.Assignment(e.getKey(), e.getValue(), new Place(path, line, "k3s-env")));
                }
            }
        }
        if (path != null) {
            files.add(new K3sEnvFile(path, vars, false, false));
        }
        return files;
    }
}
