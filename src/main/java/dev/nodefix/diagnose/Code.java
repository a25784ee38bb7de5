package dev.nodefix.diagnose;

import java.util.Optional;

/** A finding's code. The first five decide a host's verdict; the others explain or warn. */
public enum Code {
    AFFECTED(Verdict.AFFECTED),
    SYMPTOM_OBSERVED(Verdict.AFFECTED),
    AT_RISK(Verdict.AT_RISK),
    NOT_AFFECTED(Verdict.NOT_AFFECTED),
    UNDETERMINED(Verdict.UNKNOWN),
    UNREACHABLE(Verdict.UNKNOWN),
    HOST_GW_IMPOSSIBLE(null),
    BACKEND_INCONSISTENT(null),
    FLANNEL_BACKEND_ON_AGENT(null),
    EXTERNAL_FLANNEL(null),
    BACKEND_NOT_SUPPORTED(null),
    VMXNET3_LOOKALIKE(null),
    CHECKSUM_LOOKALIKE(null),
    UDP_CSUM_ERRORS(null),
    IPTABLES_OTHER_BACKEND(null),
    IPTABLES_VIEWS_DISAGREE(null),
    FLANNEL_NOT_RUNNING(null),
    PACKET_FILTER_MODES(null),
    ANNOTATION_LOOKALIKE(null),
    PROBE_CONNECT(null),
    PROBE_STALL(null),
    PROBE_FAILED(null),
    NFT_NAT_PATH(null),
    MARK_RENDERING_SKEW(null),
    FLANNEL_MASQ_EMPTY(null),
    VERSION_HINT(null);

    private final Verdict decides;

    Code(Verdict decides) {
        this.decides = decides;
    }

    /** The host verdict this code stands for, if it is a verdict code. */
    public Optional<Verdict> decides() {
        return Optional.ofNullable(decides);
    }
}
