package dev.nodefix.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Host patterns over inventory/valid/lab-patterns.yaml. Each expected set was checked against
 * {@code ansible -i lab-patterns.yaml PATTERN --list-hosts}; nodefix lists the hosts in inventory order
 * (the order of {@code ansible all --list-hosts}: bastion edge-1.example.org labn03 labn01 labn02 labn04).
 */
class HostPatternTest {
    private static Inventory inventory;

    @BeforeAll
    static void parse() throws URISyntaxException {
        Path file = Path.of(HostPatternTest.class.getResource("/inventory/valid/lab-patterns.yaml").toURI());
        inventory = new InventoryParser(Path.of("/home/test")).parse(file);
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            ''                              | bastion edge-1.example.org labn03 labn01 labn02 labn04
            all                             | bastion edge-1.example.org labn03 labn01 labn02 labn04
            '*'                             | bastion edge-1.example.org labn03 labn01 labn02 labn04
            labn01                          | labn01
            server                          | labn01
            agent                           | labn03 labn02 labn04
            labn0*                          | labn03 labn01 labn02 labn04
            '*agent*'                       | labn03 labn02 labn04
            ~labn0[12]                      | labn01 labn02
            ~.*0[34]$                       | labn03 labn04
            ~^edge                          | edge-1.example.org labn03
            '*.example.org'                 | edge-1.example.org
            edge-1.example.org              | edge-1.example.org
            ungrouped                       | bastion
            server:agent                    | labn03 labn01 labn02 labn04
            'server,edge'                   | edge-1.example.org labn03 labn01
            'labn01, labn02'                | labn01 labn02
            gpu_agent:labn01                | labn01 labn04
            agent:&edge                     | labn03
            &edge                           | edge-1.example.org labn03
            k3s_cluster:!gpu_agent          | labn03 labn01 labn02
            agent:!labn03                   | labn02 labn04
            !server                         | bastion edge-1.example.org labn03 labn02 labn04
            all:!k3s_cluster                | bastion edge-1.example.org
            '!gpu_agent:k3s_cluster:&agent' | labn03 labn02
            agent[0]                        | labn02
            agent[1:]                       | labn03 labn04
            agent[-1]                       | labn04
            """)
    void selects(String pattern, String expected) {
        List<String> selected = inventory.select(pattern).stream().map(Host::name).toList();
        assertThat(selected).containsExactlyElementsOf(Arrays.asList(expected.split(" ")));
    }

    @Test
    void aTermThatMatchesNothingIsAnErrorWithASuggestion() {
        assertThatThrownBy(() -> inventory.select("sever"))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("'sever' matches no host or group")
                .hasMessageContaining("did you mean 'server'?");
        assertThatThrownBy(() -> inventory.select("agent:!labn3"))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("'labn3' in host pattern 'agent:!labn3' matches no host or group")
                .hasMessageContaining("did you mean 'labn0");
    }

    @Test
    void aPatternThatSelectsNoHostIsAnError() {
        assertThatThrownBy(() -> inventory.select("server:&edge"))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("host pattern 'server:&edge' selects no hosts");
    }

    @Test
    void aSubscriptPastTheEndIsAnError() {
        assertThatThrownBy(() -> inventory.select("agent[7]"))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("subscripted pattern 'agent[7]'");
    }

    @Test
    void aBadRegexIsAnError() {
        assertThatThrownBy(() -> inventory.select("~labn("))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("invalid host pattern '~labn('");
    }

    @Test
    void colonsInsideAnIpv6AddressDoNotSplitThePattern() {
        assertThat(PatternSplitter.split("2001:db8::1")).containsExactly(PatternTerm.of("2001:db8::1"));
        assertThat(PatternSplitter.split("a:!b:&c:d"))
                .containsExactly(PatternTerm.of("a"), PatternTerm.of("d"), PatternTerm.of("&c"), PatternTerm.of("!b"));
    }
}
