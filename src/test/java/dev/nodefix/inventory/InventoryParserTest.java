package dev.nodefix.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the parser makes of the valid inventories, as Java values (the JSON is checked against Ansible). */
class InventoryParserTest {
    private static Map<String, Object> vars(Inventory inventory, String host) {
        return inventory.host(host).orElseThrow().vars();
    }

    @Test
    void deeperGroupsOverrideShallowerOnesAndHostVarsOverrideAll() {
        Inventory inventory = InventoryFixtures.valid("multi-group-precedence.yaml");
        assertThat(vars(inventory, "shared")).contains(entry("color", "db_primary"), entry("deep", "db_primary"),
                entry("size", "host-first"), entry("base", "all"), entry("port_note", "second-listing"));
        assertThat(vars(inventory, "webonly")).contains(entry("color", "web"), entry("deep", "web"));
        assertThat(inventory.host("shared").orElseThrow().groups()).containsExactly("db", "db_primary", "web");
    }

    @Test
    void amongSiblingsTheLaterNameWinsUnlessAPriorityIsSet() {
        Inventory inventory = InventoryFixtures.valid("sibling-precedence.yaml");
        assertThat(vars(inventory, "both")).containsEntry("pick", "zulu");
        assertThat(vars(inventory, "prio")).containsEntry("pick", "mike");
        assertThat(inventory.groups().get("mike").vars()).doesNotContainKey("ansible_group_priority");
    }

    @Test
    void aGroupsDepthIsItsLongestPathFromAll() {
        Inventory inventory = InventoryFixtures.valid("diamond-depth.yaml");
        assertThat(vars(inventory, "h1")).contains(entry("v", "mid"), entry("w", "shared"));
        assertThat(vars(inventory, "h2")).contains(entry("v", "own"), entry("w", "shared"));
    }

    @Test
    void nestedChildrenThreeDeep() {
        Inventory inventory = InventoryFixtures.valid("nested-depth3.yaml");
        assertThat(vars(inventory, "deep1")).contains(entry("level", "shelf"), entry("only_dc", 1), entry("only_all", 1));
        assertThat(vars(inventory, "deep2")).containsEntry("level", "host");
        assertThat(vars(inventory, "mid1")).containsEntry("level", "rack");
        assertThat(vars(inventory, "top1")).containsEntry("level", "dc");
        assertThat(inventory.host("deep1").orElseThrow().groups()).containsExactly("dc", "rack", "shelf");
        assertThat(inventory.groups().get("dc").children()).containsExactly("rack");
        assertThat(inventory.groups().get("dc").hosts()).containsExactly("top1");
    }

    @Test
    void rangesExpandWithPaddingLettersAndStrides() {
        Inventory inventory = InventoryFixtures.valid("ranges.yaml");
        assertThat(inventory.groups().get("nodes").hosts()).containsExactly(
                "node01", "node02", "node03", "worker-a", "worker-b", "worker-c",
                "stride1", "stride4", "stride7", "stride10", "rack1-x", "rack1-y", "rack2-x", "rack2-y",
                "192.0.2.8", "192.0.2.9", "edge0.example.org", "edge1.example.org", "open0", "open1",
                "lettersy", "lettersz", "lettersA", "lettersB");
        assertThat(vars(inventory, "node02")).containsEntry("padded", true);
        assertThat(vars(inventory, "edge1.example.org")).containsEntry("ansible_port", 2222);
    }

    @Test
    void yaml11ScalarsResolveAsAnsibleReadsThem() {
        Map<String, Object> v = vars(InventoryFixtures.valid("yaml11-scalars.yaml"), "scalars");
        assertThat(v).contains(entry("b_yes", true), entry("b_No", false), entry("b_ON", true), entry("b_off", false),
                entry("s_y", "y"), entry("s_mixed", "tRUE"), entry("s_quoted_yes", "yes"), entry("i_octal", 493),
                entry("s_octal_o", "0o755"), entry("s_not_octal", "0999"), entry("i_hex", 31), entry("i_bin", 10),
                entry("i_sep", 1_000_000), entry("i_sexagesimal", 90), entry("f_plain", 1.5),
                entry("s_no_dot_exp", "1e3"), entry("f_exp", 1000.0), entry("f_inf", Double.POSITIVE_INFINITY),
                entry("s_quoted_null", "null"), entry("s_quoted_int", "017"), entry("s_version", "1.2.3"),
                entry("t_str", "0x10"), entry("t_int", 7), entry("d_date", LocalDate.of(2024, 1, 2)));
        assertThat(v.get("i_big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(v).containsEntry("n_tilde", null).containsEntry("n_empty", null).containsEntry("n_Null", null);
        assertThat(v.get("d_datetime_utc")).isEqualTo(OffsetDateTime.of(2001, 12, 14, 21, 59, 43, 0, ZoneOffset.UTC));
        assertThat(v.get("l_mixed")).isEqualTo(Arrays.asList(1, true, "no", null, 16));
        assertThat(v.get("s_literal")).isEqualTo("line one\nline two\n");
    }

    @Test
    void ungroupedFollowsAnsiblesRules() {
        Inventory inventory = InventoryFixtures.valid("ungrouped.yaml");
        assertThat(inventory.groups().get("ungrouped").hosts()).containsExactly("explicit", "lonely1", "lonely2");
        assertThat(inventory.groups().get("all").children()).containsExactly("ungrouped", "apps", "late");
        assertThat(inventory.host("also_grouped").orElseThrow().groups()).containsExactly("apps");
    }

    @Test
    void groupsAndHostsAreInAnsiblesOrder() {
        Inventory inventory = InventoryFixtures.valid("group-defined-twice.yaml");
        assertThat(inventory.groups().keySet()).containsExactly("all", "ungrouped", "storage", "cluster", "archive");
        assertThat(inventory.hosts().keySet()).containsExactly("disk1", "disk2", "tape1");
        assertThat(inventory.groups().get("storage").vars()).containsOnly(entry("tier", "second"), entry("kept", "from-first"));
    }

    @Test
    void anchorsAndMergeKeys() {
        Inventory inventory = InventoryFixtures.valid("anchors-merge.yaml");
        assertThat(vars(inventory, "lab2")).contains(entry("ansible_user", "lab"), entry("zone", "b"));
        assertThat(vars(inventory, "lab3")).contains(entry("zone", "a"), entry("extra", 1));
        assertThat(vars(inventory, "lab3").get("copied")).isEqualTo(Map.of("ntp", "192.0.2.123", "dns", List.of("192.0.2.53")));
    }

    @Test
    void unsafeTextAndTemplatedPasswordsAreKept() {
        Map<String, Object> v = vars(InventoryFixtures.valid("templates-tolerated.yaml"), "h1");
        assertThat(v).containsEntry("raw", new UnsafeText("{{ not a template }}"))
                .containsEntry("raw_list", List.of(new UnsafeText("{% raw %}"), 5))
                .containsEntry("ansible_become_password", "{{ vault_become_password }}");
    }
}
