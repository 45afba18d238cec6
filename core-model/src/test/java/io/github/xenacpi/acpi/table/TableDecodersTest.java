package io.github.xenacpi.acpi.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The standard registry: every decoder of acpi.table.decoder, found through META-INF/services. */
class TableDecodersTest {

    @Test
    void everyKnownSignatureHasExactlyOneDecoder() {
        assertThat(TableDecoders.standard().signatures()).containsExactly("AEST", "APIC", "APMT", "BERT", "BGRT",
                "CEDT", "CSRT", "DBG2", "EINJ", "ERST", "FACP", "FACS", "FPDT", "GTDT", "HEST", "HMAT", "IORT",
                "MCFG", "MPAM", "PCCT", "PPTT", "RSDP", "RSDT", "SDEI", "SDEV", "SLIT", "SPCR", "SRAT", "STAO",
                "TPM2", "VIOT", "WDAT", "XENV", "XSDT");
        assertThat(TableDecoders.standard().decoders().values())
                .allSatisfy(d -> assertThat(d.getClass().getPackageName()).endsWith(".acpi.table.decoder"));
    }
}
