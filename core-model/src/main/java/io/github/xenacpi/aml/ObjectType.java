package io.github.xenacpi.aml;

/**
 * The type of a namespace object, numbered as the ACPI ObjectType operator and the External opcode number them
 * (ACPI 6.5 section 19.6.97); {@link #ALIAS} and {@link #SCOPE} are this model's own and have no number.
 */
public enum ObjectType {
    ANY(0),
    INTEGER(1),
    STRING(2),
    BUFFER(3),
    PACKAGE(4),
    FIELD_UNIT(5),
    DEVICE(6),
    EVENT(7),
    METHOD(8),
    MUTEX(9),
    OPERATION_REGION(10),
    POWER_RESOURCE(11),
    PROCESSOR(12),
    THERMAL_ZONE(13),
    BUFFER_FIELD(14),
    DDB_HANDLE(15),
    DEBUG_OBJECT(16),
    /** A name created by Alias, standing for another object. */
    ALIAS(-1),
    /** A scope with no object of its own: the root and the predefined \_GPE, \_PR, \_SI and \_TZ. */
    SCOPE(-1);

    private final int code;

    ObjectType(int code) {
        this.code = code;
    }

    /** The ACPI number of the type, -1 for the model's own types. */
    public int code() {
        return code;
    }

    /** The type for an ACPI number; numbers above 16 give {@link #ANY}. */
    public static ObjectType of(int code) {
        for (ObjectType t : values()) {
            if (t.code == code && code >= 0) {
                return t;
            }
        }
        return ANY;
    }
}
