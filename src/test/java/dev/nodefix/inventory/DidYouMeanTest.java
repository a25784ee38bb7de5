package dev.nodefix.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    private static final List<String> SECTIONS = List.of("hosts", "vars", "children");

    @Test
    void suggestsTheClosestCandidateForATypo() {
        assertThat(DidYouMean.closest("chlidren", SECTIONS)).contains("children");
        assertThat(DidYouMean.closest("host", SECTIONS)).contains("hosts");
        assertThat(DidYouMean.closest("ansible_hots", List.of("ansible_port", "ansible_host"))).contains("ansible_host");
        assertThat(DidYouMean.hint("var", SECTIONS)).isEqualTo(" (did you mean 'vars'?)");
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertThat(DidYouMean.closest("ansible_user", SECTIONS)).isEmpty();
        assertThat(DidYouMean.closest("hosts", SECTIONS)).isEmpty();
        assertThat(DidYouMean.hint("zzz", SECTIONS)).isEmpty();
    }

    @Test
    void swapsCountAsOneEdit() {
        assertThat(DidYouMean.distance("hots", "host")).isEqualTo(1);
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
    }
}
