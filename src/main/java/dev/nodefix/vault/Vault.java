package dev.nodefix.vault;

import dev.nodefix.secret.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decrypts {@code !vault} values and vault-encrypted files with the vault passwords the operator gave, as
 * Ansible's {@code VaultLib.decrypt} does: the passwords whose vault id matches the envelope's (a 1.1 envelope
 * has the default id) are tried first, then, unless ANSIBLE_VAULT_ID_MATCH is set, all others in the order
 * given; the first whose HMAC matches decrypts. A password is read, run or asked only when a decryption first
 * needs it, once; derived keys are kept per password and salt. Failures are {@link VaultException}s at the
 * value's location. Safe to share between threads.
 */
public final class Vault implements Function<Vaulted, String> {
    private final List<VaultIdentity> identities;
    private final String defaultId;
    private final boolean idMatch;
    private final Map<Integer, Secret> passwords = new HashMap<>();
    private final Map<Integer, VaultException> unavailable = new LinkedHashMap<>();
    private final Map<String, Aes256Keys> keys = new HashMap<>();

    Vault(List<VaultIdentity> identities, String defaultId, boolean idMatch) {
        this.identities = List.copyOf(identities);
        this.defaultId = defaultId;
        this.idMatch = idMatch;
    }

    /** A vault with no passwords: every decryption fails, naming the options that would give one. */
    public static Vault withoutPasswords() {
        return new Vault(List.of(), VaultConfig.DEFAULT_ID, false);
    }

    /** The plaintext of a vaulted value (UTF-8 text, as Ansible returns it). */
    @Override
    public synchronized String apply(Vaulted vaulted) {
        try {
            return decrypt(Envelope.parse(vaulted.envelope()));
        } catch (VaultException e) {
            throw e.at(vaulted.location());
        }
    }

    private String decrypt(Envelope envelope) {
        if (identities.isEmpty()) {
            throw new VaultException(VaultException.Reason.NO_PASSWORD, "value is vaulted; give --vault-password-file,"
                    + " --vault-id or --ask-vault-pass (or set ANSIBLE_VAULT_PASSWORD_FILE)");
        }
        String target = envelope.label().orElse(defaultId);
        List<Integer> tried = new ArrayList<>();
        for (int i : candidates(target)) {
            Optional<Secret> password = password(i);
            if (password.isEmpty()) {
                continue;
            }
            tried.add(i);
            Optional<byte[]> plaintext = keys(i, password.get(), envelope.salt()).open(envelope);
            if (plaintext.isPresent()) {
                return text(plaintext.get());
            }
        }
        throw failure(target, tried);
    }

    /** Indexes of the identities to try: those with the envelope's id, then (unless idMatch) the others. */
    private List<Integer> candidates(String target) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < identities.size(); i++) {
            if (identities.get(i).id().equals(target)) {
                order.add(i);
            }
        }
        for (int i = 0; i < identities.size() && !idMatch; i++) {
            if (!identities.get(i).id().equals(target)) {
                order.add(i);
            }
        }
        return order;
    }

    private Optional<Secret> password(int i) {
        if (!passwords.containsKey(i) && !unavailable.containsKey(i)) {
            try {
                passwords.put(i, identities.get(i).source().load());
            } catch (VaultException e) {
                unavailable.put(i, e);
            }
        }
        return Optional.ofNullable(passwords.get(i));
    }

    private Aes256Keys keys(int i, Secret password, byte[] salt) {
        return keys.computeIfAbsent(i + "/" + HexFormat.of().formatHex(salt), k -> Aes256Keys.derive(password, salt));
    }

    private VaultException failure(String target, List<Integer> tried) {
        String why = unavailable.values().stream().map(Throwable::getMessage).collect(Collectors.joining("; "));
        if (tried.isEmpty() && !unavailable.isEmpty()) {
            return new VaultException(VaultException.Reason.PASSWORD_UNAVAILABLE, "no vault password could be had: " + why);
        }
        if (tried.isEmpty()) {
            return new VaultException(VaultException.Reason.NO_SECRET_DECRYPTS, "Decryption failed: no vault password"
                    + " has vault id '" + target + "' and ANSIBLE_VAULT_ID_MATCH allows no other");
        }
        String ids = tried.stream().map(i -> identities.get(i).id()).distinct().collect(Collectors.joining(", "));
        return new VaultException(VaultException.Reason.NO_SECRET_DECRYPTS, "Decryption failed (no vault secrets would"
                + " decrypt; tried vault ids: " + ids + (why.isEmpty() ? "" : "; unavailable: " + why) + ")");
    }

    private static String text(byte[] plaintext) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(plaintext)).toString();
        } catch (CharacterCodingException e) {
            throw new VaultException(VaultException.Reason.MALFORMED, "the decrypted value is not UTF-8 text");
        }
    }

    @Override
    public String toString() {
        return "Vault" + identities.stream().map(VaultIdentity::id).toList();
    }
}
