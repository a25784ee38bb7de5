package dev.nodefix.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The rollback node script, pinned (golden), and its ids checked. */
class NodeRollbackTest {
    static final String ROLLBACK = "20261202T180000Z-7d2a";

    static String script() {
        return NodeRollback.compile(NodeScriptTest.RUN, ROLLBACK);
    }

    @Test
    void theRollbackScriptIsPinned() throws IOException {
        Golden.check("export/rollback.node.sh", script());
    }

    @Test
    void everyUndoIsTheJournalsOwnCommandWithTheNodesValues() {
        assertThat(script())
                .contains("| /bin/sh -c \"$nf_sh_5\" nodefix-journal " + ROLLBACK + " \"$nf_seq\" \"$nf_p\" /bin/sh -c \"$nf_sh_6\""
                        + " nodefix-write \"$nf_p\" \"$nf_bm\" \"$nf_bw\":\"$nf_bg\"")
                .contains("nodefix-journal " + ROLLBACK + " \"$nf_seq\" \"$nf_p\" rm -f -- \"$nf_p\"")
                .contains("nodefix-journal " + ROLLBACK + " \"$nf_seq\" '' ethtool -K \"$nf_i\" \"$nf_f\" on")
                .contains("nodefix-journal " + ROLLBACK + " \"$nf_seq\" '' systemctl disable -- \"$nf_u\"")
                .doesNotContain("nf-stand-in").doesNotContain("@UNDO_");
    }

    @Test
    void theRollbackNeedsAnIdOfItsOwn() {
        assertThatThrownBy(() -> NodeRollback.compile(NodeScriptTest.RUN, NodeScriptTest.RUN))
                .isInstanceOf(ExportException.class).hasMessageContaining("a run id of its own");
        assertThatThrownBy(() -> NodeRollback.compile("last", ROLLBACK)).hasMessageContaining("not a run id");
    }
}
