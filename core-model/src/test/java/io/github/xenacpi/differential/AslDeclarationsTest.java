package io.github.xenacpi.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Counting declarations in listings written the way {@code iasl -d} writes them; needs no iasl. */
class AslDeclarationsTest {

    private static final String LISTING = """
            /* Disassembly of dsdt.dat: Method (FAKE, 0) { Name (NOPE, 1) } */
            DefinitionBlock ("", "DSDT", 2, "XENACP", "XENACPI ", 0x00000001)
            {
                External (_SB_.EXT0, MethodObj)    // Warning: Unknown method, guessing 1 arguments
                Name (GLOB, Package (0x02) { One, "Device (STR) {" })
                Scope (_SB)
                {
                    Device (PCI0)
                    {
                        Name (_HID, EisaId ("PNP0A08"))  // _HID: Hardware ID
                        OperationRegion (ECR0, SystemMemory, 0xFE000000, 0x1000)
                        OperationRegion (DYN0, SystemMemory, (GLOB + 0x10), 0x20)
                        Method (_STA, 0, NotSerialized)  // _STA: Status
                        {
                            Name (LOCL, Buffer (0x04) { 0x01, 0x02, 0x03, 0x04 })
                            If (One)
                            {
                                Device (NOT0) {}
                            }
                            Return (0x0F)
                        }
                        Device (^DEV1)
                        {
                            OperationRegion (\\GIOR, SystemIO, 0x80, One)
                            Name (_CRS, ResourceTemplate ()
                            {
                                Memory32Fixed (ReadWrite, 0x10000000, 0x00001000, )
                            })
                        }
                    }
                }
                If (One)
                {
                    Name (CND0, Zero)
                    OperationRegion (\\_SB.PCI0.OEM0, 0x80, Zero, 0x10)
                }
            }""";

    @Test
    void countsDeclarationsOutsideMethodBodiesOnly() {
        AslDeclarations.Result r = AslDeclarations.parse(LISTING);

        assertThat(r.devices()).isEqualTo(2);
        assertThat(r.methods()).isEqualTo(1);
        assertThat(r.names()).isEqualTo(4);
        assertThat(r.operationRegions()).isEqualTo(4);
    }

    @Test
    void regionsGetAbsolutePathsSpacesAndConstantOperands() {
        AslDeclarations.Result r = AslDeclarations.parse(LISTING);

        assertThat(r.regions())
                .containsExactly(
                        new AslDeclarations.Region(
                                "\\_SB_.PCI0.ECR0", 0, OptionalLong.of(0xFE00_0000L), OptionalLong.of(0x1000)),
                        new AslDeclarations.Region("\\_SB_.PCI0.DYN0", 0, OptionalLong.empty(), OptionalLong.of(0x20)),
                        new AslDeclarations.Region("\\GIOR", 1, OptionalLong.of(0x80), OptionalLong.of(1)),
                        new AslDeclarations.Region(
                                "\\_SB_.PCI0.OEM0", 0x80, OptionalLong.of(0), OptionalLong.of(0x10)));
    }

    @Test
    void sumsListings() {
        AslDeclarations.Result one = AslDeclarations.parse(LISTING);

        AslDeclarations.Result two = one.plus(one);

        assertThat(two.devices()).isEqualTo(4);
        assertThat(two.names()).isEqualTo(8);
        assertThat(two.regions()).hasSize(8);
    }

    @Test
    void normalisesLoadedPathsToFourCharacterSegments() {
        assertThat(AslDeclarations.normalise("\\_SB.PCI0.EC")).isEqualTo("\\_SB_.PCI0.EC__");
        assertThat(AslDeclarations.normalise("\\")).isEqualTo("\\");
    }
}
