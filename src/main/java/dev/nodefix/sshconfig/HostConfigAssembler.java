package dev.nodefix.sshconfig;

import dev.nodefix.inventory.Sourced;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the raw values of one host's pass into its {@link SshHostConfig}: HostName gets %h, path values get
 * ssh 9.2's client tokens ({@code %C %d %h %k %L %l %n %p %r %u %%}), {@code ~} and {@code ${VAR}}.
 */
record HostConfigAssembler(String host, Optional<String> commandLineUser, String localUser, String localHostName,
        Path home, Map<String, String> env) {

    SshHostConfig assemble(TakenValues taken) {
        Optional<Sourced<String>> hostName = taken.hostName.map(h -> new Sourced<>(new TokenExpander(
                Map.of('h', host), Map.of(), home).percent(h.value(), "hostname", h.origin())
                .toLowerCase(Locale.ROOT), h.origin()));
        SshHostConfig raw = new SshHostConfig(host, commandLineUser, localUser, home, hostName, taken.user,
                taken.port, taken.identityFiles, taken.identitiesOnly, taken.identityAgent, taken.proxyJump,
                taken.proxyCommand.filter(c -> !c.value().equalsIgnoreCase("none")), taken.userKnownHostsFiles,
                taken.globalKnownHostsFiles, taken.strictHostKeyChecking, taken.connectTimeout,
                taken.certificateFiles, taken.serverAliveInterval);
        TokenExpander expander = new TokenExpander(tokens(raw, taken), env, home);
        return new SshHostConfig(host, commandLineUser, localUser, home, hostName, taken.user, taken.port,
                paths(expander, "identityfile", taken.identityFiles), taken.identitiesOnly,
                taken.identityAgent.map(a -> expand(expander, "identityagent", a)), taken.proxyJump,
                raw.proxyCommand(), taken.userKnownHostsFiles.map(f -> new Sourced<>(f.value().stream()
                        .map(v -> expander.path(v, "userknownhostsfile", f.origin())).toList(), f.origin())),
                taken.globalKnownHostsFiles, taken.strictHostKeyChecking, taken.connectTimeout,
                paths(expander, "certificatefile", taken.certificateFiles), taken.serverAliveInterval);
    }

    private Map<Character, String> tokens(SshHostConfig raw, TakenValues taken) {
        String h = raw.effectiveHostName().value();
        String p = String.valueOf(raw.effectivePort().value());
        String r = raw.effectiveUser().value();
        String shortHost = localHostName.contains(".")
                ? localHostName.substring(0, localHostName.indexOf('.')) : localHostName;
        String alias = taken.hostKeyAlias.map(a -> a.value().toLowerCase(Locale.ROOT)).orElse(host);
        return Map.of('C', sha1(localHostName + h + p + r), 'd', home.toString(), 'h', h, 'k', alias,
                'L', shortHost, 'l', localHostName, 'n', host, 'p', p, 'r', r, 'u', localUser);
    }

    private static List<Sourced<String>> paths(TokenExpander expander, String keyword, List<Sourced<String>> values) {
        return values.stream().map(v -> expand(expander, keyword, v)).toList();
    }

    private static Sourced<String> expand(TokenExpander expander, String keyword, Sourced<String> value) {
        return new Sourced<>(expander.path(value.value(), keyword, value.origin()), value.origin());
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
