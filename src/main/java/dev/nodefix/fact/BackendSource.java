package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The sections the flannel backend is read from, and the provenance of each way of knowing it. */
final class BackendSource {
    static final String NET_CONF = "/var/lib/rancher/k3s/agent/etc/flannel/net-conf.json";
    static final String CONFIG = "/etc/rancher/k3s/config.yaml";
    private static final Pattern TYPE = Pattern.compile("\"Type\"\\s*:\\s*\"[^\"]*\"");
    private static final Pattern SETTING = Pattern.compile(
            ".*(flannel-backend|FLANNEL_BACKEND|flannel with backend|Backend type|configuration for backend).*");
    /** Place name to its section and the command that shows it. */
    private static final Map<String, String[]> PLACES = Map.of(
            "net-conf.json", new String[] {"net-conf", "cat " + NET_CONF},
            "k3s journal", new String[] {"k3s-journal", "journalctl -u k3s -u k3s-agent"});

    private final CollectorOutput out;

    BackendSource(CollectorOutput out) {
        this.out = out;
    }

    /** The value was read at {@code place}: its line (a place not listed here is named as it is). */
    Provenance read(String place) {
        String[] where = PLACES.getOrDefault(place, new String[] {place, place});
        Section section = out.section(where[0]);
        List<String> line = section.lines().stream().map(this::quote).filter(l -> !l.isEmpty()).limit(1).toList();
        return Provenance.host(where[1], section, Provenance.Extent.COMPLETE,
                line.stream().map(l -> place + ": " + l).toList());
    }

    private String quote(String line) {
        Matcher type = TYPE.matcher(line);
        if (type.find()) {
            return type.group();
        }
        return SETTING.matcher(line).matches() ? line.strip() : "";
    }

    /** net-conf.json is not on the node (flannel has not started). */
    boolean netConfAbsent() {
        return out.section("net-conf").status() == Section.Status.ABSENT;
    }

    /** The configured value in force: the line that sets it. */
    Provenance configured(K3sEffectiveConfig.Setting setting) {
        Place p = setting.from().orElseThrow();
        Section section = out.section(p.section());
        String command = p.section().equals(SystemdUnit.SECTION)
                ? "systemctl cat " + p.file().replaceFirst(".*/", "").replaceFirst("\\.service.*", "")
                : "cat " + p.file();
        return Provenance.host(command, section, Provenance.Extent.COMPLETE,
                List.of(p.at() + ": flannel-backend " + setting.value().orElse("")));
    }

    Provenance defaulted() {
        return Provenance.host("cat " + CONFIG, out.section("k3s-config"), Provenance.Extent.COMPLETE,
                List.of("no net-conf.json yet, no flannel-backend in the k3s unit, its drop-ins or its config files:"
                        + " k3s's default vxlan"));
    }

    /** Nothing settles it: what is missing, with net-conf.json (what flannel runs) as the command to read. */
    Provenance open(K3sUnits units, K3sEffectiveConfig.Setting told) {
        Section netConf = out.section("net-conf");
        List<String> why = new ArrayList<>();
        Provenance.Extent extent = Provenance.notRun(netConf);
        if (netConf.status() == Section.Status.RAN) {
            why.add("net-conf.json: no Backend.Type read (" + (netConf.succeeded() ? "garbled" : "unreadable") + ")");
            extent = Provenance.Extent.UNREADABLE;
        } else if (netConf.status() == Section.Status.ABSENT) {
            why.add("net-conf.json: not on the node (flannel has not started)");
            extent = Provenance.Extent.NOT_COLLECTED;
        } else {
            why.add("net-conf.json: not collected");
        }
        if (units.role() == K3sUnits.Role.AGENT) {
            why.add("an agent: the servers decide the backend");
        } else if (units.units().isEmpty()) {
            Section unitSection = out.section("k3s-units");
            why.add(unitSection.succeeded() ? "no k3s unit found" : unitSection.status() == Section.Status.RAN
                    ? "a k3s unit could not be read" : "k3s units not collected");
        } else if (units.role() == K3sUnits.Role.UNKNOWN) {
            why.add("the k3s unit does not show server or agent");
        } else if (told.state() == K3sEffectiveConfig.State.CANNOT_TELL) {
            why.add("the configured backend cannot be told: " + told.why());
        } else {
            why.add("no net-conf.json to say what flannel runs");
        }
        return Provenance.host("cat " + NET_CONF, netConf, extent, why);
    }
}
