package dev.nodefix.report;

import dev.nodefix.connect.EffectiveConnection;
import dev.nodefix.inventory.Sourced;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nodefix inventory --host H --explain}: every connection setting of one host, its value and where it
 * came from (inventory or vars file line, ansible.cfg line, ssh config line, environment, option, default).
 */
public final class ConnectionExplanation {
    private record Row(String setting, String value, String origin) {}

    public String render(EffectiveConnection c) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("destination", c.destination()));
        rows.add(row("address", c.address()));
        rows.add(row("port", c.port()));
        rows.add(row("user", c.user()));
        c.identityFiles().forEach(k -> rows.add(row("identity file", k)));
        rows.add(row("identities only", yesNo(c.identitiesOnly())));
        rows.add(c.identityAgent().map(a -> row("identity agent", a))
                .orElse(new Row("identity agent", "$SSH_AUTH_SOCK", "default (the environment)")));
        rows.add(c.jump().map(j -> new Row("jump host", j.value().toString(), j.origin().toString()))
                .orElse(new Row("jump host", "none", "default")));
        c.userKnownHostsFiles().forEach(k -> rows.add(row("known hosts", k)));
        c.globalKnownHostsFiles().forEach(k -> rows.add(row("global known hosts", k)));
        rows.add(row("host key checking", c.hostKeyChecking()));
        rows.add(new Row("connect timeout", c.connectTimeout().value() + " s", c.connectTimeout().origin().toString()));
        rows.add(row("become", yesNo(c.become())));
        rows.add(row("become user", c.becomeUser()));
        return table(c.host(), rows);
    }

    private static Sourced<String> yesNo(Sourced<Boolean> flag) {
        return new Sourced<>(flag.value() ? "yes" : "no", flag.origin());
    }

    private static Row row(String setting, Sourced<?> value) {
        String shown = value.value() instanceof Path p ? p.toString() : String.valueOf(value.value());
        return new Row(setting, shown, value.origin().toString());
    }

    private static String table(String host, List<Row> rows) {
        int w1 = rows.stream().mapToInt(r -> r.setting().length()).max().orElse(0);
        int w2 = Math.min(48, rows.stream().mapToInt(r -> r.value().length()).max().orElse(0));
        StringBuilder out = new StringBuilder(host).append('\n');
        for (Row r : rows) {
            out.append("  ").append(pad(r.setting(), w1)).append("  ").append(pad(r.value(), w2))
                    .append("  ").append(r.origin()).append('\n');
        }
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
