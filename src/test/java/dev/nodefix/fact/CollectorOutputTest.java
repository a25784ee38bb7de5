package dev.nodefix.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Splitting the collector's framed output into sections. */
class CollectorOutputTest {
    @Test
    void splitsSectionsWithTheirExitCodesAndDropsTheFramingNewline() {
        CollectorOutput out = CollectorOutput.split("""
                @@nodefix:section kernel@@
                6.1.0-18-amd64

                @@nodefix:end kernel rc=0@@
                @@nodefix:section flannel-postrtg@@
                iptables: No chain/target/match by that name.

                @@nodefix:end flannel-postrtg rc=1@@
                """);

        assertThat(out.section("kernel")).isEqualTo(Section.ran("kernel", 0, List.of("6.1.0-18-amd64")));
        assertThat(out.section("flannel-postrtg").exitCode()).isEqualTo(Optional.of(1));
    }

    @Test
    void outputWithoutATrailingNewlineKeepsItsLastLine() {
        CollectorOutput out = CollectorOutput.split("@@nodefix:section net-conf@@\n{\"Network\":\"10.42.0.0/16\"}\n"
                + "@@nodefix:end net-conf rc=0@@\n");

        assertThat(out.section("net-conf").lines()).containsExactly("{\"Network\":\"10.42.0.0/16\"}");
    }

    @Test
    void anAbsentToolIsAnAbsentSection() {
        CollectorOutput out = CollectorOutput.split("@@nodefix:section ethtool-features@@\n\n"
                + "@@nodefix:end ethtool-features absent@@\n");

        assertThat(out.section("ethtool-features").status()).isEqualTo(Section.Status.ABSENT);
    }

    @Test
    void aSectionNeverPrintedIsMissing() {
        assertThat(CollectorOutput.split("").section("kernel").status()).isEqualTo(Section.Status.MISSING);
    }

    @Test
    void truncatedOutputLeavesTheCutSectionMissingAndKeepsTheCompleteOnes() {
        CollectorOutput out = CollectorOutput.split("""
                @@nodefix:section kernel@@
                6.1.0-18-amd64

                @@nodefix:end kernel rc=0@@
                @@nodefix:section os-release@@
                PRETTY_NAME="Debian GNU/Linu""");

        assertThat(out.section("kernel").succeeded()).isTrue();
        assertThat(out.section("os-release").status()).isEqualTo(Section.Status.MISSING);
    }

    @Test
    void noiseOutsideSectionsAndAMismatchedEndAreIgnored() {
        CollectorOutput out = CollectorOutput.split("""
                Welcome to Ubuntu 22.04 LTS
                @@nodefix:section kernel@@
                @@nodefix:end uname rc=0@@
                5.15.0-91-generic

                @@nodefix:end kernel rc=0@@
                """);

        assertThat(out.section("kernel").lines()).containsExactly("@@nodefix:end uname rc=0@@", "5.15.0-91-generic");
        assertThat(out.sections()).containsOnlyKeys("kernel");
    }
}
