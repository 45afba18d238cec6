package io.github.xenacpi.platform.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PresetTest {

    @ParameterizedTest
    @EnumSource(value = Preset.class, names = "HOSTILE", mode = EnumSource.Mode.EXCLUDE)
    void wellFormedPresetsReadBackWithoutAnError(Preset preset) {
        AcpiTables tables = AcpiTables.load(preset.image());

        assertThat(tables.diagnostics())
                .filteredOn(d -> d.severity() != Severity.INFO)
                .isEmpty();
        assertThat(tables.all()).allMatch(LoadedTable::checksumValid);
        assertThat(tables.regions())
                .extracting(r -> r.kind())
                .contains(RegionKind.ECAM, RegionKind.GIC_DISTRIBUTOR, RegionKind.ACPI_TABLE);
        if (preset != Preset.QEMU_VIRT) {
            // QEMU's virt machine has no SBSA watchdog (groundtruth.QemuVirtPresetTest holds it to QEMU's tables).
            assertThat(tables.regions()).extracting(r -> r.kind()).contains(RegionKind.WATCHDOG_CONTROL);
        }
    }

    @Test
    void serverRasDescribesTheRegionsXenMisses() {
        assertThat(AcpiTables.load(Preset.SERVER_RAS.image()).regions())
                .extracting(r -> r.kind())
                .contains(
                        RegionKind.BOOT_ERROR_REGION,
                        RegionKind.GHES_STATUS_ADDRESS,
                        RegionKind.GHES_READ_ACK,
                        RegionKind.ERST_REGISTER,
                        RegionKind.EINJ_REGISTER,
                        RegionKind.TPM_CRB);
    }

    @Test
    void newTablesHaveRegionsOfTablesXen48NeverKnew() {
        assertThat(AcpiTables.load(Preset.NEW_TABLES.image()).regions())
                .extracting(r -> r.kind())
                .contains(RegionKind.APMT_PAGE, RegionKind.RMR, RegionKind.SMMU);
    }

    @Test
    void hostileTablesGiveDiagnosticsWithOffsetsAndTheRestIsStillRead() {
        AcpiTables tables = AcpiTables.load(Preset.HOSTILE.image());
        List<Diagnostic> errors = tables.diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .toList();

        assertThat(errors).extracting(Diagnostic::table).contains("APIC", "GTDT", "SPCR", "MCFG");
        assertThat(errors).allMatch(d -> d.offset() >= 0);
        assertThat(errors).anySatisfy(d -> assertThat(d.message()).contains("length 0 is below the minimum"));
        // The truncated MCFG still yields its one whole allocation.
        assertThat(tables.regions()).extracting(r -> r.kind()).contains(RegionKind.ECAM);
    }

    @Test
    void presetsAreNamedByTheirIds() {
        assertThat(Preset.byId("server-ras")).isEqualTo(Preset.SERVER_RAS);
        assertThatThrownBy(() -> Preset.byId("x86-desktop")).hasMessageContaining("qemu-virt");
    }
}
