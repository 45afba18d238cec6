package io.github.xenacpi.acpi.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DumpHeaderTest {

    private static DumpHeader parse(String line) {
        return DumpHeader.parse(line).orElseThrow();
    }

    @Test
    void everyKnownHeaderForm() {
        assertThat(parse("SSDT @ 0x00000000BFA02344")).isEqualTo(new DumpHeader("SSDT", "SSDT", 0xBFA02344L, null));
        assertThat(parse("SSDT4 @ 0xbfa02344")).isEqualTo(new DumpHeader("SSDT4", "SSDT", 0xBFA02344L, null));
        assertThat(parse("RSD PTR @ 0xf7240")).isEqualTo(new DumpHeader("RSD PTR", "RSDP", 0xF7240L, null));
        assertThat(parse("RSD  @ 0x00000000000F0120")).isEqualTo(new DumpHeader("RSD", "RSDP", 0xF0120L, null));
        assertThat(parse("FACS @ (nil)")).isEqualTo(new DumpHeader("FACS", "FACS", -1, null));
        assertThat(parse("DSDT @ 0x0000000000000000")).isEqualTo(new DumpHeader("DSDT", "DSDT", -1, null));
        assertThat(parse("MCFG @ 0x007C465A02D3F6A0"))
                .extracting(DumpHeader::address)
                .isEqualTo(0x007C465A02D3F6A0L);
        assertThat(parse("FFT_ @ 0xFFFFFFFFFFFFFFFF"))
                .extracting(DumpHeader::address)
                .isEqualTo(-1L);
    }

    @Test
    void unreadableAddressKeepsTheHeaderAndSaysWhy() {
        assertThat(parse("APIC @ 0x12345678901234567")).satisfies(h -> {
            assertThat(h.address()).isEqualTo(-1);
            assertThat(h.addressProblem())
                    .isEqualTo("address \"0x12345678901234567\" is not 0x followed by at" + " most 16 hex digits");
        });
    }

    @Test
    void linesThatAreNoHeader() {
        assertThat(DumpHeader.parse("    0000: 40 20 40 20  @ @ ")).isEmpty();
        assertThat(DumpHeader.parse("Firmware tables @ home")).isEmpty();
        assertThat(DumpHeader.parse("DSDT")).isEmpty();
        assertThat(DumpHeader.parse("")).isEmpty();
    }
}
