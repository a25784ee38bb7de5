package dev.nodefix.vault;

import dev.nodefix.secret.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A vault password printed by an executable password file, run as Ansible runs it: with no arguments, its
 * stdin and stderr the operator's (so it may prompt); or, for a client script (name ending in {@code -client}
 * before any extension), with {@code --vault-id LABEL} and stderr captured, exit code 2 meaning "no secret for
 * that id". Line breaks around stdout are dropped, as Ansible's {@code strip(b'\r\n')} drops them.
 *
 * @param label  the vault id before the {@code @} of the option that named the script; a client script is asked for it
 * @param client whether the script is a client script
 */
record PasswordScript(Path script, Optional<String> label, boolean client) implements PasswordSource {
    /** Exit code with which a client script says it has no secret for the vault id. */
    static final int UNKNOWN_VAULT_ID = 2;

    @Override
    public Secret load() {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        label.filter(id -> client).ifPresent(id -> command.addAll(List.of("--vault-id", id)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(Redirect.INHERIT)
                .redirectError(client ? Redirect.PIPE : Redirect.INHERIT);
        try {
            Process process = builder.start();
            CompletableFuture<String> stderr = client ? CompletableFuture.supplyAsync(() -> text(process.getErrorStream()))
                    : CompletableFuture.completedFuture("");
            byte[] stdout = process.getInputStream().readAllBytes();
            int code = process.waitFor();
            check(code, stderr.join().strip());
            return PasswordBytes.secret(stdout, PasswordBytes.NEWLINES,
                    "Invalid vault password was provided from script (" + script + ")");
        } catch (IOException e) {
            throw unavailable("could not run vault password script " + script + " (" + e.getMessage()
                    + "); if it is not a script, remove the executable bit from the file");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while running vault password script " + script);
        }
    }

    private void check(int code, String stderr) {
        String detail = stderr.isEmpty() ? "" : ": " + stderr;
        if (client && code == UNKNOWN_VAULT_ID) {
            throw unavailable("vault password client script " + script + " did not find a secret for vault-id="
                    + label.orElse("") + detail);
        }
        if (code != 0) {
            throw unavailable("vault password script " + script + " returned non-zero (" + code + ")" + detail);
        }
    }

    private static String text(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static VaultException unavailable(String message) {
        return new VaultException(VaultException.Reason.PASSWORD_UNAVAILABLE, message);
    }
}
