package dev.nodefix.fact;

import java.util.Optional;

/** Everything the collector tells about one node, parsed. */
public record NodeFacts(
        Kernel kernel,
        OsRelease osRelease,
        IptablesVersion iptables,
        IptablesVersion k3sIptables,
        RandomFullySupport randomFully,
        KubePostrouting kubePostrouting,
        FlannelPostrtg flannelPostrtg,
        PostroutingOrder postrouting,
        VxlanDevice vxlan,
        EthtoolFeatures offload,
        UplinkDriver uplink,
        FlannelBackend backend,
        K3sEffectiveConfig k3sConfig,
        SubnetEnv subnetEnv,
        K3sInfo k3s,
        Persistence persistence,
        UdpCsumErrors udp,
        PeerRoutes peerRoutes,
        NodeName nodeName,
        KernelChecksumLog kernelLog,
        TcpdumpChecksum tcpdump,
        ConnectTiming connectTiming,
        IptablesBackends iptablesBackends,
        UdpCsumRise udpRise,
        K3sJournal journal,
        NodeAnnotations annotations,
        KubectlNodes kubectlNodes,
        KubectlVersion kubectlVersion,
        NftNat nft) {

    public static NodeFacts of(CollectorOutput out) {
        K3sUnits units = K3sUnits.FACT.from(out);
        K3sJournal journal = K3sJournal.FACT.from(out);
        // one nat listing serves every chain fact: its views are parsed once (older collectors' per-chain
        // sections are read chain by chain)
        Optional<NatViews> nat = out.section(NatViews.DEFAULT).status() == Section.Status.MISSING ? Optional.empty()
                : Optional.of(NatViews.of(out, null));
        return new NodeFacts(Kernel.FACT.from(out), OsRelease.FACT.from(out), IptablesVersion.HOST.from(out),
                IptablesVersion.K3S_BUNDLED.from(out), RandomFullySupport.FACT.from(out),
                nat.map(KubePostrouting::merged).orElseGet(() -> KubePostrouting.from(out)),
                nat.map(FlannelPostrtg::merged).orElseGet(() -> FlannelPostrtg.from(out)),
                nat.map(PostroutingOrder::of).orElseGet(() -> PostroutingOrder.from(out)),
                VxlanDevice.FACT.from(out), EthtoolFeatures.FACT.from(out), UplinkDriver.FACT.from(out),
                FlannelBackend.from(out, journal.runningBackend()), K3sEffectiveConfig.from(out),
                SubnetEnv.FACT.from(out), K3sInfo.of(units, K3sVersion.FACT.from(out), ServiceStates.FACT.from(out)),
                Persistence.FACT.from(out), UdpCsumErrors.FACT.from(out),
                PeerRoutes.FACT.from(out), NodeName.of(out),
                KernelChecksumLog.from(out), TcpdumpChecksum.from(out), ConnectTiming.from(out),
                nat.map(v -> IptablesBackends.of(v, v)).orElseGet(() -> IptablesBackends.from(out)), UdpCsumRise.FACT.from(out), journal, NodeAnnotations.FACT.from(out), KubectlNodes.FACT.from(out),
                KubectlVersion.FACT.from(out), NftNat.from(out));
    }

    /** These facts with the counter's rise told from outside the node's text (the last diagnose's reading). */
    public NodeFacts withUdpRise(UdpCsumRise rise) {
        return new NodeFacts(kernel, osRelease, iptables, k3sIptables, randomFully, kubePostrouting, flannelPostrtg,
                postrouting, vxlan, offload, uplink, backend, k3sConfig, subnetEnv, k3s, persistence, udp, peerRoutes, nodeName,
                kernelLog, tcpdump, connectTiming, iptablesBackends, rise, journal, annotations, kubectlNodes,
                kubectlVersion, nft);
    }

    public static NodeFacts parse(String raw) {
        return of(CollectorOutput.split(raw));
    }
}
