package dev.nodefix.inventory;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * A host's k3s role: variable {@code nodefix_role} if set; else membership (direct or through children)
 * of group {@code server} or {@code k3s_server} makes a server, of {@code agent} or {@code k3s_agent} an
 * agent; else unknown, and facts must tell.
 */
final class RoleResolver {
    Role resolve(Map<String, Object> vars, Collection<String> groups) {
        Object declared = vars.get("nodefix_role");
        if (declared != null) {
            return Role.valueOf(declared.toString().strip().toUpperCase(Locale.ROOT));
        }
        if (groups.contains("server") || groups.contains("k3s_server")) {
            return Role.SERVER;
        }
        if (groups.contains("agent") || groups.contains("k3s_agent")) {
            return Role.AGENT;
        }
        return Role.UNKNOWN;
    }
}
