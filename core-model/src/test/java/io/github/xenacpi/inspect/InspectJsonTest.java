package io.github.xenacpi.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.source.SourceFormat;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.TableFixtures;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.platform.builder.McfgBuilder;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.testing.SchemaCheck;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class InspectJsonTest {

    /** A record shaped like decoded tables with registers: a GAS and a list of nested records. */
    record Registers(TableHeader header, GenericAddress control, List<Frame> frames) {}

    record Frame(int number, GenericAddress base) {}

    /** A record with optional parts, as some decoded tables have. */
    record WithOptionals(
            TableHeader header,
            Optional<Frame> present,
            Optional<Frame> absent,
            OptionalInt count,
            OptionalLong none) {}

    private static JsonNode schema() throws Exception {
        try (InputStream in = InspectJson.class.getResourceAsStream(InspectJson.SCHEMA_RESOURCE)) {
            assertThat(in).as("schema resource %s", InspectJson.SCHEMA_RESOURCE).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    private static AcpiTables damaged() {
        byte[] mcfg = TableFixtures.bytes(
                new McfgBuilder().allocation(0x6000_0000L, 0, 2, 1).allocation(0xFFFF_FFFF_F000_0000L, 1, 0, 0));
        return AcpiTables.load(new FirmwareImage(
                Path.of("dump"),
                SourceFormat.BINARY_FILE,
                List.of(TableFixtures.raw(TableFixtures.patch(mcfg, 9, mcfg[9] + 1, 1))),
                List.of()));
    }

    @Test
    void documentsOfTheDemoAndOfADamagedTableFollowTheShippedSchema() throws Exception {
        JsonNode schema = schema();

        assertThat(schema.get("title").asText()).isEqualTo(InspectJson.SCHEMA);
        assertThat(SchemaCheck.violations(schema, InspectJson.of(AcpiTables.load(Preset.QEMU_VIRT.image()))))
                .isEmpty();
        ObjectNode doc = InspectJson.of(damaged());
        assertThat(doc.get("diagnostics").size()).isPositive();
        assertThat(SchemaCheck.violations(schema, doc)).isEmpty();
    }

    @Test
    void theSchemaCheckCatchesMissingMembersAndWrongForms() throws Exception {
        ObjectNode doc = InspectJson.of(AcpiTables.load(Preset.QEMU_VIRT.image()));
        doc.remove("diagnostics");
        ((ObjectNode) doc.get("regions").get(0)).put("base", "4010000000");
        ((ObjectNode) doc.get("tables").get(0)).put("checksumValid", "yes");

        assertThat(SchemaCheck.violations(schema(), doc))
                .containsExactlyInAnyOrder(
                        "/: required member 'diagnostics' is missing",
                        "/regions/0/base: \"4010000000\" does not match ^0x[0-9A-F]+$",
                        "/tables/0/checksumValid: expected boolean, found STRING");
    }

    @Test
    void membersFollowTheIssueOrderWithHexAddressesAndLengths() {
        JsonNode doc = InspectJson.of(damaged());

        assertThat(doc.fieldNames())
                .toIterable()
                .containsExactly("schema", "source", "tables", "regions", "diagnostics", "namespace");
        assertThat(doc.get("tables").get(0).fieldNames())
                .toIterable()
                .containsExactly(
                        "signature",
                        "instance",
                        "length",
                        "revision",
                        "checksumValid",
                        "oemId",
                        "oemTableId",
                        "oemRevision",
                        "creatorId",
                        "creatorRevision",
                        "fields");
        JsonNode region = doc.get("regions").get(1);
        assertThat(region.fieldNames())
                .toIterable()
                .containsExactly("kind", "space", "base", "length", "table", "instance", "path", "offset");
        assertThat(region.get("base").asText()).isEqualTo("0xFFFFFFFFF0000000");
        assertThat(region.get("length").asText()).isEqualTo("0x100000");
        assertThat(doc.get("regions").get(0).get("length").asText()).isEqualTo("0x0");
        assertThat(doc.get("diagnostics").get(0).fieldNames())
                .toIterable()
                .containsExactly("table", "instance", "offset", "severity", "message");
    }

    /** The header of a made-up table "TEST" of 36 bytes. */
    private static TableHeader testHeader() {
        return TableHeader.builder()
                .signature("TEST")
                .length(36)
                .revision(1)
                .oemId("O")
                .oemTableId("T")
                .oemRevision(1)
                .creatorId("C")
                .creatorRevision(1)
                .build();
    }

    @Test
    void fieldsAreTheRecordWithoutHeaderWithAddressesAndNestedListsIntact() {
        TableHeader header = testHeader();
        Registers table = new Registers(
                header,
                GenericAddress.memory(0x2A0_0000L, 32),
                List.of(new Frame(0, GenericAddress.memory(0x1_0000_0000L, 64))));

        ObjectNode fields = InspectJson.fields(table);

        assertThat(fields.has("header")).isFalse();
        assertThat(fields.get("control").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("spaceId", "bitWidth", "bitOffset", "accessSize", "address");
        assertThat(fields.get("control").get("address").asLong()).isEqualTo(0x2A0_0000L);
        assertThat(fields.get("frames").get(0).get("base").get("address").asLong())
                .isEqualTo(0x1_0000_0000L);
        assertThat(fields.get("frames").get(0).get("number").asInt()).isZero();
    }

    @Test
    void optionalsAreTheirValueOrNull() {
        TableHeader header = testHeader();
        WithOptionals table = new WithOptionals(
                header,
                Optional.of(new Frame(3, GenericAddress.memory(0x1000L, 32))),
                Optional.empty(),
                OptionalInt.of(7),
                OptionalLong.empty());

        ObjectNode fields = InspectJson.fields(table);

        assertThat(fields.get("present").get("number").asInt()).isEqualTo(3);
        assertThat(fields.get("present").get("base").get("address").asLong()).isEqualTo(0x1000L);
        assertThat(fields.get("absent").isNull()).isTrue();
        assertThat(fields.get("count").asInt()).isEqualTo(7);
        assertThat(fields.get("none").isNull()).isTrue();
    }
}
