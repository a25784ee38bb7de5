package dev.nodefix.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlaybookSerialTest {
    @Test
    void allHostsInOneBatchWithoutSteps() {
        assertThat(Serial.ALL.batches(7)).containsExactly(7);
        assertThat(Serial.ALL.batches(0)).isEmpty();
    }

    @Test
    void theLastStepRepeatsUntilEveryHostHadItsBatch() {
        Serial serial = new Serial(List.of(new BatchSize.Count(1), new BatchSize.Percent(30)));
        assertThat(serial.batches(10)).containsExactly(1, 3, 3, 3);
    }

    @Test
    void aPercentageRoundsDownButTakesAtLeastOneHost() {
        assertThat(new Serial(List.of(new BatchSize.Percent(10))).batches(5)).containsExactly(1, 1, 1, 1, 1);
        assertThat(new Serial(List.of(new BatchSize.Percent(100))).batches(3)).containsExactly(3);
    }

    @Test
    void batchSizesAreChecked() {
        assertThatThrownBy(() -> new BatchSize.Count(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchSize.Percent(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
