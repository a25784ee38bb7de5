package dev.nodefix.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.inventory.Location;
import dev.nodefix.vault.Vaulted;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ExtraVars#decrypted}: every vaulted value, at any depth, and nothing else. */
class ExtraVarsDecryptTest {
    @Test
    void decryptsVaultedValuesInMappingsAndListsAndKeepsTheRest() {
        Location at = new Location("vars.yml", 1, 4);
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("token", new Vaulted("ENVELOPE-1", at));
        nested.put("plain", 7);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("top", new Vaulted("ENVELOPE-2", at));
        vars.put("nested", nested);
        vars.put("list", List.of("a", new Vaulted("ENVELOPE-3", at)));

        Map<String, Object> out = ExtraVars.decrypted(vars, v -> "plain:" + v.envelope());

        assertThat(out).containsEntry("top", "plain:ENVELOPE-2")
                .containsEntry("nested", Map.of("token", "plain:ENVELOPE-1", "plain", 7))
                .containsEntry("list", List.of("a", "plain:ENVELOPE-3"));
    }
}
