package io.github.xenacpi.acpi.table;

/**
 * The TPM2 table's Start Method values (TCG ACPI Specification 1.4, table 8): how the OS tells the TPM that a
 * command is ready. Reserved and unknown values map to {@link #RESERVED}; the table keeps the raw code.
 */
public enum TpmStartMethod {
    NOT_ALLOWED(0, "not allowed"),
    LEGACY(1, "legacy (TPM 1.2)"),
    ACPI(2, "ACPI start method"),
    MEMORY_MAPPED(6, "memory-mapped I/O (FIFO/TIS)"),
    CRB(7, "Command Response Buffer"),
    CRB_WITH_ACPI(8, "Command Response Buffer with ACPI start method"),
    CRB_WITH_ARM_SMC(11, "Command Response Buffer with Arm SMC/HVC"),
    FIFO_I2C(12, "FIFO over I2C"),
    CRB_WITH_MAILBOX(13, "Command Response Buffer with AMD/Pluton mailbox"),
    CRB_WITH_FFA(15, "Command Response Buffer with Arm FF-A"),
    /** Any value the specification reserves (3 to 5, 9, 10, 14, 16 and above). */
    RESERVED(-1, "reserved");

    private final int code;
    private final String label;

    TpmStartMethod(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The numeric value, -1 for {@link #RESERVED}. */
    public int code() {
        return code;
    }

    /** A human-readable name. */
    public String label() {
        return label;
    }

    /** Whether the control address is a CRB control area that tpm_crb maps. */
    public boolean usesCrb() {
        return this == CRB
                || this == CRB_WITH_ACPI
                || this == CRB_WITH_ARM_SMC
                || this == CRB_WITH_MAILBOX
                || this == CRB_WITH_FFA;
    }

    /** The start method for a numeric value; unknown values map to {@link #RESERVED}. */
    public static TpmStartMethod of(long code) {
        for (TpmStartMethod m : values()) {
            if (m.code == code) {
                return m;
            }
        }
        return RESERVED;
    }
}
