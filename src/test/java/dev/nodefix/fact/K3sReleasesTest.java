package dev.nodefix.fact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The k3s release table: each boundary of {@code fact/k3s-releases-cases.csv} reads as the table's sources say. */
class K3sReleasesTest {
    private static final K3sReleases RELEASES = K3sReleases.load();

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/fact/k3s-releases-cases.csv")
    void aReleaseCarriesWhatTheTableSays(String text, boolean unmark, boolean unguarded, boolean empty) {
        K3sRelease release = K3sRelease.parse(text).orElseThrow();
        assertThat(RELEASES.unmarkFix(release)).as("unmark fix").isEqualTo(unmark);
        assertThat(RELEASES.find(K3sReleases.FLANNEL_UNGUARDED, release)).as("flannel v0.20.1").matches(
                r -> r.isPresent() == unguarded);
        assertThat(RELEASES.find(K3sReleases.FLANNEL_POSTRTG_EMPTY, release)).as("7096").matches(
                r -> r.isPresent() == empty);
    }

    @Test
    void everyRowNamesAWebSource() {
        assertThat(RELEASES.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.source()).startsWith("https://"));
    }

    @Test
    void theVersionK3sPrintsIsARelease() {
        K3sVersion version = new K3sVersion(java.util.Optional.of("1.26.3"), java.util.Optional.of("rc2"),
                java.util.Optional.of("k3s1"), java.util.Optional.of("01ea3ff2"));
        assertThat(K3sRelease.of(version)).map(K3sRelease::toString).contains("v1.26.3-rc2+k3s1");
    }

    @Test
    void aRowWithoutSixFieldsIsRefused() {
        assertThatThrownBy(() -> K3sReleases.parse("unmark-fix\t1.16\tv1.16.13+k3s1\n"))
                .hasMessageContaining("6 tab-separated fields");
    }
}
