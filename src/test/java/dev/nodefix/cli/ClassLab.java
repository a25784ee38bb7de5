package dev.nodefix.cli;

import dev.nodefix.lab.Lab;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The lab of one IT class that changes nodes: 3 nodes of profile "affected" (or those given) under the class's own lab names, up
 * before its first test and down after its last, with nodefix journaling under each test's own directory
 * ({@link LabChanges}). A class registers it as a static field:
 * {@code @RegisterExtension static final ClassLab LAB = new ClassLab("nfxr", "nfxrbr0", "10.99.64", "target/it-lab-nfxr");}
 * and takes {@code LAB.lab()} in its tests (the lab is up by the time a test instance exists).
 */
final class ClassLab implements BeforeAllCallback, AfterAllCallback {
    private final Lab.LabNames names;
    private final int nodes;
    private final String profile;
    private Lab lab;

    /** @param dir the lab's working directory, relative to the repository */
    ClassLab(String prefix, String bridge, String net, String dir) {
        this(prefix, bridge, net, dir, 3);
    }

    /** @param nodes how many: the first is the k3s server, the others agents */
    ClassLab(String prefix, String bridge, String net, String dir, int nodes) {
        this(prefix, bridge, net, dir, nodes, "affected");
    }

    /** @param profile the lab profile ({@code lab/profiles/NAME.sh}), which may make more servers than the first */
    ClassLab(String prefix, String bridge, String net, String dir, int nodes, String profile) {
        Path repo = Path.of("").toAbsolutePath();
        this.names = override(System.getProperty("nodefix.it.lab", "")).orElse(new Lab.LabNames(prefix, bridge, net,
                repo.resolve(dir)));
        this.nodes = nodes;
        this.profile = profile;
    }

    /**
     * {@code -Dnodefix.it.lab=PREFIX,BRIDGE,NET}: the class's lab under these names instead (when another lab of the
     * same names may be up on the machine); one class's lab is down before the next one's comes up.
     */
    private static java.util.Optional<Lab.LabNames> override(String names) {
        String[] parts = names.split(",");
        return parts.length != 3 ? java.util.Optional.empty() : java.util.Optional.of(new Lab.LabNames(parts[0], parts[1],
                parts[2], Path.of("").toAbsolutePath().resolve("target/it-lab-" + parts[0])));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        lab = Lab.up(Path.of("").toAbsolutePath(), nodes, profile, names);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (lab != null) {
            lab.close();
            lab = null;
        }
    }

    /** The class's lab; only once it is up (from {@code @BeforeAll} methods and test instances on). */
    Lab lab() {
        if (lab == null) {
            throw new IllegalStateException("lab " + names.prefix() + " is not up");
        }
        return lab;
    }

    /** nodefix journaling under {@code state}, on nodes whose nodefix history (journals, locks) is removed. */
    LabChanges freshNodes(Path state) {
        LabChanges nodes = new LabChanges(lab(), state);
        nodes.forgetHistory();
        return nodes;
    }
}
