package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.Optional;

/**
 * The TPM 2.0 hardware interface table (TCG ACPI Specification 1.4, section 8): the platform class, the address
 * of the CRB control area (or FIFO base), the start method with its method-specific parameters, and from
 * revision 4 the pre-boot event log area.
 */
public record Tpm2Table(
        TableHeader header,
        int platformClass,
        long controlAddress,
        long startMethodCode,
        StartParameters parameters,
        Optional<LogArea> logArea)
        implements AcpiTable {

    /** The start method named by {@link #startMethodCode()}. */
    public TpmStartMethod startMethod() {
        return TpmStartMethod.of(startMethodCode);
    }

    /** The start-method-specific parameters, in the form the start method defines. */
    public sealed interface StartParameters permits ArmSmc, Ffa, Mailbox, Opaque {}

    /** Parameters of start method 11: the TPM interrupt, flags and the SMC/HVC function identifier. */
    public record ArmSmc(long interrupt, int interruptFlags, int operationFlags, int attributes, long functionId)
            implements StartParameters {}

    /** Parameters of start method 15: FF-A flags, attributes and the secure partition's id. */
    public record Ffa(int flags, int attributes, int partitionId) implements StartParameters {}

    /** Parameters of start method 13: the mailbox start and reply register addresses. */
    public record Mailbox(long startAddress, long replyAddress) implements StartParameters {}

    /** Parameters of any other start method, as lowercase hex (empty when the table has none). */
    public record Opaque(String hex) implements StartParameters {}

    /** The pre-boot TCG event log: minimum length (LAML) and start address (LASA). */
    public record LogArea(long minimumLength, long startAddress) {}
}
