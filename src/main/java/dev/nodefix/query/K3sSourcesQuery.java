package dev.nodefix.query;

import dev.nodefix.fact.CollectorOutput;
import dev.nodefix.fact.CollectorScript;
import dev.nodefix.fact.K3sEffectiveConfig;
import dev.nodefix.transport.Command;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The k3s configuration as k3s reads it, and the files it comes from byte for byte: the collector's k3s sections
 * ({@link CollectorScript#k3sConfigOnly}: the unit and its drop-ins, env files, config.yaml, config.yaml.d and a
 * config file named elsewhere), then every file those sections name, as {@link Query.File} reads one. Only paths
 * that look like k3s's (a unit or drop-in, an env file, a YAML config file) are read exactly, so a line inside a
 * file that looks like a section header cannot make it read another file.
 */
public record K3sSourcesQuery(CollectorScript collector) implements Query {
    static final String FILES = "@@nodefix-k3s-files";

    /** Prints {@code @@file PATH}, the file as {@link Query.File} prints it, {@code @@rc N} for each file named. */
    private static final String DUMP = "nf_sections=$(nf_k3s_sections)\n"
            + "printf '%s\\n" + FILES + "\\n' \"$nf_sections\"\n"
            + "nf_ifs=$IFS; IFS=$NF_NL; set -f\n"
            + "for nf_l in $nf_sections; do\n"
            + "  case $nf_l in '# unit file: '*) nf_p=${nf_l#'# unit file: '} ;; '# file: '*) nf_p=${nf_l#'# file: '} ;; *) continue ;; esac\n"
            + "  case $nf_p in */k3s*.service|*/k3s*.service.d/*.conf|*/service.d/*.conf|*/k3s*.env|*/default/k3s*|*/sysconfig/k3s*"
            + "|*.[Yy][Aa][Mm][Ll]|*.[Yy][Mm][Ll]) ;; *) continue ;; esac\n"
            + "  printf '@@file %s\\n' \"$nf_p\"\n"
            + "  if [ -L \"$nf_p\" ]; then echo 'a symbolic link: nodefix changes regular files only'; nf_rc=3\n"
            + "  elif [ -f \"$nf_p\" ]; then stat -c '%a %U %G' \"$nf_p\" && base64 -w0 < \"$nf_p\"; nf_rc=$?\n"
            + "  elif [ -e \"$nf_p\" ]; then echo 'not a regular file'; nf_rc=3; else nf_rc=44; fi\n"
            + "  printf '\\n@@rc %s\\n' \"$nf_rc\"\n"
            + "done\n"
            + "IFS=$nf_ifs; set +f\n";

    public K3sSourcesQuery {
        Objects.requireNonNull(collector, "collector");
    }

    /** With the collector nodefix ships. */
    public static K3sSourcesQuery shipped() {
        return new K3sSourcesQuery(CollectorScript.load());
    }

    /** The sh text run by {@code /bin/sh -c} (NF_ROOT from the environment stands for / in tests). */
    public String text() {
        String sections = collector.k3sConfigOnly();
        int calls = sections.lastIndexOf("\nnf_file k3s-config ");
        return sections.substring(0, calls) + "\nnf_k3s_sections() {\n" + sections.substring(calls + 1) + "}\n" + DUMP;
    }

    @Override
    public String script() {
        return "/bin/sh -c " + Command.quote(text()) + " nodefix-k3s-sources </dev/null";
    }

    @Override
    public K3sSources parse(String output, int exitCode) {
        int split = output.indexOf("\n" + FILES + "\n");
        if (!output.contains("@@nodefix:section ") || split < 0) {
            throw new StateException("the k3s configuration read printed no sections (exit " + exitCode + "): "
                    + output.strip().lines().limit(3).reduce((a, b) -> a + " / " + b).orElse(""));
        }
        K3sEffectiveConfig config = K3sEffectiveConfig.from(CollectorOutput.split(output.substring(0, split + 1)));
        Map<String, FileState> files = new LinkedHashMap<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        String rest = output.substring(split + FILES.length() + 2);
        for (String record : rest.split("(?m)^@@file ")) {
            int nl = record.indexOf('\n');
            int rc = record.lastIndexOf("\n@@rc ");
            if (nl < 0 || rc < 0) {
                continue;
            }
            String path = record.substring(0, nl);
            String body = record.substring(nl + 1, rc);
            int code = Integer.parseInt(record.substring(rc + 6).strip());
            try {
                files.put(path, FileStateText.parse(path, body, code));
            } catch (StateException e) {
                unreadable.put(path, e.getMessage());
            }
        }
        return new K3sSources(config, files, unreadable);
    }

    /**
     * Whether this read holds the exact state {@code query} reads: a file of a name it reads exactly (a k3s unit or
     * drop-in, env file or YAML config file), when the k3s sections name it.
     */
    public boolean covers(Query query) {
        return query instanceof Query.File f && f.path().matches(".*/k3s[^/]*\\.service|.*/k3s[^/]*\\.service\\.d/[^/]*\\.conf"
                + "|.*/service\\.d/[^/]*\\.conf|.*/k3s[^/]*\\.env|.*/default/k3s[^/]*|.*/sysconfig/k3s[^/]*|(?i).*\\.ya?ml");
    }

    @Override
    public String toString() {
        return "K3sSourcesQuery[collector]";
    }
}
