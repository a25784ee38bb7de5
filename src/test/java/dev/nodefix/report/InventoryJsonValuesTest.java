package dev.nodefix.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values spelt as Python's json.dumps spells them (expected values from python3 -c 'print(repr(x))'). */
class InventoryJsonValuesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.5, 1.5", "1000, 1000.0", "0.1, 0.1", "1e16, 1e+16", "1e15, 1000000000000000.0", "0.0001, 0.0001",
        "0.00001, 1e-05", "1.5e-5, 1.5e-05", "123456789012345678, 1.2345678901234568e+17", "5e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308", "0.30000000000000004, 0.30000000000000004",
        "-2.5, -2.5", "-0.0, -0.0", "0, 0.0", "Infinity, Infinity", "-Infinity, -Infinity", "NaN, NaN",
        "9999999999999998, 9999999999999998.0", "1e100, 1e+100",
    })
    void floatsAsPythonReprs(double value, String expected) {
        assertThat(InventoryJsonValues.pythonFloat(value)).isEqualTo(expected);
    }

    @Test
    void datesAsPythonIsoformat() {
        assertThat(InventoryJsonValues.isoformat(LocalDateTime.of(2001, 12, 14, 21, 59, 43)))
                .isEqualTo("2001-12-14T21:59:43");
        assertThat(InventoryJsonValues.isoformat(OffsetDateTime.of(2001, 12, 14, 1, 2, 3, 100_000_000,
                ZoneOffset.ofHoursMinutes(-5, -30)))).isEqualTo("2001-12-14T01:02:03.100000-05:30");
        assertThat(InventoryJsonValues.isoformat(OffsetDateTime.of(2001, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("2001-01-01T00:00:00+00:00");
    }

    @Test
    void keysSortLikePython() {
        Map<Object, Object> numbers = new LinkedHashMap<>();
        numbers.put(10, "a");
        numbers.put(9, "b");
        numbers.put(1.5, "c");
        numbers.put(true, "d");
        assertThat(keys(InventoryJsonValues.toJson(numbers, true)))
                .containsExactly("true", "1.5", "9", "10");
        Map<Object, Object> strings = new LinkedHashMap<>();
        strings.put("b", 1);
        strings.put("B", 2);
        strings.put("_", 3);
        assertThat(keys(InventoryJsonValues.toJson(strings, true))).containsExactly("B", "_", "b");
    }

    private static List<String> keys(Object json) {
        return ((Map<?, ?>) json).keySet().stream().map(String::valueOf).toList();
    }

    @Test
    void mixedKeyTypesCannotBeSorted() {
        Map<Object, Object> mixed = new LinkedHashMap<>();
        mixed.put("a", 1);
        mixed.put(2, 2);
        assertThat(InventoryJsonValues.sortable(Map.of("x", List.of(mixed)))).isFalse();
        assertThat(InventoryJsonValues.sortable(Map.of("x", List.of(Map.of(1, 2, 3, 4))))).isTrue();
    }
}
