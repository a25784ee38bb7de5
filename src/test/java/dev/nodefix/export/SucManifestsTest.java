package dev.nodefix.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.nodefix.expr.Expressions;
import dev.nodefix.modules.BuiltinModules;
import dev.nodefix.playbook.Playbook;
import dev.nodefix.playbook.PlaybookLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The exported manifests: pinned (golden), the Plans valid against SUC's own Plan CRD schema (kept in test resources
 * with its source), the Secret holding exactly the node script, and concurrency and cordon from the play's serial.
 */
class SucManifestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Expressions expressions = new Expressions();

    @Test
    void theFixPlaybooksManifestsArePinnedAndValidAgainstSucsPlanSchema() throws IOException {
        Playbook book = load(Path.of("playbooks/fix-vxlan-checksum.yaml"));
        String yaml = manifests(Optional.empty()).yaml(book, NodeScriptTest.fixScript());
        Golden.check("export/fix-vxlan-checksum.suc.yaml", yaml);
        List<Map<String, Object>> docs = documents(yaml);
        assertThat(docs).extracting(d -> d.get("kind")).containsExactly("Secret", "Plan", "Plan");
        assertThat(((Map<?, ?>) docs.get(0).get("stringData")).get("node.sh")).isEqualTo(NodeScriptTest.fixScript());
        for (Map<String, Object> plan : docs.subList(1, 3)) {
            assertThat(errors(plan)).as(String.valueOf(((Map<?, ?>) plan.get("metadata")).get("name"))).isEmpty();
        }
        assertThat(spec(docs.get(1)).get("concurrency")).isEqualTo(1);
        assertThat(spec(docs.get(2)).get("concurrency")).isEqualTo(SucManifests.DEFAULT_AGENT_CONCURRENCY);
        assertThat(spec(docs.get(1)).get("cordon")).isEqualTo(false);
        assertThat(String.valueOf(spec(docs.get(2)).get("prepare")))
                .contains("plans.upgrade.cattle.io/nodefix-fix-vxlan-checksum-server");
    }

    @Test
    void theRollbacksManifestsArePinnedValidAndOrderedServersFirst() throws IOException {
        SucManifests suc = new SucManifests(SucManifests.rollbackNameFor(NodeScriptTest.RUN), SucManifests.DEFAULT_NAMESPACE,
                SucManifests.DEFAULT_IMAGE, SucManifests.DEFAULT_KUBECTL_IMAGE, NodeRollbackTest.ROLLBACK, Optional.empty());
        String script = NodeRollbackTest.script();
        String yaml = suc.rollbackYaml(NodeScriptTest.RUN, script);
        Golden.check("export/rollback.suc.yaml", yaml);
        List<Map<String, Object>> docs = documents(yaml);
        assertThat(docs).extracting(d -> (Object) ((Map<?, ?>) d.get("metadata")).get("name")).containsExactly(
                "nodefix-rollback-20261202t170000z-5c0e", "nodefix-rollback-20261202t170000z-5c0e-server",
                "nodefix-rollback-20261202t170000z-5c0e-agent");
        assertThat(secretScript(docs.get(0))).isEqualTo(script);
        for (Map<String, Object> doc : docs) {
            assertThat(((Map<?, ?>) ((Map<?, ?>) doc.get("metadata")).get("labels")).get("nodefix.dev/rollback-of"))
                    .isEqualTo(NodeScriptTest.RUN);
        }
        for (Map<String, Object> plan : docs.subList(1, 3)) {
            assertThat(errors(plan)).isEmpty();
            assertThat(spec(plan).get("version")).isEqualTo(NodeRollbackTest.ROLLBACK);
            assertThat(spec(plan).get("cordon")).isEqualTo(false);
        }
        assertThat(spec(docs.get(1)).get("concurrency")).isEqualTo(1);
        assertThat(String.valueOf(spec(docs.get(1)).get("nodeSelector"))).contains("control-plane, operator=Exists");
        assertThat(String.valueOf(spec(docs.get(2)).get("prepare")))
                .contains("plans.upgrade.cattle.io/nodefix-rollback-20261202t170000z-5c0e-server");
    }

    @Test
    void theSchemaCheckCatchesAPlanSucWouldNotTake() throws IOException {
        Map<String, Object> plan = documents(manifests(Optional.empty()).yaml(load(Path.of("playbooks/fix-vxlan-checksum.yaml")),
                "true\n")).get(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) plan.get("spec");
        spec.put("concurrency", "one");
        spec.put("cordonn", true);
        ((Map<?, ?>) spec.get("upgrade")).remove("image");
        assertThat(errors(plan)).hasSize(3);
    }

    @Test
    void aNumericSerialIsTheAgentsConcurrencyAndCordonsTheNodes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rolling.yaml");
        Files.writeString(file, "- hosts: all\n  serial: 2\n  tasks:\n    - ethtool: {iface: flannel.1, features: {tso: off}}\n");
        List<Map<String, Object>> docs = documents(manifests(Optional.empty()).yaml(load(file), "true\n"));
        assertThat(spec(docs.get(2)).get("concurrency")).isEqualTo(2);
        assertThat(spec(docs.get(1)).get("cordon")).isEqualTo(true);
        assertThat(spec(docs.get(2)).get("cordon")).isEqualTo(true);
        docs.subList(1, 3).forEach(p -> assertThat(errors(p)).isEmpty());
    }

    @Test
    void aPercentageSerialNeedsAnAgentConcurrency(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rolling.yaml");
        Files.writeString(file, "- hosts: all\n  serial: 30%\n  tasks:\n    - ethtool: {iface: flannel.1, features: {tso: off}}\n");
        assertThatThrownBy(() -> manifests(Optional.empty()).yaml(load(file), "true\n"))
                .isInstanceOf(ExportException.class).hasMessageContaining("rolling.yaml:1:")
                .hasMessageContaining("--agent-concurrency");
        assertThat(spec(documents(manifests(Optional.of(4)).yaml(load(file), "true\n")).get(2)).get("concurrency"))
                .isEqualTo(4);
    }

    @Test
    void aScriptWithACarriageReturnIsInTheSecretByteForByte(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cr.yaml");
        Files.writeString(file, "- hosts: all\n  tasks:\n    - name: \"tso\\roff\"\n"
                + "      ethtool: {iface: flannel.1, features: {tso: off}}\n");
        Playbook book = load(file);
        String script = new NodeScript(BuiltinModules.registry(expressions), expressions).compile(book, Map.of(), NodeScriptTest.RUN);
        assertThat(script).contains("tso\roff");
        assertThat(secretScript(documents(manifests(Optional.empty()).yaml(book, script)).get(0))).isEqualTo(script);
        // a script a YAML block keeps stays readable under stringData, also byte for byte
        String plain = NodeScriptTest.fixScript();
        Map<String, Object> secret = documents(manifests(Optional.empty()).yaml(load(Path.of("playbooks/fix-vxlan-checksum.yaml")),
                plain)).get(0);
        assertThat(secret).containsKey("stringData");
        assertThat(secretScript(secret)).isEqualTo(plain);
    }

    @Test
    void anImageWithoutATagOrDigestIsRefused() {
        for (String image : List.of("busybox", "localhost:5000/busybox", "docker.io/library/busybox")) {
            assertThatThrownBy(() -> new SucManifests("nodefix-x", SucManifests.DEFAULT_NAMESPACE, image,
                    SucManifests.DEFAULT_KUBECTL_IMAGE, NodeScriptTest.RUN, Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(image).hasMessageContaining("tag");
            assertThatThrownBy(() -> new SucManifests("nodefix-x", SucManifests.DEFAULT_NAMESPACE, SucManifests.DEFAULT_IMAGE,
                    image, NodeScriptTest.RUN, Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--kubectl-image");
        }
        for (String image : List.of("busybox:1.36", "localhost:5000/busybox:1.36", "busybox@sha256:" + "a".repeat(64))) {
            assertThat(new SucManifests("nodefix-x", SucManifests.DEFAULT_NAMESPACE, image, image, NodeScriptTest.RUN,
                    Optional.empty()).image()).isEqualTo(image);
        }
    }

    /** The node script as the API server stores the Secret: stringData as it is, data base64-decoded. */
    private static String secretScript(Map<String, Object> secret) {
        if (secret.get("data") instanceof Map<?, ?> data) {
            return new String(java.util.Base64.getDecoder().decode(String.valueOf(data.get(SucManifests.SCRIPT_KEY))),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
        return String.valueOf(((Map<?, ?>) secret.get("stringData")).get(SucManifests.SCRIPT_KEY));
    }

    private SucManifests manifests(Optional<Integer> agents) {
        return new SucManifests("nodefix-fix-vxlan-checksum", SucManifests.DEFAULT_NAMESPACE, SucManifests.DEFAULT_IMAGE,
                SucManifests.DEFAULT_KUBECTL_IMAGE, NodeScriptTest.RUN, agents);
    }

    private Playbook load(Path file) {
        return new PlaybookLoader(BuiltinModules.registry(expressions), expressions).load(file, Map.of());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> docs = new ArrayList<>();
        new Load(LoadSettings.builder().build()).loadAllFromString(yaml).forEach(d -> docs.add((Map<String, Object>) d));
        return docs;
    }

    private static Map<?, ?> spec(Map<String, Object> plan) {
        return (Map<?, ?>) plan.get("spec");
    }

    /** What SUC's Plan schema says of {@code plan}. */
    private static List<String> errors(Map<String, Object> plan) {
        try {
            return schema().validate(JSON.writeValueAsString(plan), InputFormat.JSON).stream().map(Error::toString).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The CRD's openAPIV3Schema, made strict the way the API server is strict in effect: a field the schema does not
     * declare would be pruned (dropped silently), so here it is an error ({@code additionalProperties: false} on every
     * object that declares properties and does not keep unknown fields).
     */
    private static Schema schema() throws IOException {
        Object crd = new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(Path.of("src/test/resources/export/suc/upgrade.cattle.io_plans.yaml")));
        JsonNode version = JSON.valueToTree(crd).path("spec").path("versions").get(0);
        ObjectNode openApi = (ObjectNode) version.path("schema").path("openAPIV3Schema");
        strict(openApi);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(JSON.writeValueAsString(openApi), InputFormat.JSON);
    }

    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode o && o.has("properties") && o.get("properties").isObject()
                && !o.has("x-kubernetes-preserve-unknown-fields") && !o.has("additionalProperties")) {
            o.put("additionalProperties", false);
        }
        if (node.isContainerNode()) {
            node.forEach(SucManifestsTest::strict);
        }
        if (node instanceof ObjectNode o && o.has("properties")) {
            o.get("properties").forEach(SucManifestsTest::strict);
        }
    }
}
