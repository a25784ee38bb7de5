package dev.nodefix.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Host ranges, expanded as Ansible's expand_hostname_range does (checked with ansible-inventory). */
class HostRangeTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            node[1:3]        | node1 node2 node3
            node[01:03]      | node01 node02 node03
            node[008:010]    | node008 node009 node010
            n[1:10:4]        | n1 n5 n9
            n[:2]            | n0 n1 n2
            x[a:c]y          | xay xby xcy
            x[y:B]           | xy xz xA xB
            x[a:e:2]         | xa xc xe
            r[1:2]-[a:b]     | r1-a r1-b r2-a r2-b
            10.0.0.[1:2]     | 10.0.0.1 10.0.0.2
            """)
    void expands(String pattern, String expected) {
        assertThat(HostRange.expand(pattern)).containsExactlyElementsOf(Arrays.asList(expected.split(" ")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            node[0:9999]        | 10000
            node[1:10000]       | 10000
            n[0:99][0:99]       | 10000
            """)
    void expandsUpToTheCap(String pattern, int count) {
        assertThat(HostRange.expand(pattern)).hasSize(count);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            node[5:1]      | is empty
            node[c:a]      | is empty
            node[a:5]      | numbers or single letters
            node[01:5]     | equal length
            node[1:]       | no end value
            node[1]        | begin:end or begin:end:step
            node[1:2:3:4]  | begin:end or begin:end:step
            node[1:3:0]    | must not be zero
            node[1:3       | [begin:end]
            node[0:99999999]        | more than 10000 hosts
            node[0:2147483647]      | more than 10000 hosts
            node[0:99][0:100]       | more than 10000 hosts
            n[0:9][0:9][0:9][0:9][0:9] | more than 10000 hosts
            node[0:10000]           | more than 10000 hosts
            """)
    void rejects(String pattern, String message) {
        assertThatThrownBy(() -> HostRange.expand(pattern)).isInstanceOf(HostRange.BadRange.class)
                .hasMessageContaining(message);
    }
}
