package io.github.xenacpi.conformance;

/** The serial port subtypes of the Microsoft DBG2 specification, shared by the SPCR interface type. */
final class SerialTypes {

    /** The subtypes an Arm BSA compliant UART may have: 16550, 16550 subset, PL011, SBSA generic, 16550 GAS. */
    static final int[] BSA_UARTS = {0x00, 0x01, 0x03, 0x0E, 0x12};

    private SerialTypes() {}

    /** Whether the subtype is defined: 0x00 to 0x15 except 0x07. */
    static boolean known(int subtype) {
        return subtype >= 0 && subtype <= 0x15 && subtype != 0x07;
    }

    /** Whether the subtype is one of {@link #BSA_UARTS}. */
    static boolean bsa(int subtype) {
        for (int t : BSA_UARTS) {
            if (t == subtype) {
                return true;
            }
        }
        return false;
    }
}
