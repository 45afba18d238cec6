package io.github.xenacpi.aml;

/**
 * The AML expression and statement opcodes that carry no name of their own (ACPI 6.5 sections 20.2.5.3 and
 * 20.2.5.4), each with the kinds of its operands. The loader reads operands by these kinds and the AML writer
 * writes them by the same kinds. Extended opcodes are numbered {@code 0x5Bxx}.
 *
 * <p>Operand kinds: {@code T} TermArg, {@code S} SuperName, {@code R} Target (SuperName or NullName),
 * {@code N} NameString, {@code B}/{@code W}/{@code D} byte/word/dword data.
 */
public enum AmlOpcode {
    STORE(0x70, "Store", "TS"),
    REF_OF(0x71, "RefOf", "S"),
    ADD(0x72, "Add", "TTR"),
    CONCATENATE(0x73, "Concatenate", "TTR"),
    SUBTRACT(0x74, "Subtract", "TTR"),
    INCREMENT(0x75, "Increment", "S"),
    DECREMENT(0x76, "Decrement", "S"),
    MULTIPLY(0x77, "Multiply", "TTR"),
    DIVIDE(0x78, "Divide", "TTRR"),
    SHIFT_LEFT(0x79, "ShiftLeft", "TTR"),
    SHIFT_RIGHT(0x7A, "ShiftRight", "TTR"),
    AND(0x7B, "And", "TTR"),
    NAND(0x7C, "NAnd", "TTR"),
    OR(0x7D, "Or", "TTR"),
    NOR(0x7E, "NOr", "TTR"),
    XOR(0x7F, "XOr", "TTR"),
    NOT(0x80, "Not", "TR"),
    FIND_SET_LEFT_BIT(0x81, "FindSetLeftBit", "TR"),
    FIND_SET_RIGHT_BIT(0x82, "FindSetRightBit", "TR"),
    DEREF_OF(0x83, "DerefOf", "T"),
    CONCATENATE_RES_TEMPLATE(0x84, "ConcatenateResTemplate", "TTR"),
    MOD(0x85, "Mod", "TTR"),
    NOTIFY(0x86, "Notify", "ST"),
    SIZE_OF(0x87, "SizeOf", "S"),
    INDEX(0x88, "Index", "TTR"),
    MATCH(0x89, "Match", "TBTBTT"),
    OBJECT_TYPE(0x8E, "ObjectType", "S"),
    LAND(0x90, "LAnd", "TT"),
    LOR(0x91, "LOr", "TT"),
    LNOT(0x92, "LNot", "T"),
    LEQUAL(0x93, "LEqual", "TT"),
    LGREATER(0x94, "LGreater", "TT"),
    LLESS(0x95, "LLess", "TT"),
    TO_BUFFER(0x96, "ToBuffer", "TR"),
    TO_DECIMAL_STRING(0x97, "ToDecimalString", "TR"),
    TO_HEX_STRING(0x98, "ToHexString", "TR"),
    TO_INTEGER(0x99, "ToInteger", "TR"),
    TO_STRING(0x9C, "ToString", "TTR"),
    COPY_OBJECT(0x9D, "CopyObject", "TS"),
    MID(0x9E, "Mid", "TTTR"),
    CONTINUE(0x9F, "Continue", ""),
    NOOP(0xA3, "Noop", ""),
    RETURN(0xA4, "Return", "T"),
    BREAK(0xA5, "Break", ""),
    BREAK_POINT(0xCC, "BreakPoint", ""),
    COND_REF_OF(0x5B12, "CondRefOf", "SR"),
    LOAD_TABLE(0x5B1F, "LoadTable", "TTTTTT"),
    LOAD(0x5B20, "Load", "NS"),
    STALL(0x5B21, "Stall", "T"),
    SLEEP(0x5B22, "Sleep", "T"),
    ACQUIRE(0x5B23, "Acquire", "SW"),
    SIGNAL(0x5B24, "Signal", "S"),
    WAIT(0x5B25, "Wait", "ST"),
    RESET(0x5B26, "Reset", "S"),
    RELEASE(0x5B27, "Release", "S"),
    FROM_BCD(0x5B28, "FromBCD", "TR"),
    TO_BCD(0x5B29, "ToBCD", "TR"),
    UNLOAD(0x5B2A, "Unload", "S"),
    REVISION(0x5B30, "Revision", ""),
    DEBUG(0x5B31, "Debug", ""),
    FATAL(0x5B32, "Fatal", "BDT"),
    TIMER(0x5B33, "Timer", "");

    /** The prefix byte of the extended opcodes. */
    public static final int EXT_PREFIX = 0x5B;

    /** The one-byte opcodes at their code, the extended ones ({@code 0x5Bxx}) at {@code 0x100 + xx}. */
    private static final AmlOpcode[] BY_CODE = new AmlOpcode[0x200];

    static {
        for (AmlOpcode op : values()) {
            BY_CODE[slot(op.code)] = op;
        }
    }

    private final int code;
    private final String mnemonic;
    private final String operands;

    AmlOpcode(int code, String mnemonic, String operands) {
        this.code = code;
        this.mnemonic = mnemonic;
        this.operands = operands;
    }

    /** The opcode: one byte, or {@code 0x5Bxx} for an extended opcode. */
    public int code() {
        return code;
    }

    /** The ASL name of the operator. */
    public String mnemonic() {
        return mnemonic;
    }

    /** The operand kinds, one character each (see the class description). */
    public String operands() {
        return operands;
    }

    /** Whether the opcode is written with the {@code 0x5B} prefix. */
    public boolean extended() {
        return code > 0xFF;
    }

    /** The opcode for a code as {@link #code()} gives it, or null when the table has none. */
    public static AmlOpcode of(int code) {
        int slot = slot(code);
        return slot < 0 ? null : BY_CODE[slot];
    }

    /** Where a code sits in {@link #BY_CODE}, or -1 for a code no opcode can have. */
    private static int slot(int code) {
        if (code >= 0 && code <= 0xFF) {
            return code;
        }
        return code >>> 8 == EXT_PREFIX ? 0x100 + (code & 0xFF) : -1;
    }
}
