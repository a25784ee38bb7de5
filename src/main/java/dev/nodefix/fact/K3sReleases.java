package dev.nodefix.fact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Which k3s releases carry the kube-proxy unmark fix, flannel's unguarded FLANNEL-POSTRTG (v0.20.0-v0.20.1), or
 * flannel's empty FLANNEL-POSTRTG on hosts without {@code --random-fully} (k3s issue 7096): the table in
 * {@code k3s-releases.tsv} beside this class, each row with its source.
 */
public record K3sReleases(List<Row> rows) {
    /** What a range of one k3s line carries. {@code until} is the first release without it (empty: still there). */
    public record Row(String what, String line, K3sRelease from, Optional<K3sRelease> until, String meaning,
                      String source) {
        public boolean covers(K3sRelease release) {
            return release.line().equals(line) && release.compareTo(from) >= 0
                    && until.map(u -> release.compareTo(u) < 0).orElse(true);
        }
    }

    public static final String UNMARK_FIX = "unmark-fix";
    public static final String FLANNEL_UNGUARDED = "flannel-unguarded";
    public static final String FLANNEL_POSTRTG_EMPTY = "flannel-postrtg-empty";

    public K3sReleases {
        rows = List.copyOf(rows);
    }

    public static K3sReleases load() {
        try (InputStream in = K3sReleases.class.getResourceAsStream("k3s-releases.tsv")) {
            if (in == null) {
                throw new IllegalStateException("k3s-releases.tsv is missing from the nodefix jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read k3s-releases.tsv", e);
        }
    }

    static K3sReleases parse(String text) {
        return new K3sReleases(text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(K3sReleases::row)
                .toList());
    }

    private static Row row(String line) {
        String[] f = line.split("\t");
        if (f.length != 6) {
            throw new IllegalStateException("k3s-releases.tsv: 6 tab-separated fields expected: " + line);
        }
        K3sRelease from = K3sRelease.parse(f[2]).orElseThrow(() -> new IllegalStateException("bad release " + f[2]));
        return new Row(f[0], f[1], from, "-".equals(f[3]) ? Optional.empty() : K3sRelease.parse(f[3]), f[4], f[5]);
    }

    /** The row of {@code what} covering {@code release}, if one does. */
    public Optional<Row> find(String what, K3sRelease release) {
        return rows.stream().filter(r -> r.what().equals(what) && r.covers(release)).findFirst();
    }

    /** Whether kube-proxy of {@code release} has the unmark fix: Kubernetes 1.16.13, 1.17.9, 1.18.6, 1.19 and later. */
    public boolean unmarkFix(K3sRelease release) {
        return release.major() > 1 || release.minor() >= 19 || find(UNMARK_FIX, release).isPresent();
    }
}
