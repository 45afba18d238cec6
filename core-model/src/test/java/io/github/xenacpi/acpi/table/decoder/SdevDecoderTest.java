package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.bytes;
import static io.github.xenacpi.acpi.table.TableFixtures.decode;
import static io.github.xenacpi.acpi.table.TableFixtures.fixChecksum;
import static io.github.xenacpi.acpi.table.TableFixtures.patch;
import static io.github.xenacpi.acpi.table.TableFixtures.truncate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.SdevTable;
import io.github.xenacpi.platform.builder.SdevBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class SdevDecoderTest {

    private static final SdevTable.IdComponent ID = SdevTable.IdComponent.builder()
            .hardwareId("QCOM0CCC")
            .subsystemId("SUB0001")
            .hardwareRevision(3)
            .hardwareRevisionPresent(true)
            .classCodePresent(true)
            .baseClass(0x0C)
            .subClass(0x03)
            .programmingInterface(0x30)
            .build();
    private static final SdevTable.MemoryComponent MEMORY = new SdevTable.MemoryComponent(0, 0xACC_8000L, 0x4000);

    private final SdevBuilder both = new SdevBuilder()
            .namespaceDevice(1, "\\_SB.SISP", new byte[] {1, 2, 3}, List.of(ID, MEMORY))
            .pcieEndpoint(
                    0, 1, 0xE3, List.of(new SdevTable.PathEntry(5, 0), new SdevTable.PathEntry(0, 1)), new byte[] {9, 9
                    });

    @Test
    void decodesNamespaceDeviceComponentsAndPcieEndpoint() {
        LoadedTable t = decode(both);

        assertThat(t.diagnostics()).isEmpty();
        assertThat(t.regions()).isEmpty();
        assertThat(((SdevTable) t.table()).devices())
                .containsExactly(
                        new SdevTable.NamespaceDevice(3, "\\_SB.SISP", 3, List.of(ID, MEMORY)),
                        new SdevTable.PcieEndpoint(
                                0, 1, 0xE3, List.of(new SdevTable.PathEntry(5, 0), new SdevTable.PathEntry(0, 1)), 2));
        assertThat(((SdevTable) t.table()).devices().get(0).allowHandoff()).isTrue();
    }

    @Test
    void namespaceDeviceWithoutComponentsUsesTheShortLayout() {
        LoadedTable t = decode(new SdevBuilder().namespaceDevice(0, "\\_SB.TPM0", new byte[0], List.of()));

        assertThat(t.diagnostics()).isEmpty();
        assertThat(t.header().length()).isEqualTo(36 + 12 + 10);
        assertThat(((SdevTable) t.table()).devices())
                .containsExactly(new SdevTable.NamespaceDevice(0, "\\_SB.TPM0", 0, List.of()));
    }

    @Test
    void deviceIdentifierOutsideTheStructureIsAnError() {
        // The identifier's length field sits at table offset 36 + 6.
        LoadedTable t = decode(fixChecksum(patch(bytes(both), 42, 200, 2)));

        assertThat(t.diagnostics()).anySatisfy(d -> {
            assertThat(d.offset()).isEqualTo(40);
            assertThat(d.message()).contains("device identifier of 200 bytes at offset 0x10 lies outside");
        });
        assertThat(((SdevTable) t.table()).devices())
                .first()
                .satisfies(d ->
                        assertThat(((SdevTable.NamespaceDevice) d).deviceId()).isEmpty());
    }

    @Test
    void identifierOverlappingTheFixedFieldsIsAWarning() {
        // Seen in 19 corpus tables: the hardware ID of the identification component starts at 15, inside the
        // component's 19 fixed bytes. The component starts at 36 + 16 + 10 + 3 = 65; its ID offset at +4.
        LoadedTable t = decode(fixChecksum(patch(bytes(both), 69, 15, 2)));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(69);
            assertThat(d.message()).contains("component[0]: hardware ID at offset 0xF overlaps");
        });
    }

    @Test
    void oddPcieStructuresAndUnknownTypesAreReported() {
        byte[] b = bytes(both);
        int pcie = 36 + ((b[38] & 0xFF) | (b[39] & 0xFF) << 8);
        LoadedTable t = decode(fixChecksum(patch(patch(b, pcie + 10, 3, 2), pcie + 12, 0x7F, 2)));

        assertThat(t.diagnostics()).extracting(d -> d.offset()).contains((long) pcie + 10, (long) pcie + 12);
        LoadedTable unknown = decode(fixChecksum(patch(bytes(both), 36, 7, 1)));
        assertThat(((SdevTable) unknown.table()).devices().get(0)).isInstanceOf(SdevTable.Other.class);
        assertThat(unknown.diagnostics())
                .anySatisfy(d -> assertThat(d.message()).contains("unknown structure type 7"));
    }

    @Test
    void zeroLengthComponentAndTruncationAreReported() {
        LoadedTable zero = decode(fixChecksum(patch(bytes(both), 67, 0, 2)));
        assertThat(zero.diagnostics()).anySatisfy(d -> {
            assertThat(d.offset()).isEqualTo(67);
            assertThat(d.message()).contains("component[0]: length 0 is below the minimum");
        });

        byte[] cut = truncate(bytes(both), 60);
        LoadedTable t = decode(fixChecksum(patch(cut, 4, 60, 4)));
        assertThat(t.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("overruns the list"));
        assertThat(((SdevTable) t.table()).devices()).hasSize(1);
    }
}
