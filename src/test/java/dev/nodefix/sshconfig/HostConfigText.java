package dev.nodefix.sshconfig;

import dev.nodefix.inventory.Sourced;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An {@link SshHostConfig}'s effective values as {@code ssh -G} names and prints them, one
 * {@code keyword value} line each (IdentityFile and CertificateFile one line per file), each with its origin.
 */
record HostConfigText(String keyword, String value, String origin) {

    static List<HostConfigText> of(SshHostConfig c) {
        List<HostConfigText> out = new ArrayList<>();
        add(out, "hostname", c.effectiveHostName(), String::valueOf);
        add(out, "user", c.effectiveUser(), String::valueOf);
        add(out, "port", c.effectivePort(), String::valueOf);
        add(out, "identitiesonly", c.effectiveIdentitiesOnly(), b -> b ? "yes" : "no");
        c.identityAgent().ifPresent(a -> add(out, "identityagent", a, String::valueOf));
        c.proxyJump().filter(j -> !j.value().none()).ifPresent(j -> add(out, "proxyjump", j, ProxyJump::sshText));
        c.proxyCommand().ifPresent(p -> add(out, "proxycommand", p, String::valueOf));
        add(out, "userknownhostsfile", c.effectiveUserKnownHostsFiles(), HostConfigText::files);
        add(out, "globalknownhostsfile", c.effectiveGlobalKnownHostsFiles(), HostConfigText::files);
        add(out, "stricthostkeychecking", c.effectiveStrictHostKeyChecking(), StrictHostKeyChecking::sshName);
        out.add(c.connectTimeout().map(t -> new HostConfigText("connecttimeout",
                String.valueOf(t.value().toSeconds()), t.origin().toString()))
                .orElse(new HostConfigText("connecttimeout", "none", "default")));
        add(out, "serveraliveinterval", c.effectiveServerAliveInterval(), d -> String.valueOf(d.toSeconds()));
        c.effectiveIdentityFiles().forEach(f -> add(out, "identityfile", f, String::valueOf));
        c.certificateFiles().forEach(f -> add(out, "certificatefile", f, String::valueOf));
        return out;
    }

    private static <T> void add(List<HostConfigText> out, String keyword, Sourced<T> value, Function<T, String> text) {
        out.add(new HostConfigText(keyword, text.apply(value.value()), value.origin().toString()));
    }

    private static String files(List<String> files) {
        return files.isEmpty() ? "none" : String.join(" ", files);
    }
}
