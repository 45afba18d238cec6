package io.github.xenacpi.acpi.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The standard registry: every decoder of acpi.table.decoder, found through META-INF/services. */
class TableDecodersTest {

    @Test
    void everyKnownSignatureHasExactlyOneDecoder() {
        assertThat(TableDecoders.standard().signatures())
                .containsExactly(
                        "AEST", "APIC", "APMT", "BERT", "BGRT", "CEDT", "CSRT", "DBG2", "EINJ", "ERST", "FACP", "FACS",
                        "FPDT", "GTDT", "HEST", "HMAT", "IORT", "MCFG", "MPAM", "PCCT", "PPTT", "RSDP", "RSDT", "SDEI",
                        "SDEV", "SLIT", "SPCR", "SRAT", "STAO", "TPM2", "VIOT", "WDAT", "XENV", "XSDT");
        assertThat(TableDecoders.standard().decoders().values())
                .allSatisfy(d -> assertThat(d.getClass().getPackageName()).endsWith(".acpi.table.decoder"));
    }

    @Test
    void everyDecoderClassIsRegistered() {
        // A decoder left out of META-INF/services/io.github.xenacpi.acpi.table.TableDecoder would never run.
        Set<String> declared = new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.github.xenacpi.acpi.table.decoder")
                        .stream()
                        .filter(c -> c.isAssignableTo(TableDecoder.class)
                                && !c.getModifiers().contains(JavaModifier.ABSTRACT))
                        .map(JavaClass::getName)
                        .collect(Collectors.toSet());

        assertThat(TableDecoders.standard().decoders().values())
                .extracting(d -> d.getClass().getName())
                .containsExactlyInAnyOrderElementsOf(declared);
    }
}
