package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The flannel annotations of one Node object ({@code kubectl describe node}, {@code kubectl get node -o yaml} or
 * JSON): the backend flannel wrote when it last registered the node, its VTEP MAC and public IP. Weak evidence:
 * annotations outlive a disabled flannel (k3s kept or re-applied them with {@code --flannel-backend=none}), so they
 * tell what flannel once wrote, never that a VXLAN device exists now. A value the publisher elided ({@code ...}) is
 * not shown.
 *
 * @param node        the node's name when the output shows it ({@code Name:} of describe)
 * @param backendType {@code flannel.alpha.coreos.com/backend-type}
 * @param vtepMac     the {@code VtepMAC} in {@code backend-data}: written only by the vxlan backend
 * @param publicIp    {@code flannel.alpha.coreos.com/public-ip}
 * @param argsBackend the {@code --flannel-backend} in k3s's {@code k3s.io/node-args} annotation (what k3s was told
 *                    when it last registered the node; {@code --no-flannel} is {@code none})
 * @param lines       the annotation lines, as printed
 */
public record NodeAnnotations(Optional<String> node, Optional<String> backendType, Optional<String> vtepMac,
        Optional<String> publicIp, Optional<String> argsBackend, List<String> lines) {
    public static final String SECTION = "node-annotations";
    public static final Fact<NodeAnnotations> FACT = Fact.of(SECTION, NodeAnnotations::parse);

    private static final Pattern ANNOTATION = Pattern.compile(
            "\"?flannel\\.alpha\\.coreos\\.com/(backend-type|backend-data|public-ip)\"?\\s*[:=]\\s*(.*)");
    private static final Pattern VTEP = Pattern.compile("VtepMAC\\\\?\"?\\s*:\\s*\\\\?\"?([0-9A-Fa-f]{1,2}(?::[0-9A-Fa-f]{1,2}){4,5})");
    private static final Pattern NAME = Pattern.compile("Name:\\s+(\\S+)\\s*");
    private static final Pattern WRAPPED_KEY = Pattern.compile("\\s*(?:Annotations:\\s+)?[\\w.-]+/[\\w.-]+:\\s*");
    private static final Pattern NODE_ARGS = Pattern.compile("k3s\\.io/node-args\"?\\s*[:=].*?(?:--flannel-backend"
            + "(?:=|\\\\?\"\\s*,\\s*\\\\?\")([\\w-]+)|(--no-flannel)\\b)");

    public NodeAnnotations {
        lines = List.copyOf(lines);
    }

    static NodeAnnotations parse(Section section) {
        Optional<String> node = Optional.empty();
        Optional<String> type = Optional.empty();
        Optional<String> mac = Optional.empty();
        Optional<String> ip = Optional.empty();
        Optional<String> args = Optional.empty();
        List<String> used = new ArrayList<>();
        for (String line : unwrapped(section.status() == Section.Status.RAN ? section.lines() : List.of())) {
            Matcher name = NAME.matcher(line);
            Matcher a = ANNOTATION.matcher(line.strip().replaceFirst("^Annotations:\\s+", ""));
            Matcher nodeArgs = NODE_ARGS.matcher(line);
            if (nodeArgs.find()) {
                used.add(line.strip());
                args = Optional.of(nodeArgs.group(1) != null ? nodeArgs.group(1) : "none");
            } else if (name.matches() && node.isEmpty()) {
                node = Optional.of(name.group(1));
            } else if (a.matches()) {
                used.add(line.strip());
                String value = value(a.group(2));
                switch (a.group(1)) {
                    case "backend-type" -> type = Optional.of(value).filter(NodeAnnotations::shown);
                    case "public-ip" -> ip = Optional.of(value).filter(NodeAnnotations::shown);
                    default -> mac = Optional.of(VTEP.matcher(value)).filter(Matcher::find).map(m -> m.group(1));
                }
            }
        }
        return new NodeAnnotations(node, type, mac, ip, args, used);
    }

    /** {@code kubectl describe} prints a long value on the line after its key ({@code k3s.io/node-args:}): joined. */
    private static List<String> unwrapped(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (WRAPPED_KEY.matcher(line).matches() && i + 1 < lines.size() && indent(lines.get(i + 1)) > indent(line)) {
                out.add(line.stripTrailing() + " " + lines.get(++i).strip());
            } else {
                out.add(line);
            }
        }
        return out;
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }

    /** The value without YAML/JSON quoting, a trailing comma or a publisher's note ({@code <=====}). */
    private static String value(String raw) {
        String v = raw.strip().replaceFirst("\\s+<=+.*$", "").replaceFirst(",$", "").strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1);
        }
        return v.strip();
    }

    private static boolean shown(String value) {
        return !value.isEmpty() && !value.contains("...") && !value.matches("x+(?:\\.x+)*|<[^>]*>");
    }

    /** Whether the output shows any flannel annotation at all. */
    public boolean shown() {
        return !lines.isEmpty();
    }

    /** The backend the annotations name: backend-type, else vxlan when backend-data holds a VtepMAC. */
    public Optional<String> annotatedBackend() {
        return backendType.or(() -> vtepMac.map(m -> "vxlan"));
    }
}
